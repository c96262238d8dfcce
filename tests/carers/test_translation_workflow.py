"""Translators' workflow with wagtail-localize's own tools: a PO file exported for a translator
comes back in and changes the translation; a broken file changes nothing."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_translation(carer_tree):
    return Translation.objects.get(
        source__object_id=carer_tree["module"].translation_key, target_locale=Locale.objects.get(language_code="ar")
    )


def download(client, translation):
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    return polib.pofile(response.content.decode())


def upload(client, translation, text, next_url="/admin/"):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": SimpleUploadedFile("vertaling.po", text.encode(), content_type="text/x-gettext-translation"), "next": next_url},
    )


def test_po_export_and_import_round_trip(client, admin_user, carer_tree, arabic_translation):
    client.force_login(admin_user)
    po = download(client, arabic_translation)
    title = next(e for e in po if e.msgid == "Een positieve blik")
    assert title.msgstr == "نظرة إيجابية"
    title.msgstr = "نظرة إيجابية إلى طفلكم"
    response = upload(client, arabic_translation, str(po))
    assert response.status_code == 302
    assert download(client, arabic_translation).find("Een positieve blik").msgstr == "نظرة إيجابية إلى طفلكم"
    arabic_translation.save_target(publish=False)
    module_ar = carer_tree["module_ar"]
    module_ar.refresh_from_db()
    assert module_ar.get_latest_revision_as_object().title == "نظرة إيجابية إلى طفلكم"


def test_a_broken_po_file_changes_nothing(client, admin_user, arabic_translation):
    client.force_login(admin_user)
    before = list(StringTranslation.objects.order_by("pk").values_list("data", flat=True))
    response = upload(client, arabic_translation, 'msgid "unterminated\nmsgstr ')
    assert response.status_code == 302
    assert list(StringTranslation.objects.order_by("pk").values_list("data", flat=True)) == before


def test_a_po_file_of_another_translation_is_refused(client, admin_user, carer_tree, arabic_translation):
    client.force_login(admin_user)
    english = Translation.objects.get(source=arabic_translation.source, target_locale__language_code="en")
    po = download(client, english)
    for entry in po:
        entry.msgstr = "overwritten"
    upload(client, arabic_translation, str(po))
    assert download(client, arabic_translation).find("Een positieve blik").msgstr == "نظرة إيجابية"


def test_only_editors_of_the_page_may_download(client, teacher, arabic_translation):
    client.force_login(teacher)
    response = client.get(reverse("wagtail_localize:download_pofile", args=[arabic_translation.pk]))
    assert response.status_code in (302, 403)
