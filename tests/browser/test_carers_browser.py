"""Carers on a 390x844 phone in each carer language: the code page and the module render in
the right language and direction, nothing scrolls sideways, axe finds nothing, the step
buttons follow the reading direction and the menu button works from the keyboard."""

import pytest

from lessons import demo_translations
from tests.carers.conftest import carer_groep, carer_tree  # noqa: F401 - fixtures
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 - fixture (package files with CORS)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def all_languages(carer_tree):  # noqa: F811
    for language in ("tr", "pl"):
        for key in ("home", "thuis", "module"):
            demo_translations.translate(carer_tree[key], language)
    return carer_tree


@pytest.mark.parametrize(("language", "direction"), [("nl", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("tr", "ltr"), ("pl", "ltr")])
def test_carer_module_on_a_phone(browser_instance, live_server, all_languages, carer_groep, axe, language, direction):  # noqa: F811
    context = browser_instance.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    prefix = "" if language == "nl" else f"/{language}"
    try:
        page.goto(f"{prefix}/ouders/")
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [language, direction]
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert axe(page) == []
        page.locator("input[name=code]").fill(carer_groep.carer_code_display)
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(f"**{prefix}/ouders/thuis/")
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert axe(page) == []

        page.locator(".module-item__link").first.click()
        page.wait_for_selector(".step-nav")
        assert page.evaluate("document.documentElement.dir") == direction
        assert page.url.startswith(f"{live_server.url}{prefix}/"), "the module stays in the carer's language"
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        assert axe(page) == []
        # Step 2 shows both buttons; "next" sits at the end of the reading direction.
        page.locator(".step-nav__next").click()
        prev_box = page.locator(".step-nav__prev").bounding_box()
        next_box = page.locator(".step-nav__next").bounding_box()
        assert (next_box["x"] > prev_box["x"]) == (direction == "ltr")
        assert next_box["height"] >= 44 and prev_box["height"] >= 44
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
    finally:
        context.close()


def test_phone_menu_button_opens_and_closes_the_navigation(browser_instance, live_server, carer_tree, axe):  # noqa: F811
    context = browser_instance.new_context(base_url=live_server.url, viewport=PHONE, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(carer_tree["module"].url)
        button = page.locator("[data-menu-button]")
        assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
        assert not page.locator("#site-menu").is_visible()
        header_height = page.locator(".site-header").bounding_box()["height"]
        assert header_height <= 72, f"compact header: {header_height}px"
        button.focus()
        page.keyboard.press("Enter")
        assert button.get_attribute("aria-expanded") == "true" and page.locator("#site-menu").is_visible()
        assert axe(page) == []
        page.keyboard.press("Escape")
        assert button.get_attribute("aria-expanded") == "false"
        assert page.evaluate("document.activeElement.hasAttribute('data-menu-button')")
    finally:
        context.close()


def test_wide_screen_shows_the_navigation_without_a_menu_button(page, carer_tree):  # noqa: F811
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(carer_tree["module"].url)
    assert not page.locator("[data-menu-button]").is_visible()
    assert page.locator("#site-menu").is_visible()


# H5P in the carer's language (issue 14.2) -----------------------------------------------------

def _wait_until(page, expression, timeout_ms=15_000):
    """Poll through DevTools (``wait_for_function`` would need eval, which the CSP forbids)."""
    for _ in range(timeout_ms // 100):
        if page.evaluate(expression):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"still false after {timeout_ms} ms: {expression}")


@pytest.fixture
def h5p_modules(carer_tree, settings, tmp_path, static_cors_like_whitenoise):  # noqa: F811
    """Module 3 with the self-check (scored) and module 4 with a reflection (no score), both
    with the content type's language files, translated into Arabic."""
    import io

    from h5p.builder import build_package, sample_content
    from h5p.services import import_package
    from tests.lessons import factories as lf

    settings.H5P_STORAGE_ROOT = str(tmp_path / "h5p-packages")
    modules = {}
    reflection = sample_content(intro="Er zijn geen foute antwoorden.", behaviour={"showScore": False},
                                questions=[{"id": "r1", "text": "Wat helpt u?", "options": ["Praten", "Wandelen"]}])
    for number, slug, content in ((3, "zelfcheck", None), (4, "reflectie", reflection)):
        data = build_package(title=slug, content=content, translated=True)
        activity = import_package(io.BytesIO(data), filename=f"{slug}.h5p", title=slug, slug=slug).activity
        module = lf.home_module(carer_tree["thuis"], number, f"Module {slug}",
                                steps=[lf.step("Oefenen", [lf.block("h5p", {"activity": activity.pk, "caption": ""})])])
        modules[slug] = {"nl": module, "ar": demo_translations.translate(module, "ar").specific}
    return modules


def _player(browser_instance, live_server, url):
    context = browser_instance.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(url)
    return context, page, page.frame_locator("iframe.h5p-embed__iframe").first


def test_the_arabic_carer_plays_the_activity_with_the_packages_arabic_strings(browser_instance, live_server, h5p_modules):
    context, page, frame = _player(browser_instance, live_server, h5p_modules["zelfcheck"]["ar"].url)
    try:
        frame.get_by_role("button", name="تم").wait_for()
        frame.get_by_role("button", name="تم").click()
        frame.get_by_text("يرجى اختيار إجابة لكل سؤال.").wait_for()
        frame.get_by_label("Ik probeer het opnieuw").check()  # the author's own text stays as written
        frame.get_by_label("Iemand die ik vertrouw").check()
        frame.get_by_role("button", name="تم").click()
        frame.get_by_text("نتيجتكم: 2 من 2.").wait_for()
    finally:
        context.close()


def test_the_dutch_carer_reads_u_and_a_reflection_shows_no_score(browser_instance, live_server, h5p_modules):
    context, page, frame = _player(browser_instance, live_server, h5p_modules["zelfcheck"]["nl"].url)
    try:
        frame.get_by_label("Ik probeer het opnieuw").check()
        frame.get_by_label("Iemand die ik vertrouw").check()
        frame.get_by_role("button", name="Klaar").click()
        frame.get_by_text("Uw score: 2 van 2.").wait_for()
        page.goto(h5p_modules["reflectie"]["nl"].url)
        frame = page.frame_locator("iframe.h5p-embed__iframe").first
        frame.get_by_label("Praten").check()
        frame.get_by_role("button", name="Klaar").click()
        frame.get_by_text("Dank u wel voor uw antwoorden.").wait_for()
        assert "score" not in frame.locator(".bounce-zc__result").inner_text().lower()
    finally:
        context.close()
