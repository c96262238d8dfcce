"""Shared by the three journey tests (teacher, carer, coordinator): a page that records every
Content-Security-Policy violation, one check per page visited (no CSP violation, axe-core at
WCAG 2.x A/AA clean), and the small programme the journeys walk through.

Violations are caught twice: Chromium's console message ("Refused to ... because it violates
the following Content Security Policy directive") and the ``securitypolicyviolation`` event,
recorded by a script Playwright injects before any page script (init scripts are not subject
to the page's policy), in every frame including the sandboxed H5P players.
"""

import datetime
import re

import pytest
from django.utils import timezone

from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from tests.conftest import AXE_SOURCE
from tests.h5p.packages import make_activity
from tests.lessons import factories as f

PHONE = {"width": 390, "height": 844}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} in ${e.documentURI} ${e.sample}`);
});
"""

# Rules switched off on Wagtail's OWN admin pages only (its dashboard, the snippet and model
# viewsets' forms): each one is a violation in markup Wagtail 8.0.1 renders itself, not in
# anything this project adds. The project's own admin views (rollout dashboard and report,
# feedback analysis, "leerkracht uitnodigen") are checked with no rule switched off.
WAGTAIL_OWN_RULES = {
    # WCAG 2.5.8 (24x24 px targets): a listing's title cell (``.title-wrapper``) holds the row's
    # title link and, right beside it, the row's "more actions" button; a short title such as
    # "Groep 8" makes a link lower than 24 px whose 24 px circle overlaps that button.
    "target-size": "Wagtail's listing title cell",
    # WCAG 4.1.2: the page editor's rich-text fields inside StreamField blocks are Draftail
    # editors (a ``role="textbox"`` div described by its placeholder) that Wagtail does not tie
    # to the block's field label, so axe finds no accessible name.
    "aria-input-field-name": "Draftail editors in StreamField blocks",
}


def watch(page):
    """Start recording the CSP violations of ``page`` (and of every later page in its context)."""
    page.csp_messages = []
    page.context.add_init_script(RECORD_VIOLATIONS)
    page.on("console", lambda m: page.csp_messages.append(m.text) if "Content Security Policy" in m.text else None)
    return page


@pytest.fixture
def watched(page):
    """The conftest's page, recording CSP violations in ``page.csp_messages``."""
    return watch(page)


@pytest.fixture
def new_phone(browser_instance, live_server):
    """Open a phone-sized context (390x844, touch) with a watched page; closed after the test."""
    contexts = []

    def _open():
        context = browser_instance.new_context(base_url=live_server.url, locale="nl-NL", viewport=PHONE,
                                               is_mobile=True, has_touch=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        return watch(page)

    yield _open
    for context in contexts:
        context.close()


def violations(page):
    events = []
    for frame in page.frames:
        try:
            events += frame.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: BLE001, S112 (a frame may navigate away meanwhile)
            continue
    return page.csp_messages + events


def _forget_violations(page):
    """axe-core itself adds inline styles while it measures (blocked, harmlessly): what it
    causes is not the site's doing, so the record starts afresh after each axe run."""
    page.csp_messages.clear()
    for frame in page.frames:
        try:
            frame.evaluate("window.__cspViolations = []")
        except Exception:  # noqa: BLE001, S112 (a frame may navigate away meanwhile)
            continue


def audit(page, disabled=()):
    """axe-core (the npm copy, evaluated through DevTools, so the CSP does not block it) on the
    whole page at WCAG 2.x A/AA; ``disabled`` rules are not run."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        """async ([tags, disabled]) => await axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            rules: Object.fromEntries(disabled.map((id) => [id, {enabled: false}])),
        })""",
        [WCAG_TAGS, list(disabled)],
    )
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


def check(page, *, wagtail_own=False):
    """What every journey step asserts about the page it is on: no CSP violation so far, axe
    finds nothing (on Wagtail's own admin pages without ``WAGTAIL_OWN_RULES``), and then no CSP
    violation again. Returns the page's path for the journey's record."""
    page.wait_for_load_state("networkidle")
    path = page.evaluate("location.pathname + location.search")
    assert violations(page) == [], "\n".join([path, *violations(page)])
    found = audit(page, WAGTAIL_OWN_RULES if wagtail_own else ())
    assert found == [], f"{path}: {found}"
    _forget_violations(page)
    return path


def visit(page, url, *, wagtail_own=False):
    """Open ``url``: answered below 400 under a Content-Security-Policy, then ``check``."""
    response = page.goto(url)
    assert response.status < 400, url
    assert response.headers.get("content-security-policy"), url
    check(page, wagtail_own=wagtail_own)
    return response


def link_in(message):
    """The path of the first link of an e-mail (the live server's host and port vary)."""
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def answer_all_right(frame, result="Je score: 2 van 2."):
    """The test package's two questions (``h5p.builder``), answered right, then "Klaar"; waits
    for ``result`` (carers read "Uw score", the formal Dutch rewrite of ``schools.carer_h5p``)."""
    frame.get_by_label("Ik probeer het opnieuw").check()
    frame.get_by_label("Iemand die ik vertrouw").check()
    frame.get_by_role("button", name="Klaar").click()
    frame.get_by_text(result).wait_for()


@pytest.fixture
def programme(db, settings, tmp_path):
    """Class lesson 1, thuismodule 1 and course module 1, each with an H5P activity."""
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
    return {"activity": activity, "klas": klas, "lesson": lesson, "module": module, "course": course}


@pytest.fixture
def groep(programme):
    """Groep 7A of De Regenboog (active), this school year, on the class programme, no teacher yet."""
    school = School.objects.create(
        name="De Regenboog", brin="12AB", wijk="Woensel", municipality="Eindhoven", contact_name="Mieke",
        contact_email="mieke@regenboog.example", status=SchoolStatus.ACTIVE,
    )
    return Groep.objects.create(school=school, school_year=schoolyear.current_school_year(), name="Groep 7A",
                                year_levels=[7], pupil_count=25, programme=programme["klas"])


def past_school_days(count):
    """``count`` different earlier days of this school year (a groep logs a lesson once a day)."""
    first, _last = schoolyear.bounds(schoolyear.current_school_year())
    today = timezone.localdate()
    return [max(first, today - datetime.timedelta(days=n)) for n in range(1, count + 1)]
