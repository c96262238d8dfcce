"""Anonymous visitors get public pages from the page cache; publishing refreshes it at once."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import StandardPage


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def get_counting(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    return response, len(queries)


def test_a_second_anonymous_visit_is_served_from_the_cache_with_the_same_html(client, demo):
    first, first_queries = get_counting(client, "/privacy/")
    second, second_queries = get_counting(client, "/privacy/")
    assert "X-Page-Cache" not in first and second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second_queries == 0 < first_queries
    # The cached answer passes the same security and language middleware as a rendered one.
    for header in ("X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Content-Language"):
        assert second[header] == first[header]


def test_publishing_refreshes_the_cached_page(client, demo):
    client.get("/privacy/")
    page = StandardPage.objects.get(slug="privacy", locale__language_code="nl")
    page.intro = "Een nieuwe inleiding over gegevens."
    page.save_revision().publish()
    response = client.get("/privacy/")
    assert "X-Page-Cache" not in response and "Een nieuwe inleiding over gegevens." in response.content.decode()


def test_languages_are_cached_apart(client, demo):
    client.get("/en/privacy/")
    client.get("/en/privacy/")
    dutch = client.get("/privacy/")
    assert "X-Page-Cache" not in dutch
    assert BeautifulSoup(dutch.content, "html.parser").html["lang"] == "nl"


def test_signed_in_users_sessions_and_query_strings_bypass_the_cache(client, demo, teacher):
    client.get("/privacy/")
    assert client.get("/privacy/?utm=x").get("X-Page-Cache") is None
    client.cookies["huishouden"] = "iets"  # any cookie other than CSRF/language: a personal page
    assert client.get("/privacy/").get("X-Page-Cache") is None
    del client.cookies["huishouden"]
    client.force_login(teacher)
    response = client.get("/privacy/")
    assert response.get("X-Page-Cache") is None and "Uitloggen" in response.content.decode()


def test_a_module_with_an_h5p_activity_is_cached_without_a_per_visitor_token(client, demo):
    """The H5P bridge reads the CSRF token from the cookie (or fetches it once), so the HTML of a
    carers' module with an activity is the same for every visitor and may be cached."""
    from lessons.models import HomeModulePage

    with_h5p = next(
        m for m in HomeModulePage.objects.live().filter(locale__language_code="nl")
        if any(child.block_type == "h5p" for step in m.steps for child in step.value["content"])
    )
    client.get(with_h5p.url)
    response = client.get(with_h5p.url)
    assert response["X-Page-Cache"] == "hit"
    html = response.content.decode()
    assert "data-h5p-embed" in html
    assert "csrfmiddlewaretoken" not in html
    token = client.cookies.get("csrftoken")
    assert token is None or token.value not in html


def test_a_page_whose_render_asks_for_a_csrf_token_is_never_cached(client, demo, monkeypatch):
    from django.middleware.csrf import get_token

    original = StandardPage.get_context

    def asking_for_a_token(self, request, *args, **kwargs):
        get_token(request)
        return original(self, request, *args, **kwargs)

    monkeypatch.setattr(StandardPage, "get_context", asking_for_a_token)
    client.get("/privacy/")
    response = client.get("/privacy/")
    assert response.status_code == 200 and "X-Page-Cache" not in response


def test_a_page_that_gets_a_login_restriction_leaves_the_cache_at_once(client, demo):
    from wagtail.models import PageViewRestriction

    client.get("/privacy/")
    assert client.get("/privacy/")["X-Page-Cache"] == "hit"
    page = StandardPage.objects.get(slug="privacy", locale__language_code="nl")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/privacy/")
    assert response.status_code == 302 and "X-Page-Cache" not in response
