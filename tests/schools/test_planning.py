"""Issue 15, point 4: the planning grid (front end and admin), planned dates on Mijn groepen and
the teacher's iCalendar feed behind a secret, rotatable address."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import ModelLogEntry

from schools import calendar, planning, schoolyear
from schools.models import PlannedLessonDate

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def in_year(groep, month=12, day=12):
    first, _last = schoolyear.bounds(groep.school_year)
    return datetime.date(first.year if month >= 8 else first.year + 1, month, day)


def grid_data(tree, **dates):
    """POST data for the grid: ``les_<pk>`` per lesson; keyword n1..n5 sets lesson n's value."""
    data = {f"les_{lesson.pk}": "" for lesson in tree["lessons"]}
    for key, value in dates.items():
        data[f"les_{tree['lessons'][int(key[1:]) - 1].pk}"] = value
    return data


def test_teacher_plans_every_lesson_in_one_form(client, teacher, groep_a, tree):
    client.force_login(teacher)
    url = reverse("schools:plan_groep", args=[groep_a.pk])
    html = soup(client.get(url))
    inputs = html.select("input[type=date]")
    assert len(inputs) == 5, "one date per lesson of the programme"
    assert all(html.select_one(f"label[for={i['id']}]") for i in inputs), "every date has a label"
    day = in_year(groep_a)
    response = client.post(url, grid_data(tree, n1=day.isoformat(), n2=(day + datetime.timedelta(days=7)).isoformat()))
    assert response.status_code == 302
    assert dict(PlannedLessonDate.objects.filter(groep=groep_a).values_list("lesson__number", "planned_date")) == {
        1: day, 2: day + datetime.timedelta(days=7)}
    # Change one, clear the other: the grid is the whole plan.
    client.post(url, grid_data(tree, n1=(day + datetime.timedelta(days=1)).isoformat()))
    assert dict(PlannedLessonDate.objects.filter(groep=groep_a).values_list("lesson__number", "planned_date")) == {
        1: day + datetime.timedelta(days=1)}
    entry = ModelLogEntry.objects.filter(action="schools.planning_changed", object_id=str(groep_a.pk)).first()
    assert entry is not None and entry.user_id == teacher.pk


@pytest.mark.parametrize("value", ["31-31-2026", "99999-01-01", "2027-02-30", "１２-１２-２０２６", "2000-01-01"])
def test_bad_dates_give_a_dutch_message_and_change_nothing(client, teacher, groep_a, tree, value):
    client.force_login(teacher)
    url = reverse("schools:plan_groep", args=[groep_a.pk])
    good = in_year(groep_a).isoformat()
    response = client.post(url, grid_data(tree, n1=good, n2=value))
    assert response.status_code == 200
    errors = soup(response).select(".field__error")
    assert errors and ("geldige datum" in errors[0].text or "buiten schooljaar" in errors[0].text)
    assert not PlannedLessonDate.objects.exists(), "nothing half-written"


def test_service_refuses_lessons_of_another_programme(groep_a, tree):
    from django.core.exceptions import ValidationError

    from tests.lessons import factories as lf

    other = lf.programme(tree["home"], "klas", "ander", "Ander programma")
    stranger = lf.class_lesson(other, 1, title="Vreemde les")
    with pytest.raises(ValidationError, match="hoort niet bij het programma"):
        planning.save_planning(groep_a, {stranger.pk: in_year(groep_a)})
    assert not PlannedLessonDate.objects.exists()


