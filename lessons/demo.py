"""Demo content of the lessons app: the three programmes, ten class lessons, five at-home modules,
four course modules, the seven aspects, generated worksheets (PDF) and English index pages.

Runs after ``home`` (the home pages) and ``h5p`` (its demo activities, embedded when present).
"""

import json
import uuid

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.demo_tools import SAMPLE_NOTE_EN, SAMPLE_NOTE_NL, publish_child, publish_translation
from home.models import HomePage

from . import demo_content as text
from . import demo_translations
from .models import Aspect, ClassLessonPage, CourseModulePage, HomeModulePage, ProgrammeIndexPage, ProgrammeType
from .worksheets import simple_pdf

WORKSHEETS = {
    "bal": ("Werkblad ‘Mijn bal’", "werkblad-mijn-bal.pdf",
            ["Teken een grote bal op dit blad.", "Schrijf in de bal drie dingen over jezelf", "die je klasgenoten nog niet weten.",
             "", "1. ...............................................", "", "2. ...............................................",
             "", "3. ...............................................", "", "Wat hebben jij en je maatje allebei?",
             "", "...............................................", "", SAMPLE_NOTE_NL]),
    "talenten": ("Werkblad ‘Mijn talentenkaart’", "werkblad-talentenkaart.pdf",
                 ["Kleur de talenten die bij jou passen:", "", "goed luisteren  -  doorzetten  -  grappig zijn  -  troosten",
                  "tekenen  -  sporten  -  rekenen  -  samenwerken  -  eerlijk zijn", "", "Een moment waarop ik mijn talent liet zien:",
                  "", "...............................................", "", "Dit talent wil ik laten groeien:", "",
                  "...............................................", "", SAMPLE_NOTE_NL]),
}


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _stream(items, documents):
    blocks = []
    for kind, value in items:
        if kind == "worksheet":
            doc = documents[value]
            value = {"document": doc.pk, "title": "", "description": "Print één exemplaar per leerling."}
        blocks.append(_block(kind, value))
    return blocks


def _h5p_block(activity, caption):
    return _block("h5p", {"activity": activity.pk, "caption": caption})


def _documents():
    Document = get_document_model()
    documents = {}
    for key, (title, filename, lines) in WORKSHEETS.items():
        content = simple_pdf(title, lines)
        doc = Document(title=title, file_size=len(content))
        doc.file.save(filename, ContentFile(content), save=False)
        doc.save()
        documents[key] = doc
    return documents


def _aspects():
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    aspects = []
    for order, (name_nl, name_en, description) in enumerate(text.ASPECTS, start=1):
        aspect = Aspect.objects.create(name=name_nl, description=description, sort_order=order, locale=nl)
        translated = aspect.copy_for_translation(en)
        translated.name = name_en
        translated.save()
        aspects.append(aspect)
    return aspects


def _h5p_activities():
    try:
        from h5p.models import H5PActivity
    except ImportError:  # the H5P app is optional for this demo
        return {}
    return {a.slug: a for a in H5PActivity.objects.filter(slug__in=["demo-reflectie", "demo-zelfcheck"])}


def _full_lesson(data, documents, extra_step_blocks=()):
    steps = []
    for index, (title, minutes, items) in enumerate(data["steps"]):
        content = _stream(items, documents)
        if index == len(data["steps"]) - 2:
            content += list(extra_step_blocks)
        steps.append(_block("step", {"title": title, "duration_minutes": minutes, "content": content}))
    materials = "<ul>" + "".join(f"<li>{m}</li>" for m in data["materials"]) + "</ul>"
    return {"preparation": json.dumps(_stream(data["preparation"], documents)), "in_class": json.dumps(steps),
            "materials": materials}


def _short_lesson(number, module):
    steps = [_block("step", {"title": title, "duration_minutes": minutes, "content": [_block("paragraph", html)]})
             for title, minutes, html in text.SHORT_STEPS[number]]
    preparation = [_block("paragraph", "<p>Lees de stappen door en zorg dat het digibord klaarstaat. "
                                       "Houd rekening met leerlingen die liever niet voor de groep spreken.</p>"),
                   _block("home_module", {"module": module.pk, "text": "Deel de code van de groep met ouders."})]
    return {"preparation": json.dumps(preparation), "in_class": json.dumps(steps),
            "materials": "<ul><li>Digibord</li><li>Papier en pennen</li></ul>"}


