"""Issue 15, points 1, 3, 6, 7 and 8: the groep's admin form (teachers, programme), logging from
the lesson page, one-click logging with undo and the "al gegeven" warning, secondary buttons."""

import datetime
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from schools import quick_log, register_cache, services
from schools.models import Groep, LessonDelivery
from tests.factories import TeacherFactory
from tests.lessons import factories as lf

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


# 1 and 3: the groep's admin form ---------------------------------------------------------------

def test_groep_form_offers_the_schools_teachers_first_as_checkboxes(client, coordinator, teacher, other_teacher, groep_a, groep_b):
    newcomer = TeacherFactory(email="nieuw@school-a.example", last_name="Aaa")  # sorts first by name, but no groep here
    client.force_login(coordinator)
    html = soup(client.get(reverse("groepen:edit", args=[groep_a.pk])))
    boxes = html.select("input[type=checkbox][name=teachers]")
    labels = [html.select_one(f"label[for={box['id']}]").get_text(" ", strip=True) for box in boxes]
    assert labels[0].endswith("(leerkracht@school-a.example)"), "the school's own teacher comes first"
    assert any(newcomer.email in label for label in labels[1:]) and any(other_teacher.email in label for label in labels[1:])
    assert coordinator.email not in " ".join(labels), "only teachers are offered"
    text = html.get_text(" ", strip=True)
    assert "Leerkrachten van deze school" in text and "Andere leerkrachten" in text
    invite = reverse("schools_admin_invite_for_groep", args=[groep_a.pk])
    assert html.select_one(f"a[href='{invite}']") is not None, "the uitnodigen shortcut"


def test_groep_form_programme_is_a_plain_select_of_live_class_programmes(client, coordinator, groep_a, tree):
    draft = lf.programme(tree["home"], "klas", "concept", "Conceptprogramma")
    draft.unpublish()
    client.force_login(coordinator)
    html = soup(client.get(reverse("groepen:edit", args=[groep_a.pk])))
    select = html.select_one("select[name=programme]")
    options = [o.get_text(strip=True) for o in select.select("option") if o.get("value")]
    assert options == ["Lessen in de klas (Nederlands)"], "live class programmes only, no drafts, no home or course"
    assert select.select_one("option[selected]")["value"] == str(tree["klas"].pk)


def test_groep_form_saves_teachers_and_rejects_a_home_programme(client, coordinator, teacher, other_teacher, groep_a, tree):
    client.force_login(coordinator)
    url = reverse("groepen:edit", args=[groep_a.pk])
    data = {
        "school": groep_a.school_id, "name": groep_a.name, "school_year": groep_a.school_year, "year_levels": ["7"],
        "pupil_count": 25, "programme": tree["klas"].pk, "teachers": [teacher.pk, other_teacher.pk],
    }
    form_data = data
    response = client.post(url, form_data)
    assert response.status_code == 302, soup(response).select(".error-message")
    assert set(groep_a.teachers.values_list("pk", flat=True)) == {teacher.pk, other_teacher.pk}
    response = client.post(url, {**form_data, "programme": tree["thuis"].pk, "teachers": [teacher.pk]})
    assert response.status_code == 200
    groep_a.refresh_from_db()
    assert groep_a.programme_id == tree["klas"].pk and groep_a.teachers.count() == 2, "nothing changed"


# 6: logging from the lesson page -----------------------------------------------------------------

def test_lesson_page_offers_logging_for_each_of_the_teachers_groepen(client, teacher, groep_a, school_b, tree):
    second = Groep.objects.create(school=school_b, name="Groep 8X", year_levels=[8], pupil_count=20, programme=tree["klas"])
    second.teachers.add(teacher)
    other_programme = lf.programme(tree["home"], "klas", "ander", "Ander programma")
    elsewhere = Groep.objects.create(school=school_b, name="Groep 6Z", year_levels=[6], pupil_count=20, programme=other_programme)
    elsewhere.teachers.add(teacher)
    lesson = tree["lessons"][2]
    client.force_login(teacher)
    panel = soup(client.get(lesson.url)).select_one(".lesson-register")
    assert panel.h2.get_text(strip=True) == "Les gegeven registreren"
    buttons = [b.get_text(strip=True) for b in panel.select("button")]
    assert buttons == ["Les 3 vandaag gegeven aan Groep 7A", "Les 3 vandaag gegeven aan Groep 8X"]
    response = client.post(panel.select("form")[0]["action"], {"lesson": lesson.pk, "next": lesson.url})
    assert response.status_code == 302 and response["Location"] == lesson.url
    delivery = LessonDelivery.objects.get()
    assert (delivery.groep, delivery.lesson, delivery.teacher, delivery.date) == (groep_a, lesson, teacher, timezone.localdate())


