"""A small rollout for the schools tests: a programme tree (5 lessons, 2 thuismodules, 2 course
modules; the suite's builder in ``tests/pages.py``), school A with groep A (teacher A) and school B with groep B (teacher B)."""

import pytest

from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from tests.pages import programme_tree


@pytest.fixture
def tree(db):
    return programme_tree()  # lessons 1-5, Thuismodule 1 and 2, two course modules


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
