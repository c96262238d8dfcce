"""H5P interface strings in the carer's language (issue 14.2): the package's own
``language/<code>.json`` for English and Arabic pages, "u" instead of "je" on Dutch carers'
pages, the package's own strings where it has no translation, and an h5p app that imports
nothing of the project."""

import ast
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from h5p import builder
from h5p.demo import DEMO
from h5p.l10n import common_defaults
from h5p.services import import_package
from lessons import demo_translations
from tests.lessons import factories as lf

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = "BOUNCE.Zelfcheck 1.0"
TRANSLATIONS = builder.SOURCE_DIR / "translations"


@pytest.fixture(autouse=True)
def _package_store(settings, tmp_path):
    settings.H5P_STORAGE_ROOT = str(tmp_path / "h5p-packages")


def activity(slug, translated=True):
    data = builder.build_package(title=slug, translated=translated)
    return import_package(io.BytesIO(data), filename=f"{slug}.h5p", title=slug, slug=slug).activity


@pytest.fixture
def h5p_module(carer_tree):
    """A Dutch at-home module with a translated activity and one without translations, in en and ar."""
    steps = [lf.step("Samen", [lf.block("h5p", {"activity": activity("met-talen").pk, "caption": ""}),
                               lf.block("h5p", {"activity": activity("zonder-talen", translated=False).pk, "caption": ""})])]
    module = lf.home_module(carer_tree["thuis"], 3, "Met een oefening", steps=steps)
    pages = {"nl": module}
    for language in ("en", "ar"):
        pages[language] = demo_translations.translate(module, language).specific
    return pages


def embeds(client, url):
    html = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return {fig["data-player-url"].rstrip("/").rsplit("/", 1)[-1]: fig for fig in html.select("figure[data-h5p-embed]")}


def l10n(figure):
    return json.loads(figure["data-l10n"]) if figure.has_attr("data-l10n") else None


def language_file(code):
    return json.loads((TRANSLATIONS / "language" / f"{code}.json").read_text())


def test_only_the_common_fields_of_a_language_file_are_taken():
    semantics = json.loads((TRANSLATIONS / "semantics.json").read_text())
    tree = common_defaults(semantics, language_file("en")["semantics"])
    assert tree == {
        "submitLabel": "Done", "resultText": "Your score: :score out of :max.",
        "missingText": "Please choose an answer to every question.", "doneText": "Thank you for your answers.",
    }
    nested = [{"name": "l10n", "type": "group", "common": True, "fields": [
        {"name": "check", "type": "text"}, {"name": "retry", "type": "text"}]},
        {"name": "question", "type": "text"},
        {"name": "items", "type": "list", "field": {"name": "item", "type": "group", "fields": [
            {"name": "label", "type": "text", "common": True}, {"name": "answer", "type": "text"}]}}]
    texts = [{"fields": [{"default": "Controleren"}, {"default": "Opnieuw"}]}, {"default": "Auteurstekst"},
             {"field": {"fields": [{"default": "Label"}, {"default": "Antwoord"}]}}]
    assert common_defaults(nested, texts) == {"l10n": {"check": "Controleren", "retry": "Opnieuw"}, "items": {"[]": {"label": "Label"}}}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_carer_page_passes_the_packages_strings_in_its_language(client, h5p_module, language):
    found = embeds(client, h5p_module[language].url)
    strings = l10n(found["met-talen"])
    assert strings["main"] == LIBRARY
    expected = language_file(language)["semantics"]
    assert strings["libraries"][LIBRARY]["resultText"] == expected[4]["default"]
    assert strings["libraries"][LIBRARY]["submitLabel"] == expected[3]["default"]
    assert strings["rewrites"] == {}, "the 'u' table is Dutch only"
    assert not found["zonder-talen"].has_attr("data-l10n"), "no translation in the package: its own strings"


def test_a_dutch_carer_page_reads_u_instead_of_je(client, h5p_module):
    found = embeds(client, h5p_module["nl"].url)
    strings = l10n(found["met-talen"])
    assert strings["libraries"] == {}, "the package is Dutch already"
    assert strings["rewrites"]["Je score: :score van :max."] == "Uw score: :score van :max."
    figure = found["zonder-talen"]
    assert figure["data-msg-saved"] == "Uw resultaat is bewaard."
    assert figure.select_one(".h5p-embed__note").get_text().startswith("Uw antwoorden worden bewaard zonder uw naam.")


def test_pupils_pages_keep_je(client, h5p_module, teacher):
    """The same activity outside the carers' path (its own page, as linked for a class) keeps "je"."""
    figure = embeds(client, "/h5p/activiteit/met-talen/")["met-talen"]
    assert figure["data-msg-saved"] == "Je resultaat is bewaard."
    assert not figure.has_attr("data-l10n")


def test_the_reflection_demo_hides_the_score_it_says_does_not_exist():
    reflection = next(content for slug, _title, content in DEMO if slug == "demo-reflectie")
    assert "geen foute antwoorden" in reflection["intro"]
    assert reflection["behaviour"] == {"showScore": False}
    assert all("correct" not in q for q in reflection["questions"])
    script = (builder.SOURCE_DIR / builder.LIBRARY_FOLDER / "zelfcheck.js").read_text()
    assert "showsScore()" in script and "doneText" in script


def test_the_h5p_app_imports_nothing_of_the_project():
    project = {"home", "lessons", "schools", "feedback", "rollout", "accounts", "bounce"}
    for path in (ROOT / "h5p").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            assert not {n.split(".")[0] for n in names} & project, f"{path.relative_to(ROOT)} imports {names}"
