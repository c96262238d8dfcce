"""Fixtures for the feedback tests: the schools tests' small rollout (programme tree, schools A
and B, groep A of teacher A, groep B of teacher B), lessons with real exercises, and helpers that
make answers through the services (never bare ORM writes)."""

import itertools

import pytest

from feedback import services
from schools import services as school_services
from tests.lessons import factories as lf
from tests.schools.conftest import groep_a, groep_b, school_a, school_b, tree  # noqa: F401  (fixtures)

_days = itertools.count(1)


@pytest.fixture
def lesson_with_exercises(tree):  # noqa: F811
    """Lesson 6: two steps, the first with two exercises, the second only a discussion."""
    return lf.class_lesson(tree["klas"], 6, title="Sterk staan", steps=[
        lf.step("Opwarmen", [lf.exercise("Talentenjacht"), lf.exercise("Complimentenregen")]),
        lf.step("Nabespreken", [lf.discussion()]),
    ])


@pytest.fixture
def deliver(teacher):
    """Log ``lesson`` for ``groep`` on a fresh past day (a groep may give a lesson once a day)."""
    import datetime

    from django.utils import timezone

    from schools import schoolyear

    def _deliver(groep, lesson, who=None):
        first, _last = schoolyear.bounds(groep.school_year)
        day = max(first, timezone.localdate() - datetime.timedelta(days=next(_days) % 60))
        while groep.deliveries.filter(lesson=lesson, date=day).exists():
            day += datetime.timedelta(days=1)
        return school_services.log_delivery(groep=groep, lesson=lesson, teacher=who or teacher, date=min(day, timezone.localdate()))

    return _deliver


@pytest.fixture
def rate(deliver):
    """A lesson feedback with these grades (scales default to 4) for a new delivery."""

    def _rate(groep, lesson, grade, **fields):
        values = dict(pupils_engaged=4, fits_groep=4, preparation_feasible=4, time_sufficient=4) | fields
        return services.save_lesson_feedback(deliver(groep, lesson), grade=grade, **values)

    return _rate


@pytest.fixture
def carer_answer():
    def _answer(groep, module, grade, useful=4, recommend="ja", comment=""):
        household = school_services.create_household(groep)
        school_services.complete_module(household, module)
        return services.save_module_feedback(household, module, grade=grade, useful=useful, recommend=recommend, comment=comment)

    return _answer
