"""Computed figures in the Django cache, keyed by a data version that every write bumps.

The figures only change when someone writes one of the tables they read; computing them
(from the summary tables, ``summary.py``) takes a few hundred milliseconds at 6000 schools,
answering from the cache a fraction of that. ``apps.RolloutConfig.ready`` connects ``bump`` to the save, delete
and many-to-many signals of exactly those models (and Wagtail's publish/unpublish), so a lesson
logged, a household started or a school moved is counted on the very next request.

Writes that send no signal: ``bulk_create``/``bulk_update`` of planned lesson dates
(``schools.planning``) are covered by putting the planned table's row count and highest id in
the key (one cheap query; the figures only count planned rows); ``generate_rollout_data`` bumps
itself. ``TIMEOUT`` is a backstop for anything else (raw SQL), not the mechanism.
"""

from django.core.cache import cache
from django.db.models import Count, Max

from home.data_version import DataVersion

VERSION_KEY = "rollout:data-version"
TIMEOUT = 15 * 60
DATA_VERSION = DataVersion(VERSION_KEY)


def bump(**_signal_kwargs):
    """A new random version: every figure computed before is never read again (expires); at
    once and again at commit (``home.data_version``)."""
    DATA_VERSION.bump()


def version() -> str:
    from schools.models import PlannedLessonDate

    planned = PlannedLessonDate.objects.aggregate(n=Count("pk"), last=Max("pk"))
    return f"{DATA_VERSION.current()}:{planned['n']}:{planned['last']}"


def cached(name: str, compute, *key_parts, data_version: str | None = None):
    """``compute()``'s result for this data version (computed once per version and key)."""
    key = ":".join(["rollout", data_version or version(), name, *map(str, key_parts)])
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found
