"""Play H5P activities embedded in a real class lesson page; find the results in the DB and report."""

import pytest

from h5p.models import H5PAttempt, H5PState
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)
from tests.h5p.conftest import h5p_media  # noqa: F401 (autouse fixture: own package storage)
from tests.h5p.packages import make_activity
from tests.lessons import factories as lf

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def wait_until(page, expression, timeout_ms=15_000):
    """Poll a JS expression through the DevTools protocol: ``wait_for_function`` evaluates its
    predicate with eval, which the site's strict CSP (rightly) forbids."""
    for _ in range(timeout_ms // 100):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


def _lesson_with(activities):
    home = lf.site_home()
    klas = lf.programme(home, "klas", "lessen", "Lessen in de klas")
    content = [lf.paragraph("<p>Doe de oefening.</p>")]
    content += [lf.block("h5p", {"activity": a.pk, "caption": f"Onderschrift {i}"}) for i, a in enumerate(activities)]
    return lf.class_lesson(klas, 1, "Les met oefeningen", steps=[lf.step("Oefenen", content)])


def _answer_all_right(frame):
    frame.get_by_label("Ik probeer het opnieuw").check()
    frame.get_by_label("Iemand die ik vertrouw").check()
    frame.get_by_role("button", name="Klaar").click()


def test_play_in_lesson_records_attempt_and_shows_in_report(page, login, teacher, coordinator, live_server):
    first = make_activity(title="Eerste <b>oefening</b>", slug="eerste")
    second = make_activity(title="Tweede oefening", slug="tweede")
    lesson = _lesson_with([first, second])
    login(page, teacher)
    page.goto(lesson.url)
    frames = page.locator("iframe.h5p-embed__iframe")
    assert frames.count() == 2
    # The title with markup is text, not HTML, in the iframe's accessible name.
    assert frames.first.get_attribute("title") == "Interactieve oefening: Eerste <b>oefening</b>"

    frame = page.frame_locator("iframe.h5p-embed__iframe").first
    frame.get_by_role("button", name="Klaar").wait_for()
    _answer_all_right(frame)
    frame.get_by_text("Je score: 2 van 2.").wait_for()
    page.locator("[data-h5p-embed]").first.get_by_text("Je resultaat is bewaard.").wait_for()

    attempt = H5PAttempt.objects.get(activity=first)
    assert attempt.learner_key == f"user:{teacher.pk}"
    assert attempt.audience == "user"
    assert (attempt.raw_score, attempt.max_score, attempt.scaled_score) == (2, 2, 1)
    assert attempt.completion is True and attempt.success is True
    assert attempt.duration is not None
    assert sorted(attempt.results.values_list("question", "success")) == [
        ("Wat doe je als iets niet lukt?", True),
        ("Wie kun je om hulp vragen?", True),
    ]
    # Responsive height: the iframe grew from its initial 320px to the content's height.
    height = page.evaluate("document.querySelector('iframe.h5p-embed__iframe').getBoundingClientRect().height")
    assert height != 320

    # The second player started after the first (one after another) once scrolled into view.
    page.locator("iframe.h5p-embed__iframe").nth(1).scroll_into_view_if_needed()
    page.frame_locator("iframe.h5p-embed__iframe").nth(1).get_by_role("button", name="Klaar").wait_for()

    login(page, coordinator)
    page.goto("/admin/rapporten/h5p/")
    row = page.locator("tr", has_text="Eerste <b>oefening</b>")
    row.wait_for()
    assert row.locator("td").nth(1).inner_text().strip() == "1"
    assert "100" in row.inner_text()
    page.get_by_role("link", name="Eerste <b>oefening</b>").click()
    page.wait_for_url("**/vragen/")
    question = page.locator("tr", has_text="Wat doe je als iets niet lukt?")
    question.wait_for()
    assert "100" in question.inner_text()


def test_resume_state_restores_answer_after_reload(page, teacher, login, live_server):
    activity = make_activity(title="Hervatten", slug="hervatten")
    lesson = _lesson_with([activity])
    login(page, teacher)
    page.goto(lesson.url)
    frame = page.frame_locator("iframe.h5p-embed__iframe").first
    frame.get_by_label("Iemand die ik vertrouw").check()
    # H5P core saves state every saveFreq (5 s); the page forwards it to the server.
    for _ in range(40):
        if H5PState.objects.filter(activity=activity, learner_key=f"user:{teacher.pk}").exists():
            break
        page.wait_for_timeout(250)
    assert '"q2":1' in H5PState.objects.get(activity=activity).data
    page.reload()
    frame = page.frame_locator("iframe.h5p-embed__iframe").first
    assert frame.get_by_label("Iemand die ik vertrouw").is_checked()


def test_players_start_lazily_one_after_another(page, teacher, login, live_server):
    activities = [make_activity(title=f"Oefening {n}", slug=f"oefening-{n}") for n in range(3)]
    home = lf.site_home()
    klas = lf.programme(home, "klas", "lessen", "Lessen in de klas")
    content = [lf.block("h5p", {"activity": activities[0].pk, "caption": ""}),
               lf.block("h5p", {"activity": activities[1].pk, "caption": ""})]
    content += [lf.paragraph(f"<p>Lange uitleg, alinea {n}.</p>") for n in range(60)]
    content += [lf.block("h5p", {"activity": activities[2].pk, "caption": ""})]
    lesson = lf.class_lesson(klas, 1, "Lange les", steps=[lf.step("Stap", content)])
    login(page, teacher)
    page.goto(lesson.url)
    iframes = page.locator("iframe.h5p-embed__iframe")
    iframes.nth(1).scroll_into_view_if_needed()
    wait_until(page, "window.BounceH5P && window.BounceH5P.log.includes('started:1')")
    log = page.evaluate("window.BounceH5P.log.slice()")
    # The second player was only loaded after the first had started.
    assert log[:4] == ["load:0", "started:0", "load:1", "started:1"]
    # The third, far below, has not been loaded at all yet.
    assert iframes.nth(2).get_attribute("src") == "about:blank"
    assert "load:2" not in log
    iframes.nth(2).scroll_into_view_if_needed()
    wait_until(page, "window.BounceH5P.log.includes('started:2')")
    # Full screen is offered where the content allows it (iframe allows it, H5P shows its button).
    assert iframes.nth(2).get_attribute("allow") == "fullscreen"
    page.frame_locator("iframe.h5p-embed__iframe").nth(2).locator(".h5p-enable-fullscreen").wait_for(state="attached")


def test_embed_and_own_content_type_are_accessible(page, teacher, login, live_server, axe):
    from tests.conftest import AXE_PATH

    activity = make_activity(title="Toegankelijk", slug="toegankelijk")
    lesson = _lesson_with([activity])
    login(page, teacher)
    page.goto(lesson.url)
    wait_until(page, "window.BounceH5P && window.BounceH5P.log.includes('started:0')")
    assert axe(page, {"include": [[".h5p-embed"]]}) == []
    frame = next(f for f in page.frames if "/h5p/speler/" in f.url)
    frame.add_script_tag(path=AXE_PATH)
    violations = frame.evaluate(
        """async () => (await axe.run(document.querySelector('.bounce-zc'), {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})).violations.map(v => v.id)"""
    )
    assert violations == []


def test_admin_live_preview_plays_without_saving(page, coordinator, login, live_server):
    from django.urls import reverse

    activity = make_activity(title="Voorbeeld", slug="voorbeeld")
    login(page, coordinator)
    page.goto(reverse("wagtailsnippets_h5p_h5pactivity:inspect", args=[activity.pk]))
    page.locator(".h5p-admin-preview iframe").scroll_into_view_if_needed()
    frame = page.frame_locator(".h5p-admin-preview iframe")
    _answer_all_right(frame)
    frame.get_by_text("Je score: 2 van 2.").wait_for()
    page.get_by_text("Voorbeeld: antwoorden worden niet bewaard.").wait_for()
    page.wait_for_timeout(500)
    assert not H5PAttempt.objects.exists()
