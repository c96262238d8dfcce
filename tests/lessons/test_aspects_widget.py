"""Issue 15, point 2: a class lesson's editor sees the aspects of the page's own language only,
as checkboxes (not the 14 Dutch and English snippets mixed in a multi-select box)."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Locale

from lessons.models import Aspect, ClassLessonPage

pytestmark = pytest.mark.django_db

NAMES = [("Zelfkennis", "Self-knowledge"), ("Sociale vaardigheden", "Social skills"), ("Zelfvertrouwen", "Self-confidence")]


@pytest.fixture
def aspects(db):
    nl = Locale.objects.get(language_code="nl")
    en, _created = Locale.objects.get_or_create(language_code="en")
    made = {"nl": [], "en": []}
    for n, (dutch, english) in enumerate(NAMES):
        key = uuid.uuid4()
        made["nl"].append(Aspect.objects.create(name=dutch, sort_order=n, locale=nl, translation_key=key))
        made["en"].append(Aspect.objects.create(name=english, sort_order=n, locale=en, translation_key=key))
    return made


def test_edit_form_lists_the_pages_own_aspects_as_checkboxes(client, coordinator, tree, aspects):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    html = BeautifulSoup(client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content, "html.parser")
    boxes = html.select("input[type=checkbox][name=aspects]")
    labels = [html.select_one(f"label[for={box['id']}]").get_text(strip=True) for box in boxes]
    assert labels == [dutch for dutch, _english in NAMES]
    assert not html.select("select[name=aspects]")


def test_a_foreign_language_aspect_is_refused_on_save(coordinator, tree, aspects):
    from django.core.exceptions import ValidationError

    lesson = ClassLessonPage.objects.get(pk=tree["lessons"][0].pk)
    form_class = ClassLessonPage.get_edit_handler().get_form_class()
    field = form_class(instance=lesson, for_user=coordinator, parent_page=lesson.get_parent()).fields["aspects"]
    with pytest.raises(ValidationError):
        field.clean([aspects["en"][0].pk])
    assert list(field.clean([aspects["nl"][0].pk])) == [aspects["nl"][0]]


def test_a_new_lesson_gets_the_parents_language(coordinator, tree, aspects):
    parent = tree["klas"]
    form_class = ClassLessonPage.get_edit_handler().get_form_class()
    form = form_class(instance=ClassLessonPage(locale=parent.locale), for_user=coordinator, parent_page=parent)
    assert set(form.fields["aspects"].queryset) == set(aspects["nl"])
