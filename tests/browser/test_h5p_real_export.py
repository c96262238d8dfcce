"""A package shaped like a real export (stray root files, libraries in two versions, language
files, an image drawn on a canvas): uploaded in the admin, played in a lesson, found in the
report. And a public carers' module with an activity, served from the anonymous page cache to
a second visitor, still records that visitor's result."""

import pytest
from django.urls import reverse

from h5p.models import H5PActivity, H5PAttempt, H5PAttemptResult
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)
from tests.h5p.conftest import h5p_media  # noqa: F401 (autouse fixture: own package storage)
from tests.h5p.packages import make_activity, real_export_package
from tests.lessons import factories as lf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_real_export_uploads_plays_with_canvas_and_reports_its_question(page, login, coordinator, teacher, tmp_path):
    path = tmp_path / "plaatjescheck.h5p"
    path.write_bytes(real_export_package())
    login(page, coordinator)
    page.goto(reverse("wagtailsnippets_h5p_h5pactivity:add"))
    page.set_input_files("input[name=package_file]", str(path))
    page.get_by_role("button", name="Opslaan").first.click()
    page.get_by_text("Overgeslagen").wait_for()
    assert "README.txt" in page.content() and "LICENSE" in page.content()
    activity = H5PActivity.objects.get()

    home = lf.site_home()
    klas = lf.programme(home, "klas", "lessen", "Lessen in de klas")
    lesson = lf.class_lesson(klas, 1, "Les met plaatje", steps=[lf.step("Kijken", [lf.block("h5p", {"activity": activity.pk, "caption": ""})])])
    page.context.clear_cookies()
    login(page, teacher)
    page.goto(lesson.url)
    frame = page.frame_locator("iframe.h5p-embed__iframe").first
    picture = frame.locator(".bounce-pc[data-canvas]")
    picture.wait_for(state="attached")
    # The image was drawn on a canvas and read back: loaded with CORS, not "tainted".
    assert picture.get_attribute("data-canvas") == "ok:200,30,40"
    frame.get_by_role("button", name="Waar", exact=True).click()
    frame.get_by_text("Goed!").wait_for()
    page.locator("[data-h5p-embed]").get_by_text("Je resultaat is bewaard.").wait_for()

    attempt = H5PAttempt.objects.get(activity=activity)
    assert attempt.learner_key == f"user:{teacher.pk}" and attempt.verb == "answered"
    assert (attempt.raw_score, attempt.max_score, attempt.success) == (1, 1, True)
    result = H5PAttemptResult.objects.get(attempt=attempt)
    assert (result.question, result.interaction_type, result.correct_pattern, result.response) == (
        "Op dit plaatje staat rood.", "true-false", "true", "true")

    page.context.clear_cookies()
    login(page, coordinator)
    page.goto(reverse("h5p_question_report", args=[activity.pk]))
    row = page.locator("tr", has_text="Op dit plaatje staat rood.")
    row.wait_for()
    assert "100" in row.inner_text()


def test_cached_public_module_page_still_records_the_second_visitors_result(page, browser_instance, live_server):
    activity = make_activity(title="Thuisoefening", slug="thuisoefening")
    home = lf.site_home()
    thuis = lf.programme(home, "thuis", "thuis", "Thuismodules")
    module = lf.home_module(thuis, 1, "Samen oefenen", steps=[
        lf.home_step("Oefenen", [lf.block("h5p", {"activity": activity.pk, "caption": ""})]),
    ])
    first = page.goto(module.url)
    assert first.status == 200 and first.headers.get("x-page-cache") is None
    page.frame_locator("iframe.h5p-embed__iframe").first.get_by_role("button", name="Klaar").wait_for()

    second_context = browser_instance.new_context(base_url=live_server.url, locale="nl-NL")
    try:
        visitor = second_context.new_page()
        visitor.set_default_timeout(15_000)
        cached = visitor.goto(module.url)
        assert cached.status == 200 and cached.headers.get("x-page-cache") == "hit"
        assert "csrfmiddlewaretoken" not in cached.text()
        frame = visitor.frame_locator("iframe.h5p-embed__iframe").first
        frame.get_by_label("Ik probeer het opnieuw").check()
        frame.get_by_label("Iemand die ik vertrouw").check()
        frame.get_by_role("button", name="Klaar").click()
        # An at-home module is a carers' page: the embed addresses them with "u" (schools.carer_h5p).
        visitor.locator("[data-h5p-embed]").get_by_text("Uw resultaat is bewaard.").wait_for()
    finally:
        second_context.close()
    attempt = H5PAttempt.objects.get(activity=activity)
    assert attempt.learner_key.startswith("anon:") and attempt.scaled_score == 1