def test_other_teachers_and_carers_cannot_plan(client, other_teacher, groep_a, tree):
    client.force_login(other_teacher)
    url = reverse("schools:plan_groep", args=[groep_a.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, grid_data(tree, n1=in_year(groep_a).isoformat())).status_code == 404
    assert not PlannedLessonDate.objects.exists()


def test_coordinator_plans_in_the_admin(client, coordinator, groep_a, tree):
    client.force_login(coordinator)
    url = reverse("schools_admin_plan", args=[groep_a.pk])
    assert len(soup(client.get(url)).select("input[type=date]")) == 5
    response = client.post(url, grid_data(tree, n3=in_year(groep_a).isoformat()))
    assert response.status_code == 302 and response["Location"] == reverse("groepen:edit", args=[groep_a.pk])
    assert PlannedLessonDate.objects.get(groep=groep_a).lesson == tree["lessons"][2]
    # The groep's edit form links to the grid instead of one page chooser per lesson.
    edit = soup(client.get(reverse("groepen:edit", args=[groep_a.pk])))
    assert edit.select_one(f"a[href='{url}']") is not None


def test_teachers_cannot_open_the_admin_grid(client, teacher, groep_a, tree):
    client.force_login(teacher)
    response = client.get(reverse("schools_admin_plan", args=[groep_a.pk]))
    assert response.status_code in (302, 403)


def test_my_groepen_and_groep_page_show_the_planned_date(client, teacher, groep_a, tree):
    day = in_year(groep_a, 12, 12)
    planning.save_planning(groep_a, {tree["lessons"][0].pk: day, tree["lessons"][1].pk: in_year(groep_a, 12, 19)})
    client.force_login(teacher)
    card = soup(client.get(reverse("schools:my_groepen"))).select_one(".groep-card").get_text(" ", strip=True)
    assert "Volgende les: 1. Les 1, gepland 12 december" in card
    rows = soup(client.get(reverse("schools:groep_detail", args=[groep_a.pk]))).select(".data-table tbody tr")
    assert f"12 december {day.year}" in rows[0].get_text(" ", strip=True)


def test_my_groepen_planned_dates_cost_one_query_for_all_groepen(teacher, groep_a, tree, school_a, django_assert_num_queries):
    from schools import selectors
    from schools.models import Groep

    for n in range(3):
        extra = Groep.objects.create(school=school_a, name=f"Groep {n}", year_levels=[8], pupil_count=20, programme=tree["klas"])
        extra.teachers.add(teacher)
        planning.save_planning(extra, {tree["lessons"][0].pk: in_year(extra, 9, n + 1)})
    groepen = selectors.groepen_of_teacher(teacher)
    with django_assert_num_queries(1):
        planning.attach_next_planned_dates(groepen)
    assert sorted(g.next_planned_date.day for g in groepen if g.next_planned_date) == [1, 2, 3]


# iCalendar feed ------------------------------------------------------------------------------

def make_feed(client, teacher):
    client.force_login(teacher)
    client.post(reverse("schools:calendar_rotate"))
    client.logout()
    return teacher.calendar_feed


def test_feed_is_valid_icalendar_with_the_planned_lessons(client, teacher, groep_a, groep_b, tree):
    day = in_year(groep_a)
    planning.save_planning(groep_a, {tree["lessons"][0].pk: day})
    planning.save_planning(groep_b, {tree["lessons"][1].pk: day})  # another teacher's groep
    feed = make_feed(client, teacher)
    response = client.get(calendar.feed_path(feed))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    parsed = Calendar.from_ical(response.content)
    events = list(parsed.walk("VEVENT"))
    assert len(events) == 1, "only the teacher's own groepen"
    assert events[0].decoded("dtstart") == day
    assert "Les 1" in str(events[0]["summary"]) and "Groep 7A" in str(events[0]["summary"])
    assert str(parsed["version"]) == "2.0"


def test_feed_reveals_nothing_without_its_secret(client, teacher, groep_a, tree):
    planning.save_planning(groep_a, {tree["lessons"][0].pk: in_year(groep_a)})
    feed = make_feed(client, teacher)
    good = calendar.feed_path(feed)
    token = calendar.token_for(feed)
    for path in (
        reverse("schools:calendar_feed", kwargs={"pk": feed.pk, "token": "0" * len(token)}),
        reverse("schools:calendar_feed", kwargs={"pk": feed.pk, "token": token.upper()}),
        reverse("schools:calendar_feed", kwargs={"pk": feed.pk + 1, "token": token}),
        reverse("schools:calendar_feed", kwargs={"pk": feed.pk, "token": token[:-1]}),
    ):
        response = client.get(path)
        assert response.status_code == 404 and b"Les 1" not in response.content, path
    assert client.get(good).status_code == 200


def test_a_new_link_stops_the_old_one_and_is_logged(client, teacher, groep_a):
    feed = make_feed(client, teacher)
    old = calendar.feed_path(feed)
    client.force_login(teacher)
    response = client.post(reverse("schools:calendar_rotate"))
    assert response.status_code == 302
    feed.refresh_from_db()
    assert calendar.feed_path(feed) != old
    assert client.get(old).status_code == 404
    assert client.get(calendar.feed_path(feed)).status_code == 200
    assert ModelLogEntry.objects.filter(action="schools.calendar_rotated").count() == 2
    page = soup(client.get(reverse("schools:calendar")))
    assert page.select_one("#feed-url")["value"].endswith(calendar.feed_path(feed))


def test_a_deactivated_teachers_feed_stops(client, teacher, groep_a):
    feed = make_feed(client, teacher)
    teacher.is_active = False
    teacher.save()
    assert client.get(calendar.feed_path(feed)).status_code == 404


def test_feed_queries_do_not_grow_with_planned_lessons(client, teacher, groep_a, tree, django_assert_max_num_queries):
    feed = make_feed(client, teacher)
    planning.save_planning(groep_a, {tree["lessons"][0].pk: in_year(groep_a)})
    with django_assert_max_num_queries(3):
        client.get(calendar.feed_path(feed))
    planning.save_planning(groep_a, {lesson.pk: in_year(groep_a, 10, n + 1) for n, lesson in enumerate(tree["lessons"])})
    with django_assert_max_num_queries(3):
        response = client.get(calendar.feed_path(feed))
    assert len(list(Calendar.from_ical(response.content).walk("VEVENT"))) == 5


def test_rotate_needs_post_and_login(client, teacher):
    assert client.post(reverse("schools:calendar_rotate")).status_code == 302  # to the login
    client.force_login(teacher)
    assert client.get(reverse("schools:calendar_rotate")).status_code == 405
