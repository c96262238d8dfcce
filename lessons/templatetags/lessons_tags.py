"""Template tags for the site navigation: the programme pages in the current language."""

from django import template
from wagtail.models import Locale

register = template.Library()


@register.simple_tag
def programme_pages():
    """The live programme index pages of the active language, in tree order (one query)."""
    from lessons.models import ProgrammeIndexPage

    return list(
        ProgrammeIndexPage.objects.live().filter(locale__language_code=Locale.get_active().language_code)
        .order_by("path").only("id", "title", "url_path", "path", "depth", "programme_type")
    )
