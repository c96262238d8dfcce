"""Teachers' front end: "Mijn groepen", one-click logging, edit/remove within 14 days, own groepen only."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from lessons.models import CourseProgress
from schools import services
from schools.models import LessonDelivery


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def give(groep, lessons, teacher, days_ago=0):
    for lesson in lessons:
        services.log_delivery(groep=groep, lesson=lesson, teacher=teacher, date=timezone.localdate() - datetime.timedelta(days=days_ago))


@pytest.mark.django_db
def test_my_groepen_shows_progress_and_next_lesson(client, teacher, groep_a, groep_b, tree):
    give(groep_a, tree["lessons"][:2], teacher)
    give(groep_a, tree["lessons"][:1], teacher, days_ago=1)  # the same lesson again counts once
    client.force_login(teacher)
    html = soup(client.get(reverse("schools:my_groepen")))
    cards = html.select(".groep-card")
    assert len(cards) == 1, "only the teacher's own groep"
    text = cards[0].get_text(" ", strip=True)
    assert "Groep 7A" in text and "Groep 8" not in html.get_text()
    assert "2 van 5 lessen gegeven" in text
    assert "Volgende les: 3. Les 3" in text


@pytest.mark.django_db
def test_my_groepen_costs_a_fixed_number_of_queries(client, teacher, groep_a, tree, school_a, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from schools.models import Groep

    client.force_login(teacher)
    with CaptureQueriesContext(connection) as one_groep:
        client.get(reverse("schools:my_groepen"))
    for n in range(4):
        extra = Groep.objects.create(school=school_a, name=f"Groep {n}", year_levels=[8], pupil_count=20, programme=tree["klas"])
        extra.teachers.add(teacher)
        give(extra, tree["lessons"][:n], teacher)
    # Page chrome (menu, footer, language switcher) included; the groepen add nothing per row.
    with django_assert_max_num_queries(len(one_groep)):
        response = client.get(reverse("schools:my_groepen"))
    assert len(one_groep) <= 16
    assert response.status_code == 200 and len(soup(response).select(".groep-card")) == 5


@pytest.mark.django_db
def test_one_click_logs_the_next_lesson_for_today_with_defaults(client, teacher, groep_a, tree):
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {"quick": "1", "lesson": lesson.pk}, follow=True)
    delivery = LessonDelivery.objects.get()
    assert (delivery.date, delivery.pupils_present, delivery.minutes, delivery.teacher) == (
        timezone.localdate(), 25, lesson.duration_minutes, teacher)
    assert "Les 1 is geregistreerd" in response.content.decode()
    # After logging, the hook ``schools_delivery_logged`` may send the teacher on (feedback's form).
    assert "1 van 5 lessen gegeven" in soup(client.get(reverse("schools:groep_detail", args=[groep_a.pk]))).get_text()
    # A second click the same day: a Dutch message, nothing new saved.
    response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {"quick": "1", "lesson": lesson.pk}, follow=True)
    assert "al geregistreerd" in response.content.decode()
    assert LessonDelivery.objects.count() == 1


@pytest.mark.django_db
def test_full_form_defaults_to_today_and_rejects_bad_input_in_dutch(client, teacher, groep_a, tree):
    client.force_login(teacher)
    url = reverse("schools:log_delivery", args=[groep_a.pk])
    form = soup(client.get(url + f"?les={tree['lessons'][1].pk}"))
    assert form.select_one("#id_date")["value"] == timezone.localdate().isoformat()
    assert form.select_one("#id_pupils_present")["value"] == "25"
    response = client.post(url, {
        "lesson": tree["lessons"][1].pk, "date": (timezone.localdate() + datetime.timedelta(days=2)).isoformat(),
        "pupils_present": 30, "minutes": 50, "adaptations": "",
    })
    text = response.content.decode()
    assert response.status_code == 200
    assert "in de toekomst" in text and "niet meer leerlingen aanwezig" in text
    assert not LessonDelivery.objects.exists()
    response = client.post(url, {"lesson": tree["lessons"][1].pk, "date": timezone.localdate().isoformat(),
                                 "pupils_present": 22, "minutes": 50, "adaptations": "Korter kringgesprek"})
    assert response.status_code == 302
    assert LessonDelivery.objects.get().adaptations == "Korter kringgesprek"


@pytest.mark.django_db
def test_edit_and_remove_within_14_days_but_not_later(client, teacher, groep_a, tree):
    give(groep_a, tree["lessons"][:2], teacher)
    recent, old = LessonDelivery.objects.order_by("pk")
    LessonDelivery.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))
    client.force_login(teacher)
    response = client.post(reverse("schools:edit_delivery", args=[recent.pk]), {
        "lesson": recent.lesson_id, "date": recent.date.isoformat(), "pupils_present": 10, "minutes": 45, "adaptations": "x"})
    assert response.status_code == 302
    recent.refresh_from_db()
    assert (recent.pupils_present, recent.minutes) == (10, 45)
    detail = soup(client.get(reverse("schools:groep_detail", args=[groep_a.pk])))
    assert len(detail.select(f'a[href="{reverse("schools:edit_delivery", args=[recent.pk])}"]')) == 1
    assert not detail.select(f'a[href="{reverse("schools:edit_delivery", args=[old.pk])}"]')
    # Too old: editing and removing are refused with a Dutch message.
    response = client.post(reverse("schools:edit_delivery", args=[old.pk]), {
        "lesson": old.lesson_id, "date": old.date.isoformat(), "pupils_present": 1, "minutes": 1}, follow=True)
    assert "tot 14 dagen" in response.content.decode()
    response = client.post(reverse("schools:delete_delivery", args=[old.pk]), follow=True)
    assert "tot 14 dagen" in response.content.decode()
    old.refresh_from_db()
    assert old.pupils_present == 25
    response = client.post(reverse("schools:delete_delivery", args=[recent.pk]))
    assert response.status_code == 302
    assert list(LessonDelivery.objects.values_list("pk", flat=True)) == [old.pk]


@pytest.mark.django_db
def test_teacher_b_cannot_see_or_change_teacher_as_groep(client, teacher, other_teacher, groep_a, tree):
    give(groep_a, tree["lessons"][:1], teacher)
    delivery = LessonDelivery.objects.get()
    client.force_login(other_teacher)
    for name, args in [("groep_detail", [groep_a.pk]), ("log_delivery", [groep_a.pk]), ("carer_letter", [groep_a.pk]),
                       ("edit_delivery", [delivery.pk]), ("delete_delivery", [delivery.pk])]:
        assert client.get(reverse(f"schools:{name}", args=args)).status_code == 404, name
    for name, args, data in [
        ("log_delivery", [groep_a.pk], {"quick": "1", "lesson": tree["lessons"][1].pk}),
        ("edit_delivery", [delivery.pk], {"lesson": delivery.lesson_id, "date": delivery.date.isoformat(), "pupils_present": 1, "minutes": 1}),
        ("delete_delivery", [delivery.pk], {}),
        ("regenerate_code", [groep_a.pk], {}),
    ]:
        assert client.post(reverse(f"schools:{name}", args=args), data).status_code == 404, name
    delivery.refresh_from_db()
    groep_code = groep_a.carer_code
    groep_a.refresh_from_db()
    assert LessonDelivery.objects.count() == 1 and delivery.pupils_present == 25 and groep_a.carer_code == groep_code


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_the_login(client, groep_a):
    response = client.get(reverse("schools:groep_detail", args=[groep_a.pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
def test_teacher_is_trained_when_every_live_course_module_is_done(client, teacher, groep_a, tree):
    from schools.selectors import trained_teacher_ids, training_progress

    client.force_login(teacher)
    CourseProgress.objects.create(user=teacher, module=tree["course"][0])
    assert training_progress(teacher) == {"done": 1, "total": 2, "trained": False}
    assert "1 van 2 modules afgerond" in client.get(reverse("schools:my_groepen")).content.decode()
    CourseProgress.objects.create(user=teacher, module=tree["course"][1])
    assert training_progress(teacher)["trained"] is True
    assert trained_teacher_ids([teacher.pk]) == {teacher.pk}
    assert "U bent getraind" in client.get(reverse("schools:my_groepen")).content.decode()


@pytest.mark.django_db
def test_groep_page_shows_planned_dates_and_costs_the_same_queries_with_more_entries(
    client, teacher, groep_a, tree, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from schools import schoolyear
    from schools.models import PlannedLessonDate

    planned = schoolyear.bounds(groep_a.school_year)[1]
    PlannedLessonDate.objects.create(groep=groep_a, lesson=tree["lessons"][4], planned_date=planned)
    give(groep_a, tree["lessons"][:1], teacher)
    client.force_login(teacher)
    url = reverse("schools:groep_detail", args=[groep_a.pk])
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    rows = [tr.get_text(" ", strip=True) for tr in soup(response).select("#lessons-title ~ .table-wrap tbody tr")]
    assert len(rows) == 5 and "nog niet" in rows[4] and str(planned.year) in rows[4]
    give(groep_a, tree["lessons"][1:4], teacher)
    with django_assert_max_num_queries(len(few)):
        response = client.get(url)
    assert len(soup(response).select("#register-title ~ .table-wrap tbody tr")) == 4


@pytest.mark.django_db
@pytest.mark.parametrize("lesson", ["abc", "", "999999"])
def test_one_click_with_a_bad_lesson_gives_a_dutch_message(client, teacher, groep_a, lesson):
    client.force_login(teacher)
    response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {"quick": "1", "lesson": lesson}, follow=True)
    assert response.status_code == 200 and "hoort niet bij het programma" in response.content.decode()
    assert not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_garbage_in_the_full_form_gives_dutch_messages(client, teacher, groep_a):
    client.force_login(teacher)
    response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]) + "?les=abc",
                           {"lesson": "x", "date": "gisteren", "pupils_present": "-1", "minutes": ""})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Vul een geldige datum in" in text and "Vul in hoeveel minuten" in text
    assert not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_a_teacher_who_logs_in_lands_on_mijn_groepen(client, groep_a, teacher):
    response = client.post(
        reverse("accounts:login"), {"username": teacher.email, "password": "correct-horse-battery"}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 302 and response["Location"] == reverse("schools:my_groepen")
    assert "Groep 7A" in client.get(response["Location"]).content.decode()
