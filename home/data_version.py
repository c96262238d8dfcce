"""A version for data that cached reads key on, which every write of that data replaces; and
the request-wide read of every version in one cache round trip.

Bumping a version instead of deleting keys works with every cache backend and needs no list of
keys; with Redis every app server sees the new version at once. The version is replaced at once
(a read later in the writer's own transaction sees its write) and again at commit: a request that
read the old rows between the two would otherwise have cached them under the new version.

``current()`` is None while the cache cannot be reached: callers then compute and keep nothing.
Add a version's key to the production cache's ``RESET_KEYS`` (``home.resilient_cache``), so a
write while Redis was down is never hidden by an entry from before.

**Read once per request, all together.** A signed-in lesson page keys its parts on several
versions (content, roles, register). Inside a request (``home.chrome_cache.
ContentVersionMiddleware`` opens the scope) the first version read fetches every version key
registered with ``register_key`` in one ``get_many``, and each later read is answered from that.
A request therefore sees one consistent set of versions from its start: rows it read after that
and cached under these versions are replaced by any write that commits later, which bumps the
version again.
"""

import contextvars
import uuid

from django.core.cache import cache
from django.db import transaction

_KEYS: list[str] = []  # every version key a request may read, fetched together
_FETCHED = object()  # marks a request whose versions were fetched
_request_versions: contextvars.ContextVar = contextvars.ContextVar("bounce_request_versions", default=None)


def register_key(key: str) -> None:
    """Read ``key`` with the request's other versions (``read``), in the same round trip."""
    if key not in _KEYS:
        _KEYS.append(key)


def open_request_scope():
    """Start a request's set of versions; ``close_request_scope(token)`` ends it."""
    return _request_versions.set({})


def close_request_scope(token) -> None:
    _request_versions.reset(token)


def read(key: str):
    """The cached value of version key ``key`` (None if unset), once per request.

    Outside a request scope every call reads the cache."""
    memo = _request_versions.get()
    if memo is None:
        return cache.get(key)
    if key not in memo:
        if _FETCHED in memo:
            memo[key] = cache.get(key)
        else:
            memo[_FETCHED] = True
            keys = [key, *(other for other in _KEYS if other != key and other not in memo)]
            found = cache.get_many(keys)
            memo.update({name: found.get(name) for name in keys})
    return memo[key]


def remember(key: str, value) -> None:
    """This request goes on with ``value`` for ``key`` (None: read it again next time)."""
    memo = _request_versions.get()
    if memo is None:
        return
    if value is None:
        memo.pop(key, None)
    else:
        memo[key] = value


class DataVersion:
    """The version under cache key ``key``; ``bump`` is a signal receiver."""

    def __init__(self, key: str):
        self.key = key
        register_key(key)

    def bump(self, **_signal_kwargs):
        self._replace()
        transaction.on_commit(self._replace)

    def _replace(self):
        new = uuid.uuid4().hex
        cache.set(self.key, new, None)
        remember(self.key, None)  # read back: the cache may not have kept it (an outage)

    def current(self) -> str | None:
        found = read(self.key)
        if found is None:
            self._replace()
            found = cache.get(self.key)
            remember(self.key, found)
        return found
