"""Feedback in a real browser: a teacher logs a lesson and rates it, a carer on a 390x844 phone
finishes a thuismodule and answers, the coordinator sees both in the analysis. axe on every form.

Four earlier answers per instrument are made through the services first, so the browser's
answer is the fifth: the analysis then shows figures instead of "minder dan 5 antwoorden"."""

import datetime

import pytest
from django.utils import timezone

from feedback import services
from schools import services as school_services
from tests.schools.conftest import groep_a, school_a, tree  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def four_earlier_answers(groep_a, tree, teacher):  # noqa: F811
    lesson, module = tree["lessons"][0], tree["modules"][0]
    for days in range(1, 5):
        delivery = school_services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher, date=timezone.localdate() - datetime.timedelta(days=days))
        services.save_lesson_feedback(delivery, grade=6, pupils_engaged=4, fits_groep=4, preparation_feasible=4, time_sufficient=4)
        household = school_services.create_household(groep_a)
        school_services.complete_module(household, module)
        services.save_module_feedback(household, module, grade=6, useful=3, recommend="ja")
    return lesson, module


def test_teacher_and_carer_answer_and_the_coordinator_sees_both(browser_instance, live_server, page, login, teacher, coordinator,
                                                                 groep_a, four_earlier_answers, axe):  # noqa: F811
    lesson, module = four_earlier_answers
    # The teacher logs today's lesson with the full form and is offered "Hoe ging de les?".
    login(page, teacher)
    page.goto(f"/mijn-groepen/{groep_a.pk}/les-gegeven/?les={lesson.pk}")
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/hoe-ging-het/")
    assert axe(page) == []
    page.get_by_role("group", name="Welk rapportcijfer geeft u deze les?").get_by_label("10", exact=True).check()
    for statement in ("De leerlingen waren betrokken.", "De les paste bij mijn groep.", "De voorbereiding was haalbaar.", "De tijd was voldoende."):
        page.get_by_role("group", name=statement).get_by_label("5 – helemaal eens").check()
    page.get_by_label("Wat werkte goed?").fill("Het kringgesprek")
    page.get_by_role("button", name="Feedback versturen").click()
    page.wait_for_url(f"**/mijn-groepen/{groep_a.pk}/")
    assert "Dank u wel" in page.locator(".messages").inner_text()

    # A carer on a phone finishes the module and answers the three questions.
    phone = browser_instance.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE, is_mobile=True, has_touch=True)
    carer = phone.new_page()
    carer.set_default_timeout(15_000)
    try:
        carer.goto("/ouders/")
        carer.get_by_label("Code").fill(groep_a.carer_code_display)
        carer.locator("main form button[type=submit]").click()
        carer.wait_for_url("**/ouders/thuis/")
        carer.goto(f"/ouders/module/{module.pk}/")
        done = carer.get_by_role("button", name="Ik heb deze thuismodule gedaan")
        while not done.is_visible():
            carer.locator(".step-nav__next").click()
        done.click()
        carer.wait_for_url("**/uw-mening/")
        assert carer.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert axe(carer) == []
        option = carer.get_by_role("group", name="Welk rapportcijfer geeft u deze thuismodule?").get_by_label("9", exact=True)
        assert option.locator("xpath=..").bounding_box()["height"] >= 44, "tap target of at least 44 px"
        option.check()
        carer.get_by_role("group", name="Was dit nuttig voor u?").get_by_label("5 – heel nuttig").check()
        carer.get_by_role("group", name="Zou u dit andere ouders aanraden?").get_by_label("Ja").check()
        carer.get_by_role("button", name="Versturen").click()
        carer.wait_for_url("**/ouders/thuis/")
        assert "Dank u wel" in carer.locator("main").inner_text()
    finally:
        phone.close()

    # The coordinator sees both fifth answers lift the figures above the small-numbers limit.
    login(page, coordinator)
    page.goto("/admin/feedback/analyse/lessen/")
    table = page.locator("table.listing").last.inner_text()
    assert "Les 1" in table and "6,8" in table  # (6 + 6 + 6 + 6 + 10) / 5
    assert "Het kringgesprek" in page.locator("main").inner_text()
    page.goto("/admin/feedback/analyse/thuismodules/")
    table = page.locator("table.listing").last.inner_text()
    assert "Thuismodule 1" in table and "6,6" in table  # (6 + 6 + 6 + 6 + 9) / 5
    assert page.locator("svg[role=img]").count() == 3
