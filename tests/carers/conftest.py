"""A small carers' tree: a Dutch home, a class programme and the at-home modules' index with
two modules, the first translated into English and Arabic with wagtail-localize (as the demo
does), the second left in Dutch. A groep of school A uses it (never the whole demo)."""

import pytest

from lessons import demo_translations
from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from tests.lessons import factories as lf


@pytest.fixture
def carer_tree(db):
    home = lf.site_home()
    klas = lf.programme(home, "klas", "lessen", "Lessen in de klas")
    thuis = lf.programme(home, "thuis", "thuis", "Thuismodules")
    translated = lf.home_module(thuis, 1, "Een positieve blik")
    dutch_only = lf.home_module(thuis, 2, "Alleen in het Nederlands")
    lf.class_lesson(klas, 1, "Wie en wat")
    pages = {"home": home, "klas": klas, "thuis": thuis, "module": translated, "dutch_only": dutch_only}
    for language in ("en", "ar"):
        for key in ("home", "thuis", "module"):
            pages[f"{key}_{language}"] = demo_translations.translate(pages[key], language).specific
    return pages


@pytest.fixture
def carer_groep(carer_tree, teacher):
    school = School.objects.create(
        name="De Regenboog", brin="12AB", wijk="Woensel", municipality="Eindhoven", contact_name="Mieke",
        contact_email="mieke@regenboog.example", status=SchoolStatus.ACTIVE,
    )
    groep = Groep.objects.create(
        school=school, school_year=schoolyear.current_school_year(), name="Groep 7A", year_levels=[7],
        pupil_count=25, programme=carer_tree["klas"],
    )
    groep.teachers.add(teacher)
    return groep
