"""The public pages in a real browser: keyboard, accessibility check, language switch."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def demo():
    call_command("load_demo", stdout=StringIO())


@pytest.mark.parametrize("path", ["/", "/en/", "/privacy/", "/toegankelijkheid/", "/account/inloggen/"])
def test_public_pages_pass_axe(page, demo, axe, path):
    page.goto(path)
    assert axe(page) == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, demo):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"


def test_language_switch_to_english_and_back(page, demo, live_server):
    page.goto("/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Nederlands").click()
    page.wait_for_url(f"{live_server.url}/")
    assert page.locator("html").get_attribute("lang") == "nl"


def test_admin_login_page_is_served(page, demo):
    page.goto("/admin/login/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("input[name=username]").count() == 1
