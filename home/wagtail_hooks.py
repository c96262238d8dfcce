"""Wagtail hooks of the kernel: carer-only languages stay on carers' pages (``home.languages``);
the admin link of the main menu (``home.navigation``)."""

from django.utils import translation
from wagtail import hooks

from . import languages


@hooks.register("before_serve_page")
def keep_carer_languages_to_carer_pages(page, request, serve_args, serve_kwargs):
    """An Arabic, Turkish or Polish URL of a teacher page answers with its Dutch page."""
    language = translation.get_language()
    if languages.is_carer_only(language) and not languages.page_is_carer_facing(page):
        dutch = page.get_translation_or_none(_dutch_locale())
        return languages.redirect_to_dutch(request, language, dutch.get_url(request) if dutch else None)
    return None


def _dutch_locale():
    from django.conf import settings
    from wagtail.models import Locale

    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


@hooks.register("register_nav_items")
def admin_link(request, page):
    """"Beheer" in the main menu for whoever may open the Wagtail admin (``home.navigation``)."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from .navigation import Audience, NavItem

    return [NavItem(gettext("Beheer"), reverse("wagtailadmin_home"), order=90, audience=Audience.STAFF)]
