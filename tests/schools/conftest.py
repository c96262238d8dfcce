"""A small rollout for the schools tests: a programme tree (5 lessons, 2 thuismodules, 2 course
modules), school A with groep A (teacher A) and school B with groep B (teacher B)."""

import pytest

from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from tests.lessons import factories as lf


@pytest.fixture
def tree(db):
    home = lf.site_home()
    klas = lf.programme(home, "klas", "lessen", "Lessen in de klas")
    thuis = lf.programme(home, "thuis", "thuis", "Thuismodules")
    cursus = lf.programme(home, "cursus", "cursus", "Cursus voor leerkrachten")
    return {
        "home": home, "klas": klas, "thuis": thuis, "cursus": cursus,
        "lessons": [lf.class_lesson(klas, n, title=f"Les {n}") for n in range(1, 6)],
        "modules": [lf.home_module(thuis, n, title=f"Thuismodule {n}") for n in range(1, 3)],
        "course": [lf.course_module(cursus, n) for n in range(1, 3)],
    }


@pytest.fixture
def school_a(db):
    return School.objects.create(
        name="De Regenboog", brin="12AB", wijk="Woensel", municipality="Eindhoven", contact_name="Mieke",
        contact_email="mieke@regenboog.example", status=SchoolStatus.ACTIVE,
    )


@pytest.fixture
def school_b(db):
    return School.objects.create(
        name="Het Kompas", brin="34CD", wijk="Strijp", municipality="Eindhoven", contact_name="Ahmed",
        contact_email="ahmed@kompas.example", status=SchoolStatus.PLANNED,
    )


@pytest.fixture
def groep_a(tree, school_a, teacher):
    groep = Groep.objects.create(
        school=school_a, school_year=schoolyear.current_school_year(), name="Groep 7A", year_levels=[7],
        pupil_count=25, programme=tree["klas"],
    )
    groep.teachers.add(teacher)
    return groep


@pytest.fixture
def groep_b(tree, school_b, other_teacher):
    groep = Groep.objects.create(
        school=school_b, school_year=schoolyear.current_school_year(), name="Groep 8", year_levels=[7, 8],
        pupil_count=20, programme=tree["klas"],
    )
    groep.teachers.add(other_teacher)
    return groep
