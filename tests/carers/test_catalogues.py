"""Every string on the carers' path has an Arabic, Turkish and Polish translation.

The catalogues are checked as files (polib, which wagtail-localize already needs), so a new
carer-facing string without a translation fails here instead of showing Dutch to a carer.
"""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CARER_SOURCES = (
    "templates/schools/carer_", "templates/lessons/home_module_page.html", "templates/includes/header.html",
    "templates/includes/language_switcher.html", "templates/schools/includes/household_progress.html",
    "templates/feedback/module_feedback.html", "home/languages.py",
    # H5P activities sit on carers' modules: the embed's own texts (h5p.embed.messages).
    "h5p/embed.py", "h5p/templates/h5p/includes/embed.html",
)


@pytest.mark.parametrize("language", ["ar", "tr", "pl"])
def test_carer_strings_are_translated(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    carer_entries = [e for e in catalogue if any(path.startswith(CARER_SOURCES) for path, _line in e.occurrences)]
    assert len(carer_entries) > 40, "the carer templates are in the catalogue"
    missing = [e.msgid for e in carer_entries if not e.translated()]
    assert missing == []


@pytest.mark.parametrize("language", ["ar", "tr", "pl"])
def test_placeholders_survive_translation(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    import re

    placeholder = re.compile(r"%\((\w+)\)[sd]")
    for entry in catalogue.translated_entries():
        if entry.msgid_plural:  # every plural form carries the plural msgid's placeholders
            for form in entry.msgstr_plural.values():
                assert sorted(placeholder.findall(entry.msgid_plural)) == sorted(placeholder.findall(form)), entry.msgid
        else:
            assert sorted(placeholder.findall(entry.msgid)) == sorted(placeholder.findall(entry.msgstr)), entry.msgid
