"""A worker's own copy of cache entries whose key holds the content version.

Routes, page-tree reads, lesson bodies and the chrome's fragments are stored under the site's
content version (``home.chrome_cache``): a publish never changes an entry, it starts a new
version and so new keys. An entry read once from the shared cache can therefore be kept in the
worker's memory and served from there until it ages out, and only the content version itself
is read from Redis on each request. A publish on any app server bumps that version, so the next
request on every server builds new keys and never sees a kept entry again. On a signed-in
lesson page this saved six of nine Redis round trips.

``VersionMemoCache`` is a cache backend (the ``versioned`` and ``template_fragments`` aliases)
in front of the shared ``default`` cache. Use it only for keys that hold the content version or
another version that every write of what they keep replaces (``home.data_version``; the roles
version, ``home.roles``): any other key could change in the shared cache behind the worker's back.

- Entries are kept pickled, so every reader gets objects of its own (a route's page instance
  is changed by the request it serves) and a kept entry is never shared between threads.
- One store per process, shared by its threads, bounded by ``MAX_ENTRIES`` and ``MAX_BYTES``
  (least recently used out first) and by each entry's own timeout.
- While the shared cache is unreachable (``home.resilient_cache``) nothing is kept: versions
  are then made up per request and would only fill the store.
"""

import pickle
import threading
import time
from collections import OrderedDict

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

_STORES: dict[str, "_Store"] = {}
_STORES_LOCK = threading.Lock()


class _Store:
    """Least-recently-used pickled entries with expiry times, for the threads of one process."""

    def __init__(self, max_entries: int, max_bytes: int):
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.entries.get(key)
            if found is None:
                return None
            if found[0] <= time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return found[1]

    def put(self, key, data: bytes, seconds: float):
        if len(data) > self.max_bytes // 4:
            return  # one entry may not push out most others
        with self.lock:
            self._drop(key)
            self.entries[key] = (time.monotonic() + seconds, data)
            self.size += len(data)
            while len(self.entries) > self.max_entries or self.size > self.max_bytes:
                oldest = next(iter(self.entries))
                self._drop(oldest)

    def _drop(self, key):
        found = self.entries.pop(key, None)
        if found is not None:
            self.size -= len(found[1])

    def discard(self, keys):
        with self.lock:
            for key in keys:
                self._drop(key)

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


def _store_for(name: str, max_entries: int, max_bytes: int) -> _Store:
    with _STORES_LOCK:
        return _STORES.setdefault(name, _Store(max_entries, max_bytes))


class VersionMemoCache(BaseCache):
    """The shared cache ``OPTIONS["SHARED"]`` (default ``"default"``) with a process-local copy in
    front (see the module docstring). ``LOCATION`` names the store; ``OPTIONS["MAX_ENTRIES"]`` and
    ``OPTIONS["MAX_BYTES"]`` bound it."""

    def __init__(self, location, params):
        options = dict(params.get("OPTIONS") or {})
        self.shared_alias = options.pop("SHARED", "default")
        max_entries = int(options.pop("MAX_ENTRIES", 2000))
        max_bytes = int(options.pop("MAX_BYTES", 32 * 1024 * 1024))
        super().__init__({**params, "OPTIONS": options})
        self.store = _store_for(location or "versioned", max_entries, max_bytes)

    @property
    def shared(self):
        return caches[self.shared_alias]

    def _local_key(self, key, version):
        return self.make_and_validate_key(key, version=version)

    def _keeping(self) -> bool:
        outage = getattr(self.shared, "outage", None)
        return not (outage and outage.seen)

    def _keep(self, key, value, timeout):
        seconds = self.shared.default_timeout if timeout is DEFAULT_TIMEOUT else timeout
        if seconds is None:  # "forever" in the shared cache: a day here, then read again
            seconds = 24 * 60 * 60
        if seconds > 0 and self._keeping():
            self.store.put(key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), seconds)

    def get(self, key, default=None, version=None):
        local_key = self._local_key(key, version)
        data = self.store.get(local_key) if self._keeping() else None
        if data is not None:
            return pickle.loads(data)  # noqa: S301 (our own pickles, never from outside)
        missing = object()
        value = self.shared.get(key, missing, version=version)
        if value is missing:
            return default
        self._keep(local_key, value, self.shared.default_timeout)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version=version)
        self._keep(self._local_key(key, version), value, timeout)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version=version)
        if added:
            self._keep(self._local_key(key, version), value, timeout)
        return added

    def delete(self, key, version=None):
        self.store.discard([self._local_key(key, version)])
        return self.shared.delete(key, version=version)

    def delete_many(self, keys, version=None):
        self.store.discard([self._local_key(key, version) for key in keys])
        self.shared.delete_many(keys, version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self.shared.touch(key, timeout, version=version)

    def has_key(self, key, version=None):
        return self.store.get(self._local_key(key, version)) is not None or self.shared.has_key(key, version=version)

    def clear(self):
        """Empties this worker's copy and the shared cache (tests; never called by the site)."""
        self.store.clear()
        self.shared.clear()
