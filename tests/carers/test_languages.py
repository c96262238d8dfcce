"""Carer languages: which pages speak which language, the switcher, and the redirect rules.

Arabic, Turkish and Polish exist only on the carers' path; teacher pages answer with their
Dutch page and a notice. No carer URL falls into another language.
"""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from schools.models import Household, HouseholdModuleProgress

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def switcher(response):
    nav = soup(response).select_one("nav.language-switcher")
    return {a["hreflang"]: a["href"] for a in nav.select("a[hreflang]")}


def enter(client, groep, prefix=""):
    return client.post(f"{prefix}/ouders/", {"code": groep.carer_code})


def test_an_arabic_module_renders_right_to_left_in_arabic(client, carer_tree):
    response = client.get(carer_tree["module_ar"].url)
    assert response.status_code == 200
    html = soup(response).html
    assert html["lang"] == "ar" and html["dir"] == "rtl"
    assert "Voorbeeldvertaling" in soup(response).select_one(".sample-note").get_text()
    assert soup(response).h1.get_text(strip=True) == "نظرة إيجابية"


def test_dutch_and_english_pages_are_left_to_right(client, carer_tree):
    for url in (carer_tree["module"].url, carer_tree["module_en"].url):
        html = soup(client.get(url)).html
        assert html["dir"] == "ltr"


def test_a_teacher_page_in_a_carer_only_language_answers_in_dutch_with_a_notice(client, carer_tree):
    response = client.get("/ar/lessen/")
    assert response.status_code == 302 and response["Location"] == "/lessen/"
    followed = client.get(response["Location"])
    notices = [m.get_text() for m in soup(followed).select(".message")]
    with translation.override("ar"):
        expected = translation.gettext("Deze pagina is er alleen in het Nederlands en het Engels.")
    assert expected in notices


def test_a_teacher_view_in_a_carer_only_language_keeps_its_query_string(client, carer_tree):
    response = client.get("/pl/zoeken/", {"q": "veerkracht"})
    assert response.status_code == 302 and response["Location"] == "/zoeken/?q=veerkracht"


def test_carer_pages_answer_in_every_carer_language_without_redirect(client, carer_tree):
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == "nl" else f"/{code}"
        response = client.get(f"{prefix}/ouders/")
        assert response.status_code == 200, code
        assert soup(response).html["lang"] == code


def test_the_english_module_url_of_a_carer_stays_in_english(client, carer_groep, carer_tree):
    enter(client, carer_groep, "/en")
    response = client.get(f"/en/ouders/module/{carer_tree['module'].pk}/")
    assert response.status_code == 302 and response["Location"] == carer_tree["module_en"].url
    assert response["Location"].startswith("/en/")


def test_the_code_page_remembers_the_language_and_continues_in_it(client, carer_groep):
    response = enter(client, carer_groep, "/ar")
    assert response.status_code == 302 and response["Location"] == "/ar/ouders/thuis/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"
    # Later, on the Dutch code page, the way back leads into Arabic.
    page = soup(client.get("/ouders/"))
    assert page.select_one(".message a")["href"] == "/ar/ouders/thuis/"


def test_the_carers_list_shows_translated_titles_and_marks_dutch_only_modules(client, carer_groep, carer_tree):
    enter(client, carer_groep, "/ar")
    page = soup(client.get("/ar/ouders/thuis/"))
    titles = [a.get_text(strip=True) for a in page.select(".module-item__link")]
    assert titles == ["نظرة إيجابية", "Alleen in het Nederlands"]
    assert len(page.select(".module-item__language")) == 1
    assert [a.get("lang") for a in page.select(".module-item__link")] == [None, "nl"]


def test_the_carers_list_does_not_query_per_module(client, carer_groep, carer_tree, django_assert_max_num_queries):
    enter(client, carer_groep, "/ar")
    client.get("/ar/ouders/thuis/")
    with django_assert_max_num_queries(12):
        client.get("/ar/ouders/thuis/")


def test_finishing_a_translated_module_counts_for_the_dutch_module(client, carer_groep, carer_tree):
    enter(client, carer_groep, "/ar")
    page = soup(client.get(carer_tree["module_ar"].url))
    form = page.select_one(".household-progress form")
    assert form["action"] == f"/ar/ouders/module/{carer_tree['module'].pk}/klaar/"
    client.post(form["action"], {"next": "/ar/ouders/thuis/"})
    progress = HouseholdModuleProgress.objects.get(household=Household.objects.get())
    assert progress.module_id == carer_tree["module"].pk and progress.completed_at


def test_switcher_links_to_the_translation_and_keeps_the_query_string(client, carer_tree):
    links = switcher(client.get(carer_tree["module"].url, {"stap": "2"}))
    # ``taalkeuze``: the carer picked this language (remembered, then dropped: test_household_language)
    assert links["en"] == f"{carer_tree['module_en'].url}?stap=2&taalkeuze=en"
    assert links["ar"] == f"{carer_tree['module_ar'].url}?stap=2&taalkeuze=ar"


