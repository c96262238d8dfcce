"""The demo content (one load for the whole check) and the bench_lessons command."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from accounts.models import User
from home.models import HomePage
from lessons.models import Aspect, ClassLessonPage, CourseModulePage, HomeModulePage, ProgrammeIndexPage
from lessons.selectors import worksheets

pytestmark = pytest.mark.django_db

SESSIONS = ["Wie en wat", "Groepswerk", "Talenten en sterke punten", "Sterk staan", "Sterk blijven", "Voel je het?",
            "Informatie en invloed", "Denk erover na", "Verbonden identiteit", "Toekomstbestendig"]


def test_demo_content_is_complete_marked_and_wellbeing_first(client):
    call_command("load_demo", stdout=StringIO())  # before any user exists: load_demo skips "real" databases
    teacher = User.objects.filter(groups__name="Leerkrachten").first()
    lessons = ClassLessonPage.objects.filter(locale__language_code="nl").order_by("number")
    assert [lesson.title for lesson in lessons] == SESSIONS
    dutch = {"locale__language_code": "nl"}
    assert HomeModulePage.objects.filter(**dutch).count() == 5 and CourseModulePage.objects.filter(**dutch).count() == 4
    # The sample translations: at least two modules in each of the carers' other languages.
    for language in ("en", "ar", "tr", "pl"):
        assert HomeModulePage.objects.filter(locale__language_code=language).count() >= 2, language
    assert Aspect.objects.filter(locale__language_code="nl").count() == 7
    assert all(lesson.home_module_id for lesson in lessons)
    # At least two lessons are complete: exercises, discussion questions and a (generated PDF) worksheet.
    complete = []
    for lesson in lessons:
        kinds = {child.block_type for step in lesson.in_class for child in step.value["content"]}
        sheets = worksheets(lesson)
        if {"exercise", "discussion"} <= kinds and sheets:
            complete.append(lesson.number)
            assert all(s["document"].file.read(5) == b"%PDF-" for s in sheets)
    assert len(complete) >= 2, complete
    # Marked as sample content and free of the word the domain notes ban for pupils and carers.
    client.force_login(teacher)
    for page in [*lessons, *HomeModulePage.objects.all()]:
        text = client.get(page.url).content.decode().lower()
        # Dutch sample pages say "Voorbeeldinhoud"; the sample translations "Voorbeeldvertaling".
        assert ("voorbeeldinhoud" if page.locale.language_code == "nl" else "voorbeeldvertaling") in text, page.url
        assert "radicalis" not in text
    # The home page links both audiences, and the English site has the programme indexes.
    home = HomePage.objects.get(locale__language_code="nl")
    assert home.teachers_link.specific.programme_type == "klas" and home.carers_link.specific.programme_type == "thuis"
    english = ProgrammeIndexPage.objects.filter(locale__language_code="en")
    assert english.count() == 3
    for index in english:
        response = client.get(index.url)
        assert response.status_code == 200 and BeautifulSoup(response.content, "html.parser").html["lang"] == "en"
    en_home = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert "/en/lessons/" in {a["href"] for a in en_home.select("a")}


def test_bench_lessons_prints_page_weight_timings_and_queries(tree):
    out = StringIO()
    call_command("bench_lessons", runs=2, stdout=out)
    text = out.getvalue()
    weight = float(re.search(r"Paginagewicht thuismodule zonder H5P .*?: ([\d.]+) KB overgedragen", text).group(1))
    assert 0 < weight < 150
    lines = {}
    for label in ("kale Django-view", "thuismodule (anoniem, cache)", "thuismodule (gerenderd)",
                  "les in de klas (leerkracht)", "presentatiemodus", "zoeken"):
        line = next(line for line in text.splitlines() if line.startswith(label))
        assert "status 200" in line and re.search(r"queries\s+\d+", line)
        lines[label] = int(re.search(r"queries\s+(\d+)", line).group(1))
    # Served from the anonymous page cache: no database work at all; rendered: some.
    assert lines["thuismodule (anoniem, cache)"] == 0 < lines["thuismodule (gerenderd)"]
    assert "van de doorvoer van de kale view" in text