def test_lesson_page_panel_is_absent_for_coordinators_and_other_teachers(client, coordinator, other_teacher, groep_a, tree):
    for user in (coordinator, other_teacher):
        client.force_login(user)
        response = client.get(tree["lessons"][0].url)
        assert response.status_code == 200 and not soup(response).select(".lesson-register")


def test_lesson_page_panel_costs_one_query_whatever_the_groepen(client, teacher, groep_a, school_a, tree, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    lesson = tree["lessons"][0]
    client.force_login(teacher)
    client.get(lesson.url)
    register_cache.REGISTER_VERSION.bump()  # measure the panel's own query, not its cache
    with CaptureQueriesContext(connection) as one:
        client.get(lesson.url)
    for n in range(4):
        extra = Groep.objects.create(school=school_a, name=f"Groep {n}", year_levels=[8], pupil_count=20, programme=tree["klas"])
        extra.teachers.add(teacher)
        services.log_delivery(groep=extra, lesson=lesson, teacher=teacher, date=timezone.localdate() - datetime.timedelta(days=1))
    with django_assert_max_num_queries(len(one)):  # the writes replaced the register version
        response = client.get(lesson.url)
    assert len(soup(response).select(".lesson-register button")) == 5
    with django_assert_max_num_queries(len(one) - 1):  # and then from the cache (schools.register_cache)
        again = client.get(lesson.url)
    assert len(soup(again).select(".lesson-register button")) == 5


# 7: one click is safe ----------------------------------------------------------------------------

def test_one_click_says_what_it_logged_and_offers_an_undo(client, teacher, groep_a, tree):
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    response = client.post(reverse("schools:quick_log", args=[groep_a.pk]), {"lesson": lesson.pk}, follow=True)
    html = soup(response)
    message = html.select_one(".messages").get_text(" ", strip=True)
    assert "Les 1 is geregistreerd als gegeven (Groep 7A, vandaag: 25 leerlingen, 60 minuten)" in message
    undo = html.select_one(".quick-log-undo")
    assert "Les 1 (Les 1) voor Groep 7A" in undo.get_text(" ", strip=True)
    delivery = LessonDelivery.objects.get()
    response = client.post(undo.form["action"], {"next": undo.form.select_one("[name=next]")["value"]}, follow=True)
    assert not LessonDelivery.objects.filter(pk=delivery.pk).exists()
    assert "Ongedaan gemaakt" in soup(response).select_one(".messages").get_text()
    assert not soup(response).select(".quick-log-undo"), "nothing left to undo"


def test_undo_ends_after_ten_minutes_and_is_only_for_the_teachers_own_entry(client, teacher, other_teacher, groep_a, tree):
    client.force_login(teacher)
    client.post(reverse("schools:quick_log", args=[groep_a.pk]), {"lesson": tree["lessons"][0].pk})
    delivery = LessonDelivery.objects.get()
    groep_a.teachers.add(other_teacher)
    client.force_login(other_teacher)
    client.post(reverse("schools:undo_quick_log", args=[delivery.pk]))
    assert LessonDelivery.objects.filter(pk=delivery.pk).exists(), "a colleague cannot undo it"
    LessonDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=quick_log.UNDO_MINUTES, seconds=1))
    client.force_login(teacher)
    response = client.post(reverse("schools:undo_quick_log", args=[delivery.pk]), follow=True)
    assert LessonDelivery.objects.filter(pk=delivery.pk).exists()
    assert "tot 10 minuten" in soup(response).select_one(".messages").get_text()
    assert client.get(reverse("schools:undo_quick_log", args=[delivery.pk])).status_code == 405


