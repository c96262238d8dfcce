"""Issue 15 in a real browser: the groep's teachers in the admin (1), the planning grid (4),
logging from the lesson page (6) with undo and the "al gegeven" warning (7), and buttons and
focus that say what matters (8). Front-end pages pass axe (WCAG 2.x A/AA)."""

import datetime

import pytest

from schools import schoolyear
from schools.models import LessonDelivery, PlannedLessonDate
from tests.schools.conftest import groep_a, groep_b, school_a, school_b, tree  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def december_12(groep):
    return datetime.date(schoolyear.bounds(groep.school_year)[0].year, 12, 12)


def test_coordinator_finds_the_schools_teacher_first_and_can_filter(page, login, coordinator, teacher, other_teacher, groep_a, groep_b):  # noqa: F811
    login(page, coordinator)
    page.goto(f"/admin/groepen/edit/{groep_a.pk}/")
    boxes = page.locator("input[type=checkbox][name=teachers]")
    assert boxes.count() == 2
    assert "leerkracht@school-a.example" in page.locator(f"label[for={boxes.nth(0).get_attribute('id')}]").inner_text()
    assert boxes.nth(0).is_checked() and not boxes.nth(1).is_checked()
    search = page.get_by_label("Zoek een leerkracht")
    search.fill("school-b")
    assert not boxes.nth(0).is_visible() and boxes.nth(1).is_visible()
    search.fill("")
    assert boxes.nth(0).is_visible()
    assert page.locator("select[name=programme]").is_visible(), "a plain select, no page chooser"
    assert page.get_by_role("link", name="Leerkracht uitnodigen voor deze groep").is_visible()
    boxes.nth(1).check()
    page.locator("form[method=post] button[type=submit]").filter(has_text="Opslaan").first.click()
    page.wait_for_url("**/admin/groepen/**")
    assert set(groep_a.teachers.values_list("email", flat=True)) == {"leerkracht@school-a.example", "leerkracht@school-b.example"}


def test_teacher_plans_lessons_and_sees_the_next_date(page, login, teacher, groep_a, axe):  # noqa: F811
    login(page, teacher)
    page.goto("/mijn-groepen/")
    page.get_by_role("link", name="Lessen plannen (Groep 7A)").click()
    assert page.locator("input[type=date]").count() == 5
    assert axe(page) == []
    day = december_12(groep_a)
    page.get_by_label("Les 1: Les 1").fill(day.isoformat())
    page.get_by_label("Les 2: Les 2").fill((day + datetime.timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Planning opslaan").click()
    page.wait_for_url(f"**/mijn-groepen/{groep_a.pk}/")
    assert PlannedLessonDate.objects.filter(groep=groep_a).count() == 2
    page.goto("/mijn-groepen/")
    assert "Volgende les: 1. Les 1, gepland 12 december" in page.locator(".groep-card").inner_text()
    page.get_by_role("link", name="Geplande lessen in uw eigen agenda").click()
    page.get_by_role("button", name="Agendalink maken").click()
    assert page.get_by_label("Uw persoonlijke link").input_value().endswith(".ics")
    assert axe(page) == []


def test_teacher_logs_from_the_lesson_page_undoes_and_is_warned(page, login, teacher, groep_a, tree, axe):  # noqa: F811
    lesson = tree["lessons"][1]
    login(page, teacher)
    page.goto(lesson.url)
    panel = page.locator(".lesson-register")
    assert panel.get_by_role("heading", name="Les gegeven registreren").is_visible()
    assert axe(page) == []
    panel.get_by_role("button", name="Les 2 vandaag gegeven aan Groep 7A").click()
    page.wait_for_url(f"**{lesson.url}")
    assert "Les 2 is geregistreerd als gegeven (Groep 7A, vandaag: 25 leerlingen, 60 minuten)" in page.locator(".messages").inner_text()
    undo = page.locator(".lesson-register .quick-log-undo")
    assert "Les 2 (Les 2) voor Groep 7A" in undo.inner_text()
    assert "al gegeven op" in panel.inner_text()
    assert LessonDelivery.objects.count() == 1
    undo.get_by_role("button", name="Ongedaan maken").click()
    page.wait_for_url(f"**{lesson.url}")
    assert "Ongedaan gemaakt" in page.locator(".messages").inner_text()
    assert LessonDelivery.objects.count() == 0
    assert page.locator(".quick-log-undo").count() == 0
    page.reload()
    assert axe(page) == []


def test_logging_a_lesson_twice_asks_first(page, login, teacher, groep_a, tree, axe):  # noqa: F811
    lesson = tree["lessons"][0]
    LessonDelivery.objects.create(groep=groep_a, lesson=lesson, teacher=teacher, pupils_present=20, minutes=60,
                                  date=max(schoolyear.bounds(groep_a.school_year)[0], datetime.date.today() - datetime.timedelta(days=2)))
    login(page, teacher)
    page.goto(lesson.url)
    page.get_by_role("button", name="Les 1 vandaag gegeven aan Groep 7A").click()
    assert page.get_by_role("heading", name="Les 1 is al gegeven").is_visible()
    assert axe(page) == []
    page.get_by_role("link", name="Nee, terug").click()
    page.wait_for_url(f"**{lesson.url}")
    assert LessonDelivery.objects.count() == 1


def test_secondary_buttons_look_secondary_and_the_slide_heading_shows_no_focus_box(page, login, teacher, tree):  # noqa: F811
    from lessons.models import CourseProgress

    module = tree["course"][0]
    CourseProgress.objects.create(user=teacher, module=module)
    login(page, teacher)
    page.goto(module.url)
    undo = page.get_by_role("button", name="Toch nog niet afgerond")
    assert undo.evaluate("b => getComputedStyle(b).backgroundColor") == "rgb(255, 255, 255)"
    page.goto(tree["lessons"][0].url + "presenteren/")
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.id") == "slide-1-title"
    heading = page.locator("#slide-1-title")
    assert heading.evaluate("h => getComputedStyle(h).boxShadow") == "none"
    assert heading.evaluate("h => getComputedStyle(h).outlineStyle") == "none"
    page.keyboard.press("Tab")
    focused = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focused != "none", "controls keep a visible focus ring for keyboard users"
