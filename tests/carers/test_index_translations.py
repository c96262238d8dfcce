"""Translated programme indexes say which parts are translated and link to the Dutch version
(issue 14.6): no "the Dutch version is complete" without a link, no "only in Dutch" where
modules are translated."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from home.languages import translation_coverage
from lessons import demo_translations
from lessons.demo_content import EN_INDEXES
from lessons.programme import ProgrammeType

pytestmark = pytest.mark.django_db


def main(response):
    return BeautifulSoup(response.content.decode(), "html.parser").select_one("main")


def test_a_partly_translated_index_counts_its_parts_and_links_to_dutch(client, carer_tree):
    page = main(client.get(carer_tree["thuis_en"].url))
    notice = page.select_one(".notice")
    assert "1" in notice.get_text() and "2" in notice.get_text()
    assert notice.select_one("a[hreflang=nl]")["href"] == carer_tree["thuis"].url
    assert [a["href"] for a in page.select(".part__title a")] == [carer_tree["module_en"].url]


def test_an_index_without_translated_parts_links_to_the_dutch_version(client, carer_tree, teacher):
    klas_en = demo_translations.translate(carer_tree["klas"], "en")
    client.force_login(teacher)
    page = main(client.get(klas_en.url))
    assert not page.select(".parts")
    assert page.select_one("a[hreflang=nl]")["href"] == carer_tree["klas"].url


def test_a_dutch_index_shows_no_coverage_note(client, carer_tree):
    assert not main(client.get(carer_tree["thuis"].url)).select(".notice")


def test_coverage_costs_two_queries_and_none_in_dutch(carer_tree, django_assert_num_queries):
    with translation.override("en"), django_assert_num_queries(2):
        coverage = translation_coverage(carer_tree["thuis_en"])
    assert coverage == {"page": carer_tree["thuis"].page_ptr, "total": 2, "translated": 1}
    with translation.override("nl"), django_assert_num_queries(0):
        assert translation_coverage(carer_tree["thuis"]) is None


def test_the_english_demo_indexes_make_no_claim_the_translations_contradict():
    """The at-home index lists translated modules, so its text must not say they are Dutch only."""
    _title, _slug, intro = EN_INDEXES[ProgrammeType.HOME]
    assert "Dutch" not in intro
    for kind in (ProgrammeType.CLASS, ProgrammeType.COURSE):
        assert "in Dutch" in EN_INDEXES[kind][2]  # true: nothing of them is translated; the page links to it