def test_a_lesson_already_given_asks_first_and_says_when(client, teacher, groep_a, tree):
    lesson = tree["lessons"][0]
    earlier = timezone.localdate() - datetime.timedelta(days=3)
    if earlier.month == 7 and earlier.day > 28:  # keep the earlier date in this school year
        earlier = timezone.localdate()
    services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher, date=earlier)
    client.force_login(teacher)
    url = reverse("schools:quick_log", args=[groep_a.pk])
    response = client.post(url, {"lesson": lesson.pk})
    assert response.status_code == 200 and LessonDelivery.objects.count() == 1, "nothing logged yet"
    text = soup(response).get_text(" ", strip=True)
    assert "is al gegeven aan Groep 7A op" in text
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
    assert f"{earlier.day} {months[earlier.month - 1]} {earlier.year}" in text
    if earlier != timezone.localdate():
        client.post(url, {"lesson": lesson.pk, "confirm": "1"})
        assert LessonDelivery.objects.count() == 2


def test_the_lesson_page_warns_al_gegeven(client, teacher, groep_a, tree):
    lesson = tree["lessons"][1]
    services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher)
    client.force_login(teacher)
    panel = soup(client.get(lesson.url)).select_one(".lesson-register").get_text(" ", strip=True)
    assert "al gegeven op" in panel


@pytest.mark.parametrize("lesson_value", ["", "abc", "99999999999999999999999", "１", "-1"])
def test_odd_lesson_values_give_a_message_and_log_nothing(client, teacher, groep_a, tree, lesson_value):
    client.force_login(teacher)
    response = client.post(reverse("schools:quick_log", args=[groep_a.pk]), {"lesson": lesson_value}, follow=True)
    assert response.status_code == 200 and "hoort niet bij het programma" in response.content.decode()
    assert not LessonDelivery.objects.exists()


def test_next_url_must_stay_on_the_site(client, teacher, groep_a, tree):
    client.force_login(teacher)
    response = client.post(reverse("schools:quick_log", args=[groep_a.pk]), {"lesson": tree["lessons"][0].pk, "next": "https://elders.example/"})
    assert response["Location"] == reverse("schools:groep_detail", args=[groep_a.pk])


def test_other_teachers_cannot_quick_log(client, other_teacher, groep_a, tree):
    client.force_login(other_teacher)
    assert client.post(reverse("schools:quick_log", args=[groep_a.pk]), {"lesson": tree["lessons"][0].pk}).status_code == 404
    assert not LessonDelivery.objects.exists()


# 8: buttons and focus --------------------------------------------------------------------------

def test_secondary_submit_buttons_and_the_slide_heading_focus_in_css():
    """The browser test checks the computed style; this one pins the rules that make it so."""
    static = Path(settings.BASE_DIR) / "static" / "css"
    site = (static / "site.css").read_text()
    present = (static / "present.css").read_text()
    assert re.search(r'button\[type="submit"\]\.button--secondary[^{]*\{[^}]*background: #fff', site)
    assert re.search(r"\.slide__title:focus-visible[^{]*\{[^}]*box-shadow: none", present)


def test_toch_nog_niet_afgerond_is_the_secondary_button(client, teacher, tree):
    from lessons.models import CourseProgress

    module = tree["course"][0]
    CourseProgress.objects.create(user=teacher, module=module)
    client.force_login(teacher)
    button = soup(client.get(module.url)).find("button", string=re.compile("Toch nog niet afgerond"))
    assert "button--secondary" in button["class"]


def test_new_groep_form_points_to_inviting_a_teacher(client, coordinator, teacher, tree):
    client.force_login(coordinator)
    html = soup(client.get(reverse("groepen:add")))
    assert html.select("input[type=checkbox][name=teachers]")
    assert html.select_one(f"a[href='{reverse('invitations:add')}']") is not None
    assert html.select_one("select[name=programme]") is not None


def test_school_form_groepen_inline_uses_a_plain_programme_select(client, coordinator, groep_a, tree):
    client.force_login(coordinator)
    html = soup(client.get(reverse("scholen:edit", args=[groep_a.school_id])))
    select = html.select_one("select[name='groepen-0-programme']")
    assert select is not None and "Lessen in de klas" in select.get_text()
    assert "Thuismodules" not in select.get_text(), "class programmes only"
