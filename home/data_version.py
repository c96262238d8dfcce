"""A version for data that cached reads key on, which every write of that data replaces.

Bumping a version instead of deleting keys works with every cache backend and needs no list of
keys; with Redis every app server sees the new version at once. The version is replaced at once
(a read later in the writer's own transaction sees its write) and again at commit: a request that
read the old rows between the two would otherwise have cached them under the new version.

``current()`` is None while the cache cannot be reached: callers then compute and keep nothing.
Add a version's key to the production cache's ``RESET_KEYS`` (``home.resilient_cache``), so a
write while Redis was down is never hidden by an entry from before.
"""

import uuid

from django.core.cache import cache
from django.db import transaction


class DataVersion:
    """The version under cache key ``key``; ``bump`` is a signal receiver."""

    def __init__(self, key: str):
        self.key = key

    def bump(self, **_signal_kwargs):
        self._replace()
        transaction.on_commit(self._replace)

    def _replace(self):
        cache.set(self.key, uuid.uuid4().hex, None)

    def current(self) -> str | None:
        found = cache.get(self.key)
        if found is None:
            self._replace()
            found = cache.get(self.key)
        return found
