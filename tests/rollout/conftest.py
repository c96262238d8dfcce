"""A small hand-built rollout whose figures are worked out by hand in the tests.

Current school year Y: school A (actief; kick-off held, plan) with groep A1 (25 pupils,
teachers t1 trained and t3 untrained) and A2 (20 pupils, t2 trained, no lesson given); school B
(gepland; kick-off held, no plan) with B1 (22 pupils, t4 trained). Pipeline schools C
(interesse, nothing), D (intake, kick-off in the future, plan, two obstacles reported) and E
(interesse, plan). Year Y-1: groep A0 of school A (24 pupils, t1) gave three lessons.
"""

import datetime

import pytest
from django.utils import timezone

from feedback.models import LessonFeedback, ModuleFeedback, SchoolYearSurvey
from lessons.models import CourseProgress
from schools import schoolyear
from schools.models import (
    Groep,
    Household,
    HouseholdModuleProgress,
    ImplementationPlan,
    LessonDelivery,
    PlannedLessonDate,
    School,
    SchoolStatusChange,
)
from tests.factories import TeacherFactory
from tests.pages import programme_tree

Y = schoolyear.current_school_year()


def aware(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def make_school(name, brin, status, kickoff=None):
    return School.objects.create(name=name, brin=brin, status=status, kickoff_date=kickoff, municipality="Eindhoven",
                                 contact_name="Contact", contact_email=f"{brin.lower()}@school.example")


def make_groep(school, name, year, pupils, programme, *teachers):
    groep = Groep.objects.create(school=school, school_year=year, name=name, year_levels=[7], pupil_count=pupils, programme=programme)
    groep.teachers.add(*teachers)
    return groep


def deliver(groep, lesson, teacher, day, grade=None):
    delivery = LessonDelivery.objects.create(groep=groep, lesson=lesson, teacher=teacher, date=day, pupils_present=10, minutes=60)
    if grade is not None:
        LessonFeedback.objects.create(delivery=delivery, grade=grade, pupils_engaged=4, fits_groep=4, preparation_feasible=4, time_sufficient=4)
    return delivery


@pytest.fixture
def tree(db):
    return programme_tree()  # the schools tests' tree: lessons 1-5, two thuismodules, two course modules


def train(user, modules):
    CourseProgress.objects.bulk_create([CourseProgress(user=user, module=module) for module in modules])


@pytest.fixture
def rollout(tree, coordinator):
    today = timezone.localdate()
    first, _last = schoolyear.bounds(Y)
    day = min(today, first + datetime.timedelta(days=40))
    lessons, klas = tree["lessons"], tree["klas"]
    t1, t2, t3, t4 = (TeacherFactory(email=f"t{n}@school.example", first_name=f"T{n}", last_name="Leerkracht") for n in range(1, 5))
    train(t1, tree["course"])
    train(t2, tree["course"])
    train(t3, tree["course"][:1])
    train(t4, tree["course"])

    a = make_school("A-school", "11AA", "actief", kickoff=first)
    b = make_school("B-school", "22BB", "gepland", kickoff=first)
    c = make_school("C-school", "33CC", "interesse")
    d = make_school("D-school", "44DD", "intake", kickoff=today + datetime.timedelta(days=30))
    e = make_school("E-school", "55EE", "interesse")
    for school in (a, d, e):
        ImplementationPlan.objects.create(school=school, school_year=Y, groepen="7")
    previous_day = schoolyear.bounds(Y - 1)[0] + datetime.timedelta(days=30)
    SchoolStatusChange.objects.create(school=a, old_status="", new_status="interesse", changed_at=aware(previous_day))
    SchoolStatusChange.objects.create(school=a, old_status="interesse", new_status="actief", changed_at=aware(previous_day + datetime.timedelta(days=5)))
    SchoolStatusChange.objects.create(school=b, old_status="", new_status="interesse", changed_at=aware(previous_day))
    SchoolYearSurvey.objects.create(school=d, school_year=Y - 1, token="d-token", sent_to="d@school.example", answered_at=aware(previous_day),
                                    obstacle_time=True, obstacle_parents=True)

    a1 = make_groep(a, "Groep 7A", Y, 25, klas, t1, t3)
    a2 = make_groep(a, "Groep 7B", Y, 20, klas, t2)
    b1 = make_groep(b, "Groep 7", Y, 22, klas, t4)
    a0 = make_groep(a, "Groep 7A", Y - 1, 24, klas, t1)
    deliver(a1, lessons[0], t1, day, grade=8)
    deliver(a1, lessons[1], t1, day, grade=6)
    deliver(a1, lessons[0], t3, day - datetime.timedelta(days=1), grade=7)  # the same lesson again: counts once
    deliver(a1, lessons[2], t1, day, grade=9)
    deliver(a1, lessons[3], t1, day, grade=5)
    deliver(b1, lessons[0], t4, day, grade=7)
    previous_first = schoolyear.bounds(Y - 1)[0]
    for n in range(3):
        deliver(a0, lessons[n], t1, previous_first + datetime.timedelta(days=40 + 7 * n))
    PlannedLessonDate.objects.create(groep=a1, lesson=lessons[0], planned_date=day)
    PlannedLessonDate.objects.create(groep=a1, lesson=lessons[4], planned_date=day)

    module = tree["modules"][0]
    for n in range(6):
        household = Household.objects.create(groep=a1, token=f"tok-a1-{n}", resume_code=f"RA1{n}")
        HouseholdModuleProgress.objects.create(household=household, module=module, completed_at=timezone.now() if n < 3 else None)
        if n < 5:
            ModuleFeedback.objects.create(household=household, module=module, grade=(8, 8, 7, 9, 8)[n], useful=4, recommend="ja")
    for n in range(2):
        household = Household.objects.create(groep=a0, token=f"tok-a0-{n}", resume_code=f"RA0{n}")
        HouseholdModuleProgress.objects.create(household=household, module=module)
    return {"schools": {"A": a, "B": b, "C": c, "D": d, "E": e}, "teachers": [t1, t2, t3, t4],
            "groepen": {"A1": a1, "A2": a2, "B1": b1, "A0": a0}, "tree": tree, "coordinator": coordinator, "day": day}


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
