"""The chrome names no app: the menu and footer links come from the apps' hooks
(``register_nav_items``, ``register_footer_items``, ``home.navigation``) and the footer line is
a site setting coordinators edit per language (``home.models.FooterSettings``)."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from wagtail import hooks
from wagtail.models import Site

from home.models import DEFAULT_FOOTER_TEXT, FooterSettings, FooterText
from home.navigation import Audience, NavItem
from tests.pages import programme_tree

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates" / "includes"


@pytest.fixture
def tree(db):
    return programme_tree(lessons=[1], courses=1)


def menu(client, url="/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return {a.get_text(strip=True): (a["href"], a.get("aria-current")) for a in html.select(".site-nav a")}


def footer(client, url="/"):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    return html.select_one(".site-footer p").get_text(strip=True), [a.get_text(strip=True) for a in html.select(".site-footer a")]


def test_the_kernel_chrome_names_no_app():
    for name in ("header.html", "nav_items.html", "footer.html"):
        source = (TEMPLATES / name).read_text()
        for app in ("lessons_tags", "schools:", "lessons:", "accounts:"):
            assert app not in source, (name, app)


def test_a_guest_sees_the_programmes_search_and_the_carers_link_in_order(client, tree):
    links = menu(client, "/lessen/")
    assert list(links) == ["Lessen in de klas", "Thuismodules", "Cursus voor leerkrachten", "Zoeken", "Voor ouders", "Inloggen"]
    assert links["Lessen in de klas"] == ("/lessen/", "page")  # the current programme is marked
    assert links["Thuismodules"] == ("/thuis/", None)
    assert links["Voor ouders"][0] == reverse("schools:carer_entry")


def test_a_teacher_sees_mijn_groepen_marked_on_that_page(client, tree, teacher):
    client.force_login(teacher)
    links = menu(client, reverse("schools:my_groepen"))
    assert links["Mijn groepen"] == (reverse("schools:my_groepen"), "page")
    assert "Voor ouders" not in links and "Beheer" not in links


def test_staff_see_the_admin_link(client, tree, coordinator):
    client.force_login(coordinator)
    assert menu(client)["Beheer"] == (reverse("wagtailadmin_home"), None)


def test_an_app_adds_a_menu_item_through_the_hook_for_its_audience(client, tree, teacher):
    def extra(request, page):
        return [NavItem("Agenda", "/agenda/", order=55, audience=Audience.SIGNED_IN)]

    with hooks.register_temporarily("register_nav_items", extra):
        assert "Agenda" not in menu(client, "/lessen/")
        client.force_login(teacher)
        labels = list(menu(client, "/lessen/"))
    assert labels.index("Zoeken") < labels.index("Agenda") < labels.index("Mijn groepen")


def test_without_a_setting_the_footer_shows_the_built_in_line_and_the_apps_links(client, tree):
    text, links = footer(client)
    assert text == str(DEFAULT_FOOTER_TEXT)
    assert links == ["School aanmelden"]


def test_a_saved_footer_text_shows_at_once_per_language_with_dutch_as_fallback(client, tree):
    assert footer(client)[0] == str(DEFAULT_FOOTER_TEXT)  # cached now
    setting = FooterSettings.for_site(Site.objects.get(is_default_site=True))
    FooterText.objects.create(setting=setting, language="nl", text="Een programma van de GGD.")
    assert footer(client)[0] == "Een programma van de GGD."
    FooterText.objects.create(setting=setting, language="en", text="A programme of the public health service.")
    assert footer(client, "/en/")[0] == "A programme of the public health service."
    assert footer(client, "/ar/")[0] == "Een programma van de GGD."  # no Arabic row: the Dutch one


def _settings_form(texts):
    data = {"texts-TOTAL_FORMS": str(len(texts)), "texts-INITIAL_FORMS": "0", "texts-MIN_NUM_FORMS": "0",
            "texts-MAX_NUM_FORMS": "1000"}
    for i, (language, text) in enumerate(texts):
        data |= {f"texts-{i}-language": language, f"texts-{i}-text": text, f"texts-{i}-ORDER": str(i + 1),
                 f"texts-{i}-id": "", f"texts-{i}-DELETE": ""}
    return data


def test_a_coordinator_edits_the_footer_in_the_admin(client, tree, coordinator):
    client.force_login(coordinator)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "footersettings", site.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _settings_form([("nl", "Met steun van de gemeente.")]))
    assert response.status_code == 302
    assert footer(client)[0] == "Met steun van de gemeente."


def test_two_texts_in_one_language_are_refused_in_dutch_and_nothing_is_saved(client, tree, coordinator):
    client.force_login(coordinator)
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "footersettings", site.pk])
    response = client.post(url, _settings_form([("nl", "Een"), ("nl", "Twee")]))
    assert response.status_code == 200
    assert "Elke taal kan maar één voettekst hebben" in response.content.decode()
    assert not FooterText.objects.exists()


def test_the_demo_fills_the_footer_text_in_every_language_the_catalogue_translates(client, tree):
    from home.demo import _footer_texts

    _footer_texts(Site.objects.get(is_default_site=True))
    texts = dict(FooterText.objects.values_list("language", "text"))
    assert set(texts) == {code for code, _name in settings.LANGUAGES}
    assert texts["nl"].startswith("BOUNCE online: veerkracht op de basisschool")
    assert texts["tr"] == "BOUNCE online: ilkokulda dayanıklılık, öğretmenler ve veliler için."
    assert footer(client, "/en/")[0] == texts["en"] != texts["nl"]