def test_switcher_falls_back_to_the_nearest_translated_ancestor_with_a_notice(client, carer_tree):
    links = switcher(client.get(carer_tree["dutch_only"].url))
    assert links["ar"] == f"{carer_tree['thuis_ar'].url}?vertaling=ontbreekt&taalkeuze=ar"
    response = client.get(links["ar"])
    assert response.status_code == 302 and response["Location"] == carer_tree["thuis_ar"].url
    followed = client.get(response["Location"])
    assert followed.status_code == 200 and soup(followed).select(".message")


def test_switcher_on_teacher_pages_offers_only_dutch_and_english(client, carer_tree):
    assert set(switcher(client.get("/zoeken/", {"q": "les"}))) == {"en"}
    assert switcher(client.get("/zoeken/", {"q": "les"}))["en"] == "/en/zoeken/?q=les"
    # Turkish and Polish have no page of this site in the test tree, so they are not offered.
    assert set(switcher(client.get(carer_tree["module"].url))) == {"en", "ar"}


def test_carers_see_only_carer_links_in_the_header(client, carer_groep, carer_tree):
    enter(client, carer_groep)
    nav = soup(client.get(carer_tree["module"].url)).select_one("nav.site-nav")
    assert [a["href"] for a in nav.select("a")] == [reverse("schools:carer_home")]
    teacher_nav = soup(client.get("/zoeken/")).select_one("nav.site-nav")
    assert reverse("accounts:login") in " ".join(a["href"] for a in teacher_nav.select("a"))


def test_the_module_breadcrumb_leads_back_to_the_carers_list(client, carer_tree):
    crumbs = soup(client.get(carer_tree["module_ar"].url)).select(".breadcrumbs a")
    assert [a["href"] for a in crumbs] == ["/ar/ouders/thuis/"]


def test_the_admin_offers_only_the_teacher_languages():
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["nl", "en"]


def test_favicon_ico_answers(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith(".svg")


def test_the_carer_letter_prints_dutch_plus_one_chosen_language(client, carer_groep, teacher):
    client.force_login(teacher)
    url = reverse("schools:carer_letter", args=[carer_groep.pk])
    page = soup(client.get(url, {"taal": "ar"}))
    letters = page.select("article.letter")
    assert [a["lang"] for a in letters] == ["nl", "ar"]
    assert page.select_one(".letter-second")["dir"] == "rtl"
    with translation.override("ar"):
        assert letters[1].h1.get_text() == translation.gettext("Thuis verder met veerkracht")
    assert "/ar/ouders/" in letters[1].get_text()
    assert soup(client.get(url, {"taal": "<script>"})).select("article.letter")[0]["lang"] == "nl"
    assert len(soup(client.get(url, {"taal": "<script>"})).select("article.letter")) == 1


def test_the_home_page_keeps_the_full_navigation_in_dutch_but_not_in_arabic(client, carer_tree):
    dutch = [a["href"] for a in soup(client.get("/")).select("nav.site-nav a")]
    assert reverse("accounts:login") in " ".join(dutch)
    arabic = [a["href"] for a in soup(client.get(carer_tree["home_ar"].url)).select("nav.site-nav a")]
    assert arabic == ["/ar/ouders/thuis/"]


def test_the_cached_switcher_adds_each_requests_own_query_string(client, carer_tree):
    """The switcher's per-page links are kept under the content version; the query string, the
    carer's choice marker and the current page's own link still come from each request."""
    url = carer_tree["module"].url
    client.get(url, {"stap": "2"})
    client.get(url, {"stap": "2"})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        links = switcher(client.get(url, {"stap": "3"}))
    assert not [q for q in captured.captured_queries if "translation_key" in q["sql"]]  # no translation look-ups
    assert links["en"] == f"{carer_tree['module_en'].url}?stap=3&taalkeuze=en"
    assert links["ar"] == f"{carer_tree['module_ar'].url}?stap=3&taalkeuze=ar"
    current = soup(client.get(url, {"stap": "4"})).select_one("nav.language-switcher [aria-current]")
    assert current["lang"] == "nl"


def test_a_published_translation_shows_in_the_switcher_at_once(client, carer_tree):
    from lessons import demo_translations

    assert switcher(client.get(carer_tree["dutch_only"].url))["ar"] == f"{carer_tree['thuis_ar'].url}?vertaling=ontbreekt&taalkeuze=ar"
    arabic = demo_translations.translate(carer_tree["dutch_only"], "ar")
    assert switcher(client.get(carer_tree["dutch_only"].url))["ar"] == f"{arabic.url}?taalkeuze=ar"
    arabic.refresh_from_db()  # translate() publishes a revision; this instance still says "not live"
    arabic.unpublish()
    assert switcher(client.get(carer_tree["dutch_only"].url))["ar"] == f"{carer_tree['thuis_ar'].url}?vertaling=ontbreekt&taalkeuze=ar"
