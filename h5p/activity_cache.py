"""The activity row an xAPI or resume-state post names by slug, from the cache.

Every statement post looked its activity up by slug (a query per post, the same row for every
learner). The row is kept in the Django cache (shared by all app servers with Redis) and
forgotten whenever the activity is saved or deleted (``signals``): at once, and again after the
commit, so a post that read the old row while a new package was being installed cannot keep it.
"""

from django.core.cache import cache
from django.db import transaction

TIMEOUT = 10 * 60  # a backstop; saving or deleting the activity forgets it at once


def cache_key(slug: str) -> str:
    return f"h5p:activity:{slug}"


def get(slug: str):
    """The ``H5PActivity`` with ``slug``, or None."""
    return found(slug, cache.get(cache_key(slug)))


def found(slug: str, cached):
    """``get`` for a caller that read ``cache_key(slug)`` itself, together with other keys in
    one round trip (the xAPI view, with its rate counts): ``cached`` is what it read (None: a
    miss, so the row comes from the database and is kept)."""
    from .models import H5PActivity

    activity = cached
    if activity is None:
        activity = H5PActivity.objects.filter(slug=slug).first()
        if activity is not None:
            cache.set(cache_key(slug), activity, TIMEOUT)
    return activity


def forget(*slugs) -> None:
    keys = [cache_key(slug) for slug in slugs if slug]
    cache.delete_many(keys)
    transaction.on_commit(lambda: cache.delete_many(keys))
