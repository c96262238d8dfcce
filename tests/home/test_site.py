"""Public pages, languages and roles (log-in and password reset: ``tests/accounts/test_login.py``)."""

from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("url", "lang", "title"),
    [("/", "nl", "Veerkrachtig op school en thuis"), ("/en/", "en", "Resilient at school and at home")],
)
def test_home_page_speaks_to_teachers_and_carers_in_each_language(client, demo, url, lang, title):
    response = client.get(url)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    assert html.h1.get_text(strip=True) == title
    assert len(html.select("section.audience")) == 2
    # Landmarks and skip link
    assert html.select_one("a.skip-link")["href"] == "#main"
    assert html.find("header") and html.find("main", id="main") and html.find("footer")
    assert html.select_one("nav.site-nav")["aria-label"]
    # The switcher links to the other language's version of this page
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    carers = {"ar": "/ar/", "tr": "/tr/", "pl": "/pl/"}  # the home page speaks to carers too (home.languages)
    assert switcher == ({"en": "/en/", **carers} if lang == "nl" else {"nl": "/", **carers})


def test_statements_are_linked_from_the_footer(client, demo):
    html = soup(client.get("/"))
    footer_links = {a.get_text(strip=True): a["href"] for a in html.select("footer a")}
    assert footer_links == {
        "Privacyverklaring": "/privacy/",
        "Toegankelijkheidsverklaring": "/toegankelijkheid/",
        "School aanmelden": "/aanmelden/",
    }
    statement = soup(client.get("/toegankelijkheid/"))
    assert "WCAG 2.2" in statement.get_text()
    english = client.get("/en/accessibility/")
    assert english.status_code == 200 and soup(english).html["lang"] == "en"


def test_styles_are_local_and_nothing_loads_from_another_host(client, demo):
    html = soup(client.get("/"))
    sources = [tag.get("src") or tag.get("href") for tag in html.select("script[src], link[href]")]
    assert sources, "the page should load its stylesheet"
    assert all(src.startswith("/") for src in sources), sources
    assert html.select_one('link[media="print"]')


def test_unknown_page_answers_404_in_the_site_layout(client, demo):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()


@pytest.mark.django_db
def test_roles_exist_with_the_right_reach():
    coordinators = Group.objects.get(name="Coördinatoren")
    teachers = Group.objects.get(name="Leerkrachten")
    assert coordinators.permissions.filter(codename="access_admin").exists()
    assert coordinators.page_permissions.filter(permission__codename="publish_page").exists()
    assert coordinators.collection_permissions.filter(permission__codename="add_image").exists()
    assert not teachers.permissions.filter(codename="access_admin").exists()
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_coordinator_reaches_the_dutch_admin_and_a_teacher_does_not(client, coordinator, teacher):
    client.force_login(coordinator)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert soup(response).html["lang"] == "nl"
    client.force_login(teacher)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_health_endpoint_checks_the_database(client, db):
    response = client.get("/gezond/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_the_admin_loads_nothing_from_another_host(client, coordinator):
    client.force_login(coordinator)
    html = soup(client.get(reverse("wagtailadmin_home")))
    sources = [tag.get("src") or tag.get("href") for tag in html.select("img[src], script[src], link[href]")]
    assert sources and all(src.startswith(("/", "data:")) for src in sources), sources
