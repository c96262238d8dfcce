"""A small carers' tree: a Dutch home, a class programme and the at-home modules' index with
two modules, the first translated into English and Arabic with wagtail-localize (as the demo
does), the second left in Dutch. A groep of school A uses it (never the whole demo)."""

import pytest

from lessons import demo_translations
from lessons.programme import ProgrammeType
from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from tests.pages import programme_tree


@pytest.fixture
def carer_tree(db):
    built = programme_tree(
        kinds=(ProgrammeType.CLASS, ProgrammeType.HOME), lessons=[(1, "Wie en wat")],
        modules=[(1, "Een positieve blik"), (2, "Alleen in het Nederlands")],
    )
    pages = {key: built[key] for key in ("home", "klas", "thuis")}
    pages["module"], pages["dutch_only"] = built["modules"]
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
