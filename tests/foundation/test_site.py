"""Public pages, languages, roles and login."""

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


def test_login_with_e_mail_address_in_any_case(client, teacher):
    response = client.post(
        reverse("accounts:login"),
        {"username": "Leerkracht@School-A.example", "password": "correct-horse-battery"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(teacher.pk)


def test_wrong_password_gives_a_dutch_message_and_locks_out_after_five_failures(client, teacher):
    url = reverse("accounts:login")
    for _ in range(4):
        response = client.post(url, {"username": teacher.email, "password": "fout"}, REMOTE_ADDR="10.0.0.2")
        assert response.status_code == 200
        assert "horen niet bij elkaar" in response.content.decode()
    response = client.post(url, {"username": teacher.email, "password": "fout"}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    # Even the right password is refused during the lock-out.
    response = client.post(url, {"username": teacher.email, "password": "correct-horse-battery"}, REMOTE_ADDR="10.0.0.2")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_dutch_link_that_sets_a_new_password(client, teacher, mailoutbox):
    response = client.post(reverse("accounts:password_reset"), {"email": teacher.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert "Nieuw wachtwoord" in message.subject
    link = next(line for line in message.body.splitlines() if "/wachtwoord-instellen/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "een-nieuw-sterk-wachtwoord", "new_password2": "een-nieuw-sterk-wachtwoord"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password("een-nieuw-sterk-wachtwoord")


def test_health_endpoint_checks_the_database(client, db):
    response = client.get("/gezond/")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_the_admin_loads_nothing_from_another_host(client, coordinator):
    client.force_login(coordinator)
    html = soup(client.get(reverse("wagtailadmin_home")))
    sources = [tag.get("src") or tag.get("href") for tag in html.select("img[src], script[src], link[href]")]
    assert sources and all(src.startswith(("/", "data:")) for src in sources), sources
