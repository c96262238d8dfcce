"""Builders for programme pages with real StreamField content (raw JSON, as Wagtail stores it)."""

import json
import uuid

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from lessons.models import (
    ClassLessonPage,
    CourseModulePage,
    HomeModulePage,
    ProgrammeIndexPage,
)


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def paragraph(text="<p>Uitleg voor de leerkracht.</p>"):
    return block("paragraph", text)


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


def discussion(questions=("Wanneer voelde jij je sterk?",)):
    return block("discussion", {"title": "Om over te praten", "intro": "", "questions": list(questions)})


def step(title, content, minutes=10):
    return block("step", {"title": title, "duration_minutes": minutes, "content": content})


def home_step(title, content):
    return block("step", {"title": title, "content": content})


def site_home():
    """A Dutch home page at the site root (the tests do not load the demo)."""
    root = Page.get_first_root_node()
    home = HomePage(title="Thuis", slug="home-test", intro="Intro", teachers_title="L", teachers_text="<p>L</p>",
                    carers_title="O", carers_text="<p>O</p>", locale=Locale.objects.get(language_code="nl"))
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def programme(home, kind, slug, title):
    return publish(home, ProgrammeIndexPage(title=title, slug=slug, programme_type=kind, intro="<p>Intro</p>"))


def class_lesson(index, number, title=None, steps=None, preparation=None, **extra):
    return publish(index, ClassLessonPage(
        title=title or f"Les {number}", slug=f"les-{number}", number=number, duration_minutes=60,
        summary=f"Samenvatting van les {number}.", learning_goals="<ul><li>Een doel</li></ul>",
        materials="<ul><li>Digibord</li></ul>",
        in_class=json.dumps(steps or [step("Start", [paragraph("<p>Kringgesprek over talenten.</p>")])]),
        preparation=json.dumps(preparation or []), **extra,
    ))


def home_module(index, number, title=None, steps=None):
    return publish(index, HomeModulePage(
        title=title or f"Module {number}", slug=f"module-{number}", number=number, duration_minutes=15,
        summary=f"Samenvatting van module {number}.", child_learned="<p>Uw kind praatte over talenten.</p>",
        steps=json.dumps(steps or [home_step("Lees", [paragraph("<p>Lees dit samen.</p>")]),
                                   home_step("Praat", [discussion(("Waar ben jij trots op?",))])]),
        done_title="Klaar!", done_text="<p>Goed gedaan.</p>",
    ))


def course_module(index, number, title=None, body=None):
    return publish(index, CourseModulePage(
        title=title or f"Cursusmodule {number}", slug=f"cursus-{number}", number=number, duration_minutes=45,
        summary=f"Samenvatting van cursusmodule {number}.", body=json.dumps(body or [paragraph("<p>Achtergrond.</p>")]),
    ))
