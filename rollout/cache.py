"""Computed figures in the Django cache, keyed by a data version that every write bumps.

The figures only change when someone writes one of the tables they read; computing them
(from the summary tables, ``summary.py``) takes a few hundred milliseconds at 6000 schools,
answering from the cache a fraction of that. ``apps.RolloutConfig.ready`` connects ``bump`` to the save, delete
and many-to-many signals of exactly those models (and Wagtail's publish/unpublish), so a lesson
logged, a household started or a school moved is counted on the very next request.

Writes that send no signal: ``bulk_create``/``bulk_update`` of planned lesson dates
(``schools.planning``) are covered by putting the planned table's row count and highest id in
the key (one cheap query; the figures only count planned rows). H5P attempts, stored with every
answer posted, replace nothing: the newest attempt's id is in the key too (same query, see
``apps.APPEND_ONLY``). ``generate_rollout_data`` bumps itself. ``TIMEOUT`` is a backstop for anything else (raw SQL), not the mechanism.
"""

from django.core.cache import cache
from django.db import connection

from home.data_version import DataVersion

VERSION_KEY = "rollout:data-version"
TIMEOUT = 15 * 60
DATA_VERSION = DataVersion(VERSION_KEY)


def bump(**_signal_kwargs):
    """A new random version: every figure computed before is never read again (expires); at
    once and again at commit (``home.data_version``)."""
    DATA_VERSION.bump()


def version() -> str:
    """The data version, the planned dates' row count and highest id, and the newest H5P
    attempt's id (``apps.APPEND_ONLY``), read in one query."""
    from h5p.models import H5PAttempt
    from schools.models import PlannedLessonDate

    quote = connection.ops.quote_name
    planned, attempts = (
        f"{quote(m._meta.pk.column)}) FROM {quote(m._meta.db_table)}" for m in (PlannedLessonDate, H5PAttempt)
    )
    with connection.cursor() as cursor:  # names from the models, no input
        cursor.execute(f"SELECT (SELECT COUNT({planned}), (SELECT MAX({planned}), (SELECT MAX({attempts})")  # noqa: S608
        count, last_planned, last_attempt = cursor.fetchone()
    return f"{DATA_VERSION.current()}:{count}:{last_planned}:{last_attempt}"


def cached(name: str, compute, *key_parts, data_version: str | None = None):
    """``compute()``'s result for this data version (computed once per version and key)."""
    key = ":".join(["rollout", data_version or version(), name, *map(str, key_parts)])
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, TIMEOUT)
    return found
