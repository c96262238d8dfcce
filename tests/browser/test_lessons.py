"""Programme pages in a real browser: axe-core on every page type, presentation mode by keyboard,
at-home module steps, print layout and course progress."""

import pytest

from tests.lessons import factories as f

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(db):
    home = f.site_home()
    klas = f.programme(home, "klas", "lessen", "Lessen in de klas")
    thuis = f.programme(home, "thuis", "thuis", "Thuismodules")
    cursus = f.programme(home, "cursus", "cursus", "Cursus voor leerkrachten")
    module = f.home_module(thuis, 1, "Een positieve blik")
    doc = f.document("Werkblad talentenkaart", name="talentenkaart.txt")
    steps = [
        f.step("Opening", [f.paragraph("<p>Laat een bal stuiteren.</p>")], minutes=10),
        f.step("Talentenkaart", [f.exercise(), f.worksheet(doc)], minutes=20),
        f.step("Kringgesprek", [f.discussion(("Waar ben jij trots op?", "Wie helpt jou?"))], minutes=15),
    ]
    preparation = [f.paragraph("<p>Lees de les door.</p>"),
                   f.block("callout", {"kind": "tip", "title": "Tip", "text": "<p>Pas mag altijd.</p>"}),
                   f.block("home_module", {"module": module.pk, "text": "Voor thuis."})]
    lesson = f.class_lesson(klas, 1, "Talenten en sterke punten", steps=steps, preparation=preparation, home_module=module)
    f.class_lesson(klas, 2, "Sterk staan")
    course = f.course_module(cursus, 1, "Wat is veerkracht?", body=[
        f.paragraph(), f.block("knowledge_check", {"question": "Wat is veerkracht?", "explanation": "Terugveren.",
                                                   "choices": [{"text": "Terugveren", "correct": True}, {"text": "Hard zijn", "correct": False}]})])
    return {"lesson": lesson, "module": module, "course": course}


PAGES = {
    "index": "/lessen/",
    "lesson": "/lessen/les-1/",
    "home module": "/thuis/module-1/",
    "course module": "/cursus/cursus-1/",
    "presentation": "/lessen/les-1/presenteren/",
    "search": "/zoeken/?q=talenten",
    "login prompt": None,
}


@pytest.mark.parametrize("kind", list(PAGES))
def test_every_page_type_passes_axe(page, login, axe, site, teacher, kind):
    if kind == "login prompt":
        page.goto("/lessen/les-1/")
        assert page.locator("h1").inner_text() == "Log in om dit onderdeel te lezen"
    else:
        if kind != "home module":
            login(page, teacher)
        else:
            page.set_viewport_size({"width": 375, "height": 740})  # carers: mobile first
        page.goto(PAGES[kind])
    assert axe(page) == []


def test_presentation_mode_is_driven_by_the_keyboard(page, login, site, teacher, live_server):
    login(page, teacher)
    page.goto("/lessen/les-1/presenteren/")
    assert page.locator(".site-header").count() == 0
    status = page.locator("[data-status]")
    assert status.inner_text() == "Scherm 1 van 4"
    assert page.locator("#slide-0").is_visible() and not page.locator("#slide-1").is_visible()
    font_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font_size >= 20  # large type for the digibord
    page.keyboard.press("ArrowRight")
    assert status.inner_text() == "Scherm 2 van 4"
    assert page.locator("#slide-1").is_visible() and page.locator("#slide-1 h2").inner_text() == "Opening"
    assert page.evaluate("document.activeElement.id") == "slide-1-title"
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert status.inner_text() == "Scherm 2 van 4"
    page.keyboard.press("End")
    assert page.locator("#slide-3 h2").inner_text() == "Kringgesprek" and page.locator("[data-next]").is_disabled()
    page.locator("[data-prev]").click()
    assert status.inner_text() == "Scherm 3 van 4"
    page.keyboard.press("Escape")
    page.wait_for_url(f"{live_server.url}/lessen/les-1/")
    assert page.locator("h1").inner_text() == "Talenten en sterke punten"


def test_home_module_shows_one_step_at_a_time(page, site):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto("/thuis/module-1/")
    visible = page.locator("[data-step]:visible")
    assert visible.count() == 1 and visible.locator(".step-indicator").inner_text() == "Stap 1 van 3"
    assert not page.get_by_role("button", name="Vorige stap").is_visible()
    page.get_by_role("button", name="Volgende stap").click()
    assert page.locator("[data-step]:visible .step-indicator").inner_text() == "Stap 2 van 3"
    assert page.evaluate("document.activeElement.id") == "stap-2-titel"
    page.get_by_role("button", name="Volgende stap").click()
    assert page.locator("[data-step]:visible h2").inner_text() == "Klaar!"
    assert not page.get_by_role("button", name="Volgende stap").is_visible()
    # No horizontal scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_lesson_prints_as_a_clean_lesson_plan(page, login, site, teacher):
    login(page, teacher)
    page.goto("/lessen/les-1/")
    assert page.get_by_role("button", name="Afdrukken als lesplan").is_visible()
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".breadcrumbs", ".prev-next", ".lesson__actions"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".lesson-step").count() == 3
    assert page.locator(".worksheet-list").inner_text().startswith("Werkblad talentenkaart")
    assert "Digibord" in page.locator("#materials-title + .rich-text").inner_text()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_a_teacher_marks_a_course_module_done_and_undoes_it(page, login, site, teacher):
    login(page, teacher)
    page.goto("/cursus/cursus-1/")
    page.get_by_role("button", name="Markeer als afgerond").click()
    assert page.locator(".module-done .badge--done").inner_text() == "Afgerond"
    page.goto("/cursus/")
    assert "1 van de 1 modules afgerond" in page.locator(".course-progress").inner_text()
    page.goto("/cursus/cursus-1/")
    page.get_by_role("button", name="Toch nog niet afgerond").click()
    assert page.get_by_role("button", name="Markeer als afgerond").is_visible()


DEMO_PAGES = ["/lessen/", "/lessen/les-3-talenten-en-sterke-punten/", "/lessen/les-3-talenten-en-sterke-punten/presenteren/",
              "/thuis/module-2-veerkracht-versterken/", "/cursus/module-1-wat-is-veerkracht/", "/en/lessons/"]


@pytest.fixture
def demo():
    from io import StringIO

    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())
    from accounts.models import User

    return User.objects.filter(groups__name="Leerkrachten").first()


def test_demo_pages_with_h5p_activities_pass_axe(page, login, axe, demo):
    login(page, demo)
    for path in DEMO_PAGES:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        assert axe(page) == [], path