def load(stdout):
    home = HomePage.objects.get(locale__language_code="nl")
    home_en = HomePage.objects.filter(locale__language_code="en").first()
    documents = _documents()
    aspects = _aspects()
    h5p = _h5p_activities()

    klas = publish_child(home, ProgrammeIndexPage(
        title="Lessen voor groep 7 en 8", slug="lessen", programme_type=ProgrammeType.CLASS,
        intro=f"<p>Tien lessen over veerkracht voor groep 7 en 8, elk van ongeveer een uur. {SAMPLE_NOTE_NL}</p>"))
    thuis = publish_child(home, ProgrammeIndexPage(
        title="Thuismodules", slug="thuis", programme_type=ProgrammeType.HOME,
        intro=f"<p>Korte modules voor ouders en verzorgers, van tien tot vijftien minuten. Geen account nodig. {SAMPLE_NOTE_NL}</p>"))
    cursus = publish_child(home, ProgrammeIndexPage(
        title="Cursus voor leerkrachten", slug="cursus", programme_type=ProgrammeType.COURSE,
        intro=f"<p>Vier modules om u voor te bereiden op de lessen. {SAMPLE_NOTE_NL}</p>"))

    modules = {}
    for number, title, summary, learned, steps, done in text.HOME_MODULES:
        stream = [_block("step", {"title": t, "content": [_block("paragraph", html)]}) for t, html in steps]
        if number == 2 and "demo-reflectie" in h5p:
            stream[-1]["value"]["content"].append(_h5p_block(h5p["demo-reflectie"], "Een korte vraag om samen over na te denken."))
        modules[number] = publish_child(thuis, HomeModulePage(
            title=title, slug=f"module-{number}-{_slug(title)}", number=number, duration_minutes=12, summary=summary,
            child_learned=learned, steps=json.dumps(stream), done_title="Klaar!", done_text=done))

    for number, title, summary, goals, aspect_ids, minutes in text.LESSONS:
        module = modules[text.LESSON_TO_MODULE[number]]
        if number == 1:
            content = _full_lesson(text.LESSON_1, documents)
        elif number == 3:
            extra = [_h5p_block(h5p["demo-reflectie"], "Reflectie na de talentenkaart.")] if "demo-reflectie" in h5p else []
            content = _full_lesson(text.LESSON_3, documents, extra)
        else:
            content = _short_lesson(number, module)
        lesson = ClassLessonPage(
            title=title, slug=f"les-{number}-{_slug(title)}", number=number, duration_minutes=minutes, summary=summary,
            learning_goals="<ul>" + "".join(f"<li>{g}</li>" for g in goals) + "</ul>", home_module=module, **content)
        lesson.aspects = [aspects[i] for i in aspect_ids]
        publish_child(klas, lesson)

    for number, title, summary, minutes, paragraphs, check in text.COURSE:
        question, choices, explanation = check
        body = [_block("paragraph", p) for p in paragraphs]
        body.append(_block("knowledge_check", {
            "question": question, "choices": [{"text": c, "correct": ok} for c, ok in choices], "explanation": explanation}))
        if number == 1 and "demo-zelfcheck" in h5p:
            body.append(_h5p_block(h5p["demo-zelfcheck"], "Test uzelf: hoe goed kent u de zeven aspecten?"))
        publish_child(cursus, CourseModulePage(
            title=title, slug=f"module-{number}-{_slug(title)}", number=number, duration_minutes=minutes,
            summary=summary, body=json.dumps(body)))

    _link_home_page(home, klas, thuis)
    if home_en:
        english = {}
        for index in (klas, thuis, cursus):
            title, slug, intro = text.EN_INDEXES[index.programme_type]
            english[index.programme_type] = publish_translation(index, "en", title=title, slug=slug,
                                                               intro=intro.replace("</p>", f" {SAMPLE_NOTE_EN}</p>", 1))
        _link_home_page(home_en, english[ProgrammeType.CLASS], english[ProgrammeType.HOME])
    demo_translations.load(home, thuis, modules)  # carers' languages, marked "Voorbeeldvertaling"


def _link_home_page(home, teachers, carers):
    home.teachers_link = teachers
    home.carers_link = carers
    home.save_revision().publish()


def _slug(title):
    from django.utils.text import slugify

    return slugify(title)[:40]


def summary():
    return [
        f"Lessen: {ClassLessonPage.objects.filter(locale__language_code='nl').count()} lessen in de klas, "
        f"{HomeModulePage.objects.filter(locale__language_code='nl').count()} thuismodules, "
        f"{CourseModulePage.objects.filter(locale__language_code='nl').count()} cursusmodules "
        "(/lessen/, /thuis/, /cursus/; presentatiemodus: /lessen/les-1-wie-en-wat/presenteren/)."
    ]
