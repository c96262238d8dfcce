"""The household remembers its language (issue 14.3), the letter's second language points to
that language's carer URL (14.4), and no carer URL changes language on the way (14.5)."""

import re

import pytest
import segno
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse

from lessons import demo_translations
from schools.models import Household

pytestmark = pytest.mark.django_db

CARER_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def prefix(code):
    return "" if code == settings.LANGUAGE_CODE else f"/{code}"


def device():
    return Client(REMOTE_ADDR="10.9.9.9")


def test_the_code_page_language_is_stored_on_the_new_household(client, carer_groep):
    client.post("/tr/ouders/", {"code": carer_groep.carer_code})
    assert Household.objects.get().language == "tr"


def test_a_plain_dutch_code_page_on_a_fresh_device_is_no_choice(client, carer_groep):
    response = client.post("/ouders/", {"code": carer_groep.carer_code})
    assert response["Location"] == "/ouders/thuis/"
    assert Household.objects.get().language == ""


def test_the_resume_code_restores_the_language_on_a_second_device(client, carer_groep):
    client.post("/ar/ouders/", {"code": carer_groep.carer_code})
    household = Household.objects.get()
    second = device()  # no cookie at all; the carer types the resume code on the Dutch page
    response = second.post("/ouders/", {"code": household.resume_code_display})
    assert response.status_code == 302 and response["Location"] == "/ar/ouders/thuis/"
    assert second.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    assert second.get(response["Location"]).status_code == 200


def test_a_language_picked_on_the_second_device_wins_and_is_stored(client, carer_groep):
    client.post("/ar/ouders/", {"code": carer_groep.carer_code})
    household = Household.objects.get()
    response = device().post("/pl/ouders/", {"code": household.resume_code_display})
    assert response["Location"] == "/pl/ouders/thuis/"
    household.refresh_from_db()
    assert household.language == "pl"


def test_the_switcher_choice_is_stored_on_the_household_and_dropped_from_the_url(client, carer_groep, carer_tree):
    client.post("/ouders/", {"code": carer_groep.carer_code})
    links = {a["hreflang"]: a["href"] for a in soup(client.get("/ouders/thuis/")).select("nav.language-switcher a")}
    assert links["en"] == "/en/ouders/thuis/?taalkeuze=en"
    response = client.get(links["en"])
    assert response.status_code == 302 and response["Location"] == "/en/ouders/thuis/"
    assert Household.objects.get().language == "en"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    # ... so a second device entering the resume code on the Dutch page continues in English.
    second = device()
    assert second.post("/ouders/", {"code": Household.objects.get().resume_code_display})["Location"] == "/en/ouders/thuis/"


def test_a_choice_marker_for_another_language_than_the_url_changes_nothing(client, carer_groep, carer_tree):
    client.post("/ar/ouders/", {"code": carer_groep.carer_code})
    response = client.get("/en/ouders/thuis/?taalkeuze=pl")
    assert response.status_code == 302 and response["Location"] == "/en/ouders/thuis/"
    assert Household.objects.get().language == "ar"


def test_the_home_page_switcher_marks_no_choice(client, carer_tree):
    links = {a["hreflang"]: a["href"] for a in soup(client.get("/")).select("nav.language-switcher a")}
    assert "taalkeuze" not in " ".join(links.values())


# The letter -----------------------------------------------------------------------------------

def qr_paths(svg_html):
    return re.findall(r'<path[^>]* d="([^"]+)"', svg_html)


@pytest.mark.parametrize("language", ["en", "ar", "tr", "pl"])
def test_the_second_language_letter_links_and_qr_codes_to_that_language(client, carer_groep, teacher, language):
    client.force_login(teacher)
    page = soup(client.get(reverse("schools:carer_letter", args=[carer_groep.pk]), {"taal": language}))
    dutch, second = page.select("article.letter")
    code_path = f"/ouders/code/{carer_groep.carer_code}/"
    expected = {dutch: f"http://testserver{code_path}", second: f"http://testserver/{language}{code_path}"}
    for letter, link in expected.items():
        assert letter.select_one(".letter__link").get_text(strip=True) == link
        assert qr_paths(str(letter.select_one(".letter__qr"))) == qr_paths(segno.make(link, error="m").svg_inline(scale=5))
    assert f"http://testserver/{language}/ouders/" in second.get_text()
    assert "http://testserver/ouders/" in dutch.get_text() and f"/{language}/" not in dutch.get_text()


