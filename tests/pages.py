"""The one page-tree builder of the suite: page factories (wagtail-factories) and ``programme_tree``.

Every app's ``tree`` fixture (lessons, schools, rollout, feedback, production, home) is built by
``programme_tree``, so a change to the page models is followed in one place. Pages are
published with a revision, as editors publish them: the fragment caches key on the live
revision. StreamField content is raw JSON as Wagtail stores it (helpers in
``tests/lessons/factories.py``).

wagtail-factories 4.5.0 declares Wagtail 7; its ``PageFactory`` (``parent.add_child``) works
unchanged on Wagtail 8.0 (this module's tests, every ``tree`` fixture).
"""

import json
import uuid

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from lessons.models import ClassLessonPage, CourseModulePage, HomeModulePage, ProgrammeIndexPage, ProgrammeType


def block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def paragraph(text="<p>Uitleg voor de leerkracht.</p>"):
    return block("paragraph", text)


def step(title, content, minutes=10):
    return block("step", {"title": title, "duration_minutes": minutes, "content": content})


def home_step(title, content):
    return block("step", {"title": title, "content": content})


def discussion(questions=("Wanneer voelde jij je sterk?",)):
    return block("discussion", {"title": "Om over te praten", "intro": "", "questions": list(questions)})


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under ``parent`` and published with a revision (``refresh_from_db`` after)."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True  # publishing saved it

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create:
            page.save_revision().publish()
            page.refresh_from_db()


class HomePageFactory(PublishedPageFactory):
    title = "Thuis"
    slug = "home-test"
    intro = "Intro"
    teachers_title = "L"
    teachers_text = "<p>L</p>"
    carers_title = "O"
    carers_text = "<p>O</p>"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))

    class Meta:
        model = HomePage


class ProgrammeIndexPageFactory(PublishedPageFactory):
    intro = "<p>Intro</p>"

    class Meta:
        model = ProgrammeIndexPage


class ClassLessonPageFactory(PublishedPageFactory):
    title = factory.LazyAttribute(lambda o: f"Les {o.number}")
    slug = factory.LazyAttribute(lambda o: f"les-{o.number}")
    duration_minutes = 60
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van les {o.number}.")
    learning_goals = "<ul><li>Een doel</li></ul>"
    materials = "<ul><li>Digibord</li></ul>"
    in_class = factory.LazyFunction(lambda: json.dumps([step("Start", [paragraph("<p>Kringgesprek over talenten.</p>")])]))
    preparation = "[]"

    class Meta:
        model = ClassLessonPage


class HomeModulePageFactory(PublishedPageFactory):
    title = factory.LazyAttribute(lambda o: f"Module {o.number}")
    slug = factory.LazyAttribute(lambda o: f"module-{o.number}")
    duration_minutes = 15
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van module {o.number}.")
    child_learned = "<p>Uw kind praatte over talenten.</p>"
    steps = factory.LazyFunction(lambda: json.dumps([
        home_step("Lees", [paragraph("<p>Lees dit samen.</p>")]),
        home_step("Praat", [discussion(("Waar ben jij trots op?",))]),
    ]))
    done_title = "Klaar!"
    done_text = "<p>Goed gedaan.</p>"

    class Meta:
        model = HomeModulePage


class CourseModulePageFactory(PublishedPageFactory):
    title = factory.LazyAttribute(lambda o: f"Cursusmodule {o.number}")
    slug = factory.LazyAttribute(lambda o: f"cursus-{o.number}")
    duration_minutes = 45
    summary = factory.LazyAttribute(lambda o: f"Samenvatting van cursusmodule {o.number}.")
    body = factory.LazyFunction(lambda: json.dumps([paragraph("<p>Achtergrond.</p>")]))

    class Meta:
        model = CourseModulePage


def site_home():
    """A Dutch home page at the site root (the tests do not load the demo), the default site's root."""
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def programme(home, kind, slug, title):
    return ProgrammeIndexPageFactory(parent=home, programme_type=kind, slug=slug, title=title)


PROGRAMMES = {
    ProgrammeType.CLASS: ("lessen", "Lessen in de klas"),
    ProgrammeType.HOME: ("thuis", "Thuismodules"),
    ProgrammeType.COURSE: ("cursus", "Cursus voor leerkrachten"),
}


def programme_tree(lessons=None, modules=None, courses=2, home_module_of=None, kinds=tuple(ProgrammeType)):
    """The site's programmes (``kinds``: all three) under a Dutch home page, with ``lessons`` (numbers, or
    ``(number, title)`` pairs, created in that order), ``modules`` (``(number, title)`` pairs)
    and ``courses`` course modules. ``home_module_of``: lesson number → index in ``modules`` of
    the thuismodule it links to.

    Returns ``home``, ``klas``, ``thuis``, ``cursus`` (``None`` when not in ``kinds``), ``lessons``
    (by number), ``modules`` and ``courses`` (also as ``course``, the name the schools and rollout
    tests use).
    """
    lessons = [(n, f"Les {n}") if isinstance(n, int) else n for n in (lessons or range(1, 6))]
    modules = modules or [(n, f"Thuismodule {n}") for n in (1, 2)]
    home = site_home()
    klas, thuis, cursus = (programme(home, kind, *PROGRAMMES[kind]) if kind in kinds else None for kind in ProgrammeType)
    module_pages = [HomeModulePageFactory(parent=thuis, number=n, title=title) for n, title in modules] if thuis else []
    links = home_module_of or {}
    lesson_pages = [
        ClassLessonPageFactory(parent=klas, number=n, title=title,
                               home_module=module_pages[links[n]] if n in links else None)
        for n, title in lessons
    ] if klas else []
    course_pages = [CourseModulePageFactory(parent=cursus, number=n) for n in range(1, courses + 1)] if cursus else []
    return {
        "home": home, "klas": klas, "thuis": thuis, "cursus": cursus,
        "lessons": sorted(lesson_pages, key=lambda page: page.number), "modules": module_pages,
        "courses": course_pages, "course": course_pages,
    }
