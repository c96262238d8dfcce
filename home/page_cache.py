"""Whole-page cache for anonymous visitors, invalidated by publishing.

Rendering is nearly all the cost of a Wagtail page (measured: a lesson page has 2-3% of a bare
Django view's throughput). Most visitors of the public pages (home, statements, programme
indexes, carers' modules) are anonymous and see exactly the same HTML, so the rendered page is
stored under the site's content version (``home.chrome_cache``): any publish, unpublish, move
or delete of a page starts a new version.

Served from the cache only to a GET without a query string from a visitor who carries no
cookie except the CSRF or language cookie (so no session, no carer household, no messages).
A page whose rendering asked for a CSRF token (a form, an H5P activity that posts results) is
never stored: its token belongs to one visitor.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation

from .chrome_cache import TIMEOUT, content_version

NEUTRAL_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and not request.GET
        and not request.user.is_authenticated
        and set(request.COOKIES) <= NEUTRAL_COOKIES
    )


def _key(request) -> str:
    return f"bounce:page:{content_version()}:{translation.get_language()}:{request.path}"


class AnonymousPageCacheMixin:
    """Put first in a page class's bases: ``class HomePage(AnonymousPageCacheMixin, Page)``."""

    def serve(self, request, *args, **kwargs):
        if not _cacheable_request(request):
            return super().serve(request, *args, **kwargs)
        key = _key(request)
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = super().serve(request, *args, **kwargs)
        if response.status_code == 200 and hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(lambda rendered: _store(request, key, rendered))
        return response


def _store(request, key, response):
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return  # the page carries a per-visitor token or sets a cookie: never shared
    cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
