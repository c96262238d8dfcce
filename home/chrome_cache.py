"""Fragment cache for the site chrome (navigation and footer), invalidated by publishing.

Every page renders the same header and footer, built from page-tree queries (programme
links, translations for the language switcher, footer pages). They are cached per language
(and per path for the header, whose links mark the current page) under a *content version*
that any publish, unpublish, move or delete of a page bumps. Bumping a version instead of
deleting keys works with every cache backend, and with Redis all app servers see it at once.
A signed-in user's header carries a CSRF token (the sign-out form) and the links of her
audience (``home.navigation``): it is kept per audience (staff or not) with a stand-in mark for
the token (``{% shared_cache %}``, ``home.csrf_fragments``).
"""

import time

from django.core.cache import cache, caches

from . import data_version

VERSION_KEY = "bounce:content-version"
TIMEOUT = 60 * 60  # an hour; publishing invalidates sooner


def _new_series() -> int:
    """A start above every version used before: a version key lost to eviction or culling (a
    file cache deletes entries when full) must not bring back pages stored under an old one."""
    return time.time_ns() // 1_000_000


# The version a request started with is read once, with the request's other versions in the
# same round trip (``home.data_version.read``). Besides saving a cache round trip per fragment,
# it keeps one request's keys consistent: a page loaded before a publish elsewhere is never
# stored under the version that publish started.
data_version.register_key(VERSION_KEY)


class ContentVersionMiddleware:
    """Reads the content version (and the other versions) at most once per request. Before
    every middleware that uses them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = data_version.open_request_scope()
        try:
            return self.get_response(request)
        finally:
            data_version.close_request_scope(token)


def content_version() -> int:
    version = data_version.read(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_series(), None)
        version = cache.get(VERSION_KEY) or _new_series()
        data_version.remember(VERSION_KEY, version)
    return version


def bump_content_version(**kwargs) -> None:
    """Signal receiver: the page tree changed, so every cached chrome fragment is stale."""
    data_version.remember(VERSION_KEY, None)  # the publishing request goes on with the new version
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): start a new series above any old one
        cache.set(VERSION_KEY, _new_series() + 1, None)


def versioned(name: str, compute):
    """``compute()``, kept under the content version: for page-tree reads that are the same for
    every visitor (programme links, breadcrumbs, neighbours), so a publish refreshes them."""
    key = f"bounce:tree:{content_version()}:{name}"
    kept = caches["versioned"]  # a worker-local copy in front (home.version_memo)
    value = kept.get(key)
    if value is None:
        value = compute()
        kept.set(key, value, TIMEOUT)
    return value
