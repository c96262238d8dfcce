"""Template tags for the site chrome: language switcher and footer links."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language.

    A Wagtail page links to its live translation (or that language's home page when there is
    none yet); any other view links to the same URL under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    links = []
    translations = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page):
            url = _home_url(code, request)
        else:
            url = translate_url(request.path, code) if request else "/"
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links, "current": current}


def _home_url(code, request):
    with translation.override(code):
        try:
            locale = Locale.objects.get(language_code=code)
        except Locale.DoesNotExist:
            return "/"
        site_root = Page.objects.filter(depth=2, locale=locale).live().first()
        return site_root.get_url(request) if site_root else "/"


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """General pages flagged for the footer (privacy, accessibility), in the current language."""
    locale = Locale.get_active()
    from home.models import StandardPage

    return list(
        StandardPage.objects.live().filter(show_in_footer=True, locale=locale).order_by("path").only("title", "url_path")
    )


@register.simple_tag
def chrome_version():
    """The content version that keys the cached header and footer (``home.chrome_cache``)."""
    from home.chrome_cache import content_version

    return content_version()