def test_the_letter_link_of_each_language_opens_the_code_page_in_that_language(client, carer_groep, teacher):
    client.force_login(teacher)
    letter = soup(client.get(reverse("schools:carer_letter", args=[carer_groep.pk]), {"taal": "ar"}))
    link = letter.select("article.letter")[1].select_one(".letter__link").get_text(strip=True)
    carer = device()
    response = carer.get(link.removeprefix("http://testserver"))
    assert response.status_code == 302 and response["Location"] == "/ar/ouders/thuis/"
    assert Household.objects.get().language == "ar"


# No carer URL changes language --------------------------------------------------------------

@pytest.fixture
def every_language(carer_tree):
    """The translated module in all five languages (the shared tree has nl, en and ar)."""
    for language in ("tr", "pl"):
        for key in ("home", "thuis", "module"):
            carer_tree[f"{key}_{language}"] = demo_translations.translate(carer_tree[key], language).specific
    carer_tree["module_nl"] = carer_tree["module"]
    return carer_tree


def assert_same_language(response, code):
    if response.status_code in (301, 302):
        location = response["Location"]
        if code == settings.LANGUAGE_CODE:
            assert not any(location.startswith(f"/{other}/") for other in CARER_LANGUAGES), location
        else:
            assert location.startswith(f"/{code}/"), location
    else:
        assert response.status_code == 200, response.status_code
        assert soup(response).html["lang"] == code


@pytest.mark.parametrize("code", CARER_LANGUAGES)
def test_no_carer_url_redirects_to_another_language(carer_groep, every_language, code):
    carer = device()
    module = every_language["module"]
    p = prefix(code)
    assert_same_language(carer.get(f"{p}/ouders/"), code)
    entered = carer.get(f"{p}/ouders/code/{carer_groep.carer_code}/")
    assert_same_language(entered, code)
    assert entered["Location"] == f"{p}/ouders/thuis/"
    assert_same_language(carer.get(f"{p}/ouders/thuis/"), code)
    opened = carer.get(f"{p}/ouders/module/{module.pk}/")
    assert_same_language(opened, code)
    assert opened["Location"] == every_language[f"module_{code}"].url
    assert_same_language(carer.get(opened["Location"]), code)
    done = carer.post(f"{p}/ouders/module/{module.pk}/klaar/")
    assert_same_language(done, code)
    assert done["Location"] == f"{p}/ouders/module/{module.pk}/uw-mening/"
    assert_same_language(carer.get(done["Location"]), code)
    assert_same_language(carer.get(f"{p}/ouders/thuis/?taalkeuze={code}"), code)


def test_an_untranslated_module_is_the_one_documented_exception(carer_groep, carer_tree):
    """A module with no translation opens in Dutch (README "Languages"): it exists only there,
    and the carer's list says so beside its title before the carer opens it."""
    carer = device()
    carer.get(f"/tr/ouders/code/{carer_groep.carer_code}/")
    listed = soup(carer.get("/tr/ouders/thuis/"))
    assert len(listed.select(".module-item__language")) == 2  # nothing is in Turkish in this tree
    opened = carer.get(f"/tr/ouders/module/{carer_tree['dutch_only'].pk}/")
    assert opened["Location"] == carer_tree["dutch_only"].url


@pytest.mark.parametrize("marker", ["EN", "%D0%B5n", "%ED%A0%80", "en" * 5000, "%EF%BC%91", "en%00", ""])
def test_an_odd_choice_marker_changes_nothing_and_never_fails(client, carer_groep, carer_tree, marker):
    """Letter case, a Cyrillic look-alike, a lone surrogate (as its UTF-8 bytes), a huge value,
    a full-width digit, NUL: sent as raw query strings, the way a browser would send them."""
    client.post("/ar/ouders/", {"code": carer_groep.carer_code})
    response = client.get(f"/en/ouders/thuis/?taalkeuze={marker}")
    assert response.status_code == 302 and response["Location"] == "/en/ouders/thuis/"
    assert Household.objects.get().language == "ar"
