"""Issue 9.7: worksheets of class lessons are for teachers; carers' material stays public."""

import json

import pytest
from django.test import Client

from tests.factories import UserFactory
from tests.lessons import factories as lf

pytestmark = pytest.mark.django_db


def download(client, doc):
    return client.get(doc.url)


def test_a_class_lesson_worksheet_is_for_teachers_and_coordinators_only(tree, teacher, coordinator):
    doc = lf.document(title="Talentenkaart", name="talentenkaart.txt")
    lf.class_lesson(tree["klas"], 6, steps=[lf.step("Werk", [lf.worksheet(doc)])])

    anonymous = download(Client(), doc)
    assert anonymous.status_code == 302 and "/account/inloggen/" in anonymous["Location"]
    no_role = Client()
    no_role.force_login(UserFactory(email="geen-rol@school.example"))
    assert download(no_role, doc).status_code == 403
    for user in (teacher, coordinator):
        client = Client()
        client.force_login(user)
        assert download(client, doc).status_code == 200


def test_material_used_on_a_carers_module_stays_public(tree):
    doc = lf.document(title="Praatkaart", name="praatkaart.txt")
    lf.class_lesson(tree["klas"], 6, steps=[lf.step("Werk", [lf.worksheet(doc)])])
    module = tree["modules"][0]
    module.steps = json.dumps([lf.home_step("Samen", [lf.paragraph(f'<p><a linktype="document" id="{doc.pk}">Praatkaart</a></p>')])])
    module.save_revision().publish()
    assert download(Client(), doc).status_code == 200


def test_a_document_no_page_uses_stays_public(db):
    doc = lf.document(title="Folder", name="folder.txt")
    assert download(Client(), doc).status_code == 200
