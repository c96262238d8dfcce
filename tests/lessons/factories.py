"""Builders for programme pages with real StreamField content (raw JSON, as Wagtail stores it);
the pages themselves come from the suite's shared factories (``tests/pages.py``)."""

import json

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tests import pages
from tests.pages import block, discussion, home_step, paragraph, step  # noqa: F401 (used by the tests as f.step ...)


def document(title="Werkblad", content=b"Werkblad: vul in wat je goed kunt.\n", name="werkblad.txt"):
    doc = Document(title=title)
    doc.file.save(name, ContentFile(content), save=False)
    doc.file_size = len(content)
    doc.save()
    return doc


def worksheet(doc, title=""):
    return block("worksheet", {"document": doc.pk, "title": title, "description": ""})


def exercise(title="Talentenjacht"):
    return block("exercise", {
        "title": title, "aim": "Leerlingen zien wat ze goed kunnen.", "duration_minutes": 15, "grouping": "tweetallen",
        "materials": ["Post-its"], "steps": ["Schrijf drie talenten op.", "Vertel ze aan je buur."],
        "debrief": ["Wat viel je op?"],
    })


# Pages: the suite's one set of page factories (tests/pages.py); these keep the short call style.
site_home = pages.site_home
programme = pages.programme


def _given(**fields):
    return {name: value for name, value in fields.items() if value}


def class_lesson(index, number, title=None, steps=None, preparation=None, **extra):
    return pages.ClassLessonPageFactory(
        parent=index, number=number, **_given(title=title, in_class=steps and json.dumps(steps),
                                              preparation=preparation and json.dumps(preparation)), **extra,
    )


def home_module(index, number, title=None, steps=None):
    return pages.HomeModulePageFactory(parent=index, number=number, **_given(title=title, steps=steps and json.dumps(steps)))


def course_module(index, number, title=None, body=None):
    return pages.CourseModulePageFactory(parent=index, number=number, **_given(title=title, body=body and json.dumps(body)))
