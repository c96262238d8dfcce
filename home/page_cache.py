"""Whole-page cache for anonymous visitors, invalidated by publishing.

Rendering is nearly all the cost of a Wagtail page (measured: a lesson page has 2-3% of a bare
Django view's throughput). Most visitors of the public pages (home, statements, programme
indexes, carers' modules) are anonymous and see exactly the same HTML, so the rendered page is
stored under the site's content version (``home.chrome_cache``): any publish, unpublish, move
or delete of a page starts a new version.

Served (by ``AnonymousPageCacheMiddleware``, before any routing) only to a GET without a query string from a visitor who carries no
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
    """Stores the page for anonymous visitors. Put first in a page class's bases:
    ``class HomePage(AnonymousPageCacheMixin, Page)``; the middleware serves it."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if _cacheable_request(request) and response.status_code == 200 and hasattr(response, "add_post_render_callback"):
            key = _key(request)
            response.add_post_render_callback(lambda rendered: _store(request, key, rendered))
        return response


class AnonymousPageCacheMiddleware:
    """Answers a stored page before URL resolving and Wagtail's page routing, which would
    otherwise cost a query per path segment. Must come after LocaleMiddleware (the language is
    part of the key) and AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _cacheable_request(request):
            cached = cache.get(_key(request))
            if cached is not None:
                content, content_type = cached
                response = HttpResponse(content, content_type=content_type)
                response["X-Page-Cache"] = "hit"
                return response
        return self.get_response(request)


def _store(request, key, response):
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return  # the page carries a per-visitor token or sets a cookie: never shared
    cache.set(key, (response.content, response["Content-Type"]), TIMEOUT)
