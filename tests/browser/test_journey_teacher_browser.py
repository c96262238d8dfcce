"""The teacher's journey in Chromium, one test from the invitation e-mail to the course: set a
password, Mijn groepen, a lesson with its H5P activity, presentation mode, log the lesson with
one click and rate it, a course module's H5P activity. Every page: no CSP violation, axe clean."""

import pytest
from django.contrib.auth import get_user_model

from feedback.models import LessonFeedback
from h5p.models import H5PAttempt
from schools import services
from tests.browser.journey_support import answer_all_right, check, groep, link_in, programme, visit, watched  # noqa: F401
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "een-lang-wachtwoord-7"


def test_teacher_journey_from_invitation_to_course(watched, programme, groep, coordinator, mailoutbox):  # noqa: F811
    page = watched
    services.invite_teacher_for_groep(groep, email="noor@regenboog.example", first_name="Noor", last_name="Bakker",
                                      invited_by=coordinator)
    (mail,) = mailoutbox
    assert mail.to == ["noor@regenboog.example"] and "Groep 7A van De Regenboog" in mail.body

    # The e-mail's link: choose a password, land on Mijn groepen with the groep invited for.
    visit(page, link_in(mail))
    assert "noor@regenboog.example" in page.locator("main").inner_text()
    page.get_by_label("Kies een wachtwoord").fill(PASSWORD)
    page.get_by_label("Herhaal het wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    page.wait_for_url("**/mijn-groepen/")
    check(page)
    teacher = get_user_model().objects.get(email="noor@regenboog.example")
    assert teacher.check_password(PASSWORD) and list(teacher.groepen.all()) == [groep]
    assert "Groep 7A" in page.locator(".groep-card").inner_text()
    assert "0 van 1 lessen gegeven" in page.locator(".groep-card").inner_text()

    # The lesson, its H5P activity playing in the sandboxed frame.
    lesson = programme["lesson"]
    visit(page, lesson.url)
    assert "Talenten" in page.locator("h1").inner_text()
    page.frame_locator("iframe.h5p-embed__iframe").first.get_by_role("button", name="Klaar").wait_for()
    check(page)

    # Presentation mode, by keyboard.
    visit(page, lesson.url + "presenteren/")
    status = page.locator("[data-status]")
    first = status.inner_text()
    page.keyboard.press("ArrowRight")
    assert status.inner_text() != first and status.inner_text().startswith("Scherm 2 van")
    assert page.locator("#slide-1 h2").inner_text() == "Opening"
    check(page)

    # Log the lesson with one click on the lesson page, then rate it. The click does not wait for
    # the player's start-up requests: on SQLite a write racing them once failed as "database is
    # locked" (fixed by IMMEDIATE transactions, tests/production/test_concurrent_writes.py).
    visit(page, lesson.url)
    page.frame_locator("iframe.h5p-embed__iframe").first.get_by_role("button", name="Klaar").wait_for()
    page.get_by_role("button", name="Les 1 vandaag gegeven aan Groep 7A").click()
    page.locator(".quick-log-undo").wait_for()
    assert "Net geregistreerd" in page.locator(".quick-log-undo").inner_text()
    check(page)
    delivery = groep.deliveries.get()
    assert delivery.lesson_id == lesson.pk and delivery.teacher == teacher
    page.get_by_role("link", name="Hoe ging de les? Geef feedback").click()
    page.wait_for_url("**/hoe-ging-het/")
    check(page)
    page.get_by_role("group", name="Welk rapportcijfer geeft u deze les?").get_by_label("8", exact=True).check()
    for statement in ("De leerlingen waren betrokken.", "De les paste bij mijn groep.", "De voorbereiding was haalbaar.",
                      "De tijd was voldoende."):
        page.get_by_role("group", name=statement).get_by_label("4").check()
    page.get_by_label("Wat werkte goed?").fill("De bal")
    page.get_by_role("button", name="Feedback versturen").click()
    page.wait_for_url(f"**/mijn-groepen/{groep.pk}/")
    assert "Dank u wel" in page.locator(".messages").inner_text()
    check(page)
    feedback = LessonFeedback.objects.get(delivery=delivery)
    assert (feedback.grade, feedback.pupils_engaged, feedback.what_worked) == (8, 4, "De bal")
    assert "1 van 1 lessen gegeven" in page.locator("main").inner_text()

    # The course module: its H5P activity, answered; the result is stored for this teacher.
    visit(page, programme["course"].url)
    frame = page.frame_locator("iframe.h5p-embed__iframe").first
    answer_all_right(frame)
    page.locator("[data-h5p-embed]").first.get_by_text("Je resultaat is bewaard.").wait_for()
    check(page)
    attempt = H5PAttempt.objects.get(learner_key=f"user:{teacher.pk}")
    assert attempt.activity == programme["activity"] and (attempt.raw_score, attempt.max_score) == (2, 2)
