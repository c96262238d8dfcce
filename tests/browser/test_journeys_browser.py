"""Main journeys in Chromium under the real Content-Security-Policy: no CSP violation in the
console (front end and Wagtail admin) and axe-core clean on every front-end page visited.

Violations are caught twice: Chromium's console message ("Refused to ... because it violates
the following Content Security Policy directive") and the ``securitypolicyviolation`` event,
recorded by a script Playwright injects before any page script (init scripts are not subject
to the page's policy).
"""

import json

import pytest

from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)
from tests.h5p.packages import make_activity
from tests.lessons import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} in ${e.documentURI} ${e.sample}`);
});
"""


@pytest.fixture
def site(db, settings, tmp_path):
    settings.H5P_STORAGE_ROOT = str(tmp_path / "h5p-packages")
    activity = make_activity(title="Zelfcheck", slug="zelfcheck")
    home = f.site_home()
    klas = f.programme(home, "klas", "lessen", "Lessen in de klas")
    thuis = f.programme(home, "thuis", "thuis", "Thuismodules")
    cursus = f.programme(home, "cursus", "cursus", "Cursus voor leerkrachten")
    module = f.home_module(thuis, 1, "Een positieve blik", steps=[
        f.home_step("Lees", [f.paragraph("<p>Lees dit samen.</p>")]),
        f.home_step("Doe", [f.block("h5p", {"activity": activity.pk, "caption": ""})]),
    ])
    lesson = f.class_lesson(klas, 1, "Talenten", home_module=module, steps=[
        f.step("Opening", [f.paragraph("<p>Laat een bal stuiteren.</p>")]),
        f.step("Oefenen", [f.block("h5p", {"activity": activity.pk, "caption": "Samen"})]),
    ])
    course = f.course_module(cursus, 1, "Wat is veerkracht?", body=[
        f.paragraph(), f.block("h5p", {"activity": activity.pk, "caption": ""})])
    return {"lesson": lesson, "module": module, "course": course}


@pytest.fixture
def watched(page):
    """The page, with every CSP violation it reports collected in ``page.csp_messages``."""
    page.csp_messages = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: page.csp_messages.append(m.text) if "Content Security Policy" in m.text else None)
    return page


def violations(page):
    events = []
    for frame in page.frames:
        try:
            events += frame.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: BLE001, S112 (a frame may navigate away meanwhile)
            continue
    return page.csp_messages + events


def forget_violations(page):
    """axe-core itself adds inline styles while it measures (blocked, harmlessly): what it
    causes is not the site's doing, so the record starts afresh after each axe run."""
    page.csp_messages.clear()
    for frame in page.frames:
        try:
            frame.evaluate("window.__cspViolations = []")
        except Exception:  # noqa: BLE001, S112 (a frame may navigate away meanwhile)
            continue


def visit(page, url, axe=None):
    response = page.goto(url)
    assert response.status < 400, url
    assert response.headers.get("content-security-policy"), url
    page.wait_for_load_state("networkidle")
    found = violations(page)
    assert found == [], "\n".join([url, *found])
    if axe is not None:
        assert axe(page) == [], url
        forget_violations(page)
    return response


def test_teacher_journey_lesson_presentation_course(watched, login, axe, site, teacher):
    login(watched, teacher)
    visit(watched, site["lesson"].url, axe)
    watched.frame_locator("iframe.h5p-embed__iframe").first.get_by_role("button", name="Klaar").wait_for()
    assert violations(watched) == []
    visit(watched, site["lesson"].url + "presenteren/", axe)
    watched.keyboard.press("ArrowRight")
    visit(watched, site["course"].url, axe)


def test_carer_journey_on_a_phone(watched, axe, site):
    watched.set_viewport_size({"width": 375, "height": 740})
    home = visit(watched, "/", axe)
    first = visit(watched, site["module"].url, axe)
    again = visit(watched, site["module"].url, axe)  # second visit: from the page cache, same policy
    assert home.status == first.status == again.status == 200
    assert again.headers.get("x-page-cache") == "hit"
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert violations(watched) == []


def test_coordinator_admin_works_under_the_policy(watched, login, site, coordinator):
    login(watched, coordinator)
    for url in ("/admin/", "/admin/pages/", f"/admin/pages/{site['lesson'].pk}/edit/", "/admin/images/",
                f"/admin/pages/{site['module'].pk}/edit/", "/admin/snippets/"):
        visit(watched, url)
    # The editor's own scripts ran: the StreamField of the lesson is built client-side.
    watched.goto(f"/admin/pages/{site['lesson'].pk}/edit/")
    watched.locator("[data-streamfield-stream-container], .w-form-width").first.wait_for()
    assert violations(watched) == [], json.dumps(violations(watched))
