"""The header and footer are cached and publishing a page invalidates them."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.models import Site

from home.models import StandardPage


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def footer_titles(client, url="/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(strip=True) for a in html.select("footer a")]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_second_anonymous_visit_reuses_the_cached_chrome(client, demo):
    first = count_queries(client, "/privacy/")
    second = count_queries(client, "/privacy/")
    assert second < first


def test_publishing_a_page_shows_up_in_the_cached_footer_at_once(client, demo):
    assert "Over ons" not in footer_titles(client)
    home = Site.objects.get(is_default_site=True).root_page
    page = StandardPage(title="Over ons", slug="over-ons", body=[("paragraph", "<p>Wie wij zijn.</p>")], show_in_footer=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert "Over ons" in footer_titles(client)

    page.title = "Over BOUNCE"
    page.save_revision().publish()
    assert "Over BOUNCE" in footer_titles(client)

    page.unpublish()
    assert not {"Over ons", "Over BOUNCE"} & set(footer_titles(client))


def test_the_header_of_a_signed_in_user_is_never_served_from_the_anonymous_cache(client, demo, teacher):
    anonymous = BeautifulSoup(client.get("/").content, "html.parser")
    assert anonymous.select_one("header form") is None
    client.force_login(teacher)
    signed_in = BeautifulSoup(client.get("/").content, "html.parser")
    logout = signed_in.select_one("header form")
    assert logout is not None and logout.select_one("input[name=csrfmiddlewaretoken]")
