"""Route cache: which page a URL serves, kept under the site's content version.

Wagtail finds the page for every request it serves by walking the tree from the site root:
the site, the active locale, then two queries per path segment (child, specific page), and
then two more for the view restrictions of the page and its ancestors. For a class lesson
that was 9 of the 23 queries of a signed-in teacher's request, and none of it depends on who
asks. So the result (site, specific page, the path left for a routable page, its view
restrictions) is stored per host, language and path under the content version
(``home.chrome_cache``), which every publish, unpublish, move, delete and view-restriction
change bumps: an answer from this cache is never older than the tree.

What stays per request: the view-restriction *check* itself (Wagtail's
``check_view_restrictions`` hook runs as always, on the stored restrictions), the page's own
``access_denied`` rules, ``before_serve_page`` hooks, and rendering. Only GET and HEAD are
looked up; a request the cache cannot answer is routed by Wagtail and then stored.
"""

import logging

from django.core.cache import caches
from django.http import Http404
from django.utils import translation
from wagtail.views import serve as wagtail_serve

from .chrome_cache import TIMEOUT, content_version

log = logging.getLogger(__name__)


def _key(request) -> str:
    return f"bounce:route:{content_version()}:{request.get_host()}:{request.get_port()}:{translation.get_language()}:{request.path}"


def _with_restrictions(page, restrictions):
    """Let Wagtail's restriction check read the stored restrictions instead of two queries."""
    page.get_view_restrictions = lambda: restrictions
    return page


# What Wagtail itself caches on a page instance and a cached route may keep (the parent is read
# for breadcrumbs; ``specific_class`` is a cached property of the content type).
KEPT_CACHES = ("_state", "_django_version", "_cached_parent_obj", "specific_class")


def _pristine(page):
    """A copy of ``page`` with its stored fields only.

    The page is stored after it served a request, so anything a template, a hook or a
    ``cached_property`` hung on the instance for that visitor (their groepen, progress, a form)
    would otherwise be pickled with it and handed to the next visitor. Only the model's fields
    and Wagtail's own structural caches travel.
    """
    fields = {field.attname for field in page._meta.concrete_fields}
    copy = page.__class__.__new__(page.__class__)
    copy.__dict__ = {name: value for name, value in page.__dict__.items() if name in fields or name in KEPT_CACHES}
    return copy


def _remaining(page, site, path) -> list[str]:
    """The path segments a routable page resolves itself (``presenteren/``), after its own."""
    root = site.root_page.localized if site else None
    components = [c for c in (path or "").split("/") if c]
    if root is None or not page.url_path.startswith(root.url_path):
        return components
    own = [c for c in page.url_path[len(root.url_path):].split("/") if c]
    return components[len(own):] if components[: len(own)] == own else components


class RouteCacheMiddleware:
    """Answers Wagtail's routing from the cache. Must come after LocaleMiddleware (the
    language is part of the key) and before anything that routes (``CarerLanguageMiddleware``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _key(request) if request.method in ("GET", "HEAD") else None
        hit = caches["versioned"].get(key) if key else None
        if hit is not None:
            site, page, remaining, restrictions = hit
            try:
                request._wagtail_route_for_request = _with_restrictions(page, restrictions).route(request, remaining)
                request._wagtail_site = site
            except Http404:
                pass
        response = self.get_response(request)
        if key and hit is None and response.status_code == 200:
            self._store(request, key)
        return response

    @staticmethod
    def _store(request, key):
        route = getattr(request, "_wagtail_route_for_request", None)
        match = getattr(request, "resolver_match", None)
        if not route or match is None or match.func is not wagtail_serve or getattr(request, "is_preview", False):
            return  # not a page Wagtail served from the live tree
        path = match.args[0] if match.args else match.kwargs.get("path", "")
        page, site = route[0], getattr(request, "_wagtail_site", None)
        restrictions = list(page.get_view_restrictions())
        entry = (site, _pristine(page), _remaining(page, site, path), restrictions)
        try:
            caches["versioned"].set(key, entry, TIMEOUT)
        except Exception:  # an object that will not pickle: route it every time  # noqa: BLE001
            log.warning("route cache: could not store %s", request.path, exc_info=True)
