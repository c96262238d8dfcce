"""Small helpers that every app's ``demo.load()`` uses to create and translate pages."""

from wagtail.models import Locale, Page

SAMPLE_NOTE_NL = "Voorbeeldinhoud: deze tekst is gemaakt om de site te laten zien."
SAMPLE_NOTE_EN = "Sample content: this text was written to demonstrate the site."


def publish_child(parent: Page, page: Page) -> Page:
    """Add ``page`` under ``parent`` and publish it (one revision, like an editor would)."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_translation(page: Page, language_code: str, **fields) -> Page:
    """Copy ``page`` into ``language_code`` (its parent must be translated already), set
    ``fields`` and publish. Coordinators can later sync it with wagtail-localize."""
    locale = Locale.objects.get(language_code=language_code)
    translated = page.copy_for_translation(locale, copy_parents=False, alias=False)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    return translated
