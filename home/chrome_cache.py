"""Fragment cache for the site chrome (navigation and footer), invalidated by publishing.

Every page renders the same header and footer, built from page-tree queries (programme
links, translations for the language switcher, footer pages). They are cached per language
(and per path for the header, whose links mark the current page) under a *content version*
that any publish, unpublish, move or delete of a page bumps. Bumping a version instead of
deleting keys works with every cache backend, and with Redis all app servers see it at once.
Only anonymous visitors get the cached header: a signed-in user's header carries a CSRF
token (the logout form) and role-specific links.
"""

import time

from django.core.cache import cache

VERSION_KEY = "bounce:content-version"
TIMEOUT = 60 * 60  # an hour; publishing invalidates sooner


def _new_series() -> int:
    """A start above every version used before: a version key lost to eviction or culling (a
    file cache deletes entries when full) must not bring back pages stored under an old one."""
    return time.time_ns() // 1_000_000


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_series(), None)
        version = cache.get(VERSION_KEY) or _new_series()
    return version


def bump_content_version(**kwargs) -> None:
    """Signal receiver: the page tree changed, so every cached chrome fragment is stale."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted): start a new series above any old one
        cache.set(VERSION_KEY, _new_series() + 1, None)


def versioned(name: str, compute):
    """``compute()``, kept under the content version: for page-tree reads that are the same for
    every visitor (programme links, breadcrumbs, neighbours), so a publish refreshes them."""
    key = f"bounce:tree:{content_version()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
