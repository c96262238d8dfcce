"""Fragment cache for the rendered StreamField body of a page, per revision and language.

A class lesson for a signed-in teacher cannot come from the whole-page cache (its header carries
the teacher's CSRF token and role links), but its body (steps, exercises, worksheets, H5P
embeds, images) is the same for every teacher and is where most queries and rendering time go
(chooser blocks, renditions, linked pages). So the body is cached on its own and the small
per-user parts around it are rendered every time.

The key holds the page's live revision (a publish makes a new one) and the site's content
version (``home.chrome_cache``; bumped by any publish, so blocks that show *other* pages, such
as a linked at-home module, never go stale, and by changes to documents, images and H5P
activities). The version lives in the shared cache, so with Redis every app server and worker
sees an invalidation at once. Previews (a draft under the live revision's number) and pages
without a live revision are never cached.
"""

from django.core.cache import caches
from django.utils import translation

from .chrome_cache import TIMEOUT, content_version


def body_key(page, name: str) -> str | None:
    """The cache key of ``page``'s fragment ``name`` now, or None when it must be rendered."""
    revision = getattr(page, "live_revision_id", None)
    if not page.pk or not revision or not page.live:
        return None
    return f"bounce:body:{content_version()}:{name}:{page.pk}:{revision}:{translation.get_language()}"


def cached_body(request, page, name: str, render) -> str:
    """The stored fragment, or ``render()`` stored under its key (not for previews)."""
    key = None if getattr(request, "is_preview", False) else body_key(page, name)
    if key is None:
        return render()
    kept = caches["versioned"]  # the key holds the content version (home.version_memo)
    html = kept.get(key)
    if html is None:
        html = render()
        kept.set(key, html, TIMEOUT)
    return html
