"""Vertaalstatus (issue 14.1): per at-home module and language, complete / incomplete / out of
date after a Dutch edit / missing, with links to edit and sync; a fixed number of queries."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from home.languages import TRANSLATORS_GROUP
from lessons import demo_translations
from lessons.translation_status import module_status
from tests.factories import UserFactory
from tests.lessons import factories as lf

pytestmark = pytest.mark.django_db

URL = "/admin/vertaalstatus/"


def finish_translations(page, *languages):
    """Translate every segment the sample translations left in Dutch (the test tree's own texts)."""
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    for code in languages:
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.get_or_create(
                translation_of=segment.string, locale=Locale.objects.get(language_code=code), context=segment.context,
                defaults={"data": f"[{code}] {segment.string.data}", "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )


@pytest.fixture
def tree(carer_tree):
    finish_translations(carer_tree["module"], "en", "ar")
    return carer_tree


def statuses():
    _languages, rows = module_status()
    return {row["module"].pk: {cell.language: cell for cell in row["cells"]} for row in rows}


def test_a_translated_module_is_complete_and_an_untranslated_one_missing(tree):
    cells = statuses()
    translated, dutch_only = cells[tree["module"].pk], cells[tree["dutch_only"].pk]
    assert {code: c.status for code, c in translated.items()} == {"en": "volledig", "ar": "volledig", "tr": "ontbreekt", "pl": "ontbreekt"}
    assert translated["en"].done == translated["en"].total > 0
    assert {c.status for c in dutch_only.values()} == {"ontbreekt"}
    assert dutch_only["ar"].translate_url == reverse("wagtail_localize:submit_page_translation", args=[tree["dutch_only"].pk])


def test_editing_the_dutch_source_makes_the_translation_out_of_date_until_synced(tree):
    module = tree["module"]
    module.summary = "Een nieuwe zin die nog niemand heeft vertaald."
    module.save_revision().publish()
    cell = statuses()[module.pk]["en"]
    assert cell.status == "verouderd"
    source = TranslationSource.objects.get(object_id=module.translation_key, locale=module.locale)
    assert cell.sync_url == reverse("wagtail_localize:update_translations", args=[source.pk])
    # Syncing takes the new Dutch text over: now the new summary lacks its translation.
    source.update_from_db()
    cell = statuses()[module.pk]["en"]
    assert cell.status == "onvolledig" and 0 < cell.done < cell.total
    assert not cell.sync_url and cell.edit_url == reverse("wagtailadmin_pages:edit", args=[tree["module_en"].pk])


def test_a_missing_string_translation_is_incomplete(tree):
    module = tree["module"]
    source = TranslationSource.objects.get(object_id=module.translation_key, locale=module.locale)
    StringTranslation.objects.filter(locale__language_code="ar", translation_of__segments__source=source).order_by("pk").first().delete()
    cell = statuses()[module.pk]["ar"]
    assert cell.status == "onvolledig" and cell.done == cell.total - 1
    assert statuses()[module.pk]["en"].status == "volledig"


def test_the_query_count_does_not_grow_with_the_modules(tree):
    with CaptureQueriesContext(connection) as few:
        module_status()
    for number in range(3, 7):
        extra = lf.home_module(tree["thuis"], number, f"Module {number}")
        demo_translations.translate(extra, "en")
    with CaptureQueriesContext(connection) as many:
        _languages, rows = module_status()
    assert len(rows) == 6
    assert len(many) == len(few) == 5


def test_coordinators_see_the_report_in_dutch(client, coordinator, tree, django_assert_max_num_queries):
    client.force_login(coordinator)
    with django_assert_max_num_queries(40):  # the admin's own chrome; the report adds a fixed 5
        response = client.get(URL)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.h1.get_text(strip=True) == "Vertaalstatus"
    row = page.find("a", string=lambda s: s and "Een positieve blik" in s).find_parent("tr")
    assert [td["data-status"] for td in row.select("td")] == ["volledig", "volledig", "ontbreekt", "ontbreekt"]


def test_translators_see_the_report_and_teachers_do_not(client, teacher, tree):
    translator = UserFactory()
    translator.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    client.force_login(translator)
    assert client.get(URL).status_code == 200
    client.force_login(teacher)
    assert client.get(URL).status_code in (302, 403)
