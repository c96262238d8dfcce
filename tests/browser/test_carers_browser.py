"""Carers on a 390x844 phone in each carer language: the code page and the module render in
the right language and direction, nothing scrolls sideways, axe finds nothing, the step
buttons follow the reading direction and the menu button works from the keyboard."""

import pytest

from lessons import demo_translations
from tests.carers.conftest import carer_groep, carer_tree  # noqa: F401 - fixtures

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
