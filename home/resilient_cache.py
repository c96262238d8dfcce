"""Redis cache that degrades instead of failing: a Redis outage makes pages slower, not broken.

Everything this site keeps in the cache can be recomputed (pages, fragments, routes, the
content and rollout versions, rate-limit counters), and sessions live in the database. So
while Redis cannot be reached, reads miss and writes are dropped, and requests carry on
rendering from the database. After one failed call a process leaves Redis alone for
``RETRY_AFTER`` seconds instead of paying a connection attempt on every call.

Stale pages after the outage: a publish while Redis is down cannot bump the content version
(``home.chrome_cache``), and when Redis comes back (with its data, e.g. after a network
partition or a restart from a snapshot) the pages stored under the old version would be served
again. So a process that saw the outage first deletes ``RESET_KEYS`` (the content and rollout
version keys) on its first successful call afterwards: every reader then starts a new version
series above all old ones, and nothing cached before or during the outage is read again. Any
process that published during the outage saw it (its bump failed), and so does every worker
that served a request meanwhile.

Rate limits (``h5p.ratelimit``) fail open while Redis is down: refusing every pupil's results
would lose them, and the login lock-out (django-axes) is in the database.
"""

import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

RETRY_AFTER = 1.0  # seconds without Redis after a failed call, per process


class _Outage:
    """Per process and Redis location, shared by the threads of a gthread worker (Django gives
    each thread its own cache object): one thread's failure spares the others the attempt, and
    whichever thread reaches Redis first afterwards restarts the versions."""

    def __init__(self):
        self.lock = threading.RLock()  # a failure inside _recover marks the outage again
        self.down_until = 0.0
        self.seen = False


_OUTAGES: dict[str, _Outage] = {}
_OUTAGES_LOCK = threading.Lock()
_local = threading.local()


def _outage_for(location) -> _Outage:
    with _OUTAGES_LOCK:
        return _OUTAGES.setdefault(str(location), _Outage())


class ResilientCacheMixin:
    """Every call of a cache backend guarded (see the module docstring); put before the backend
    class. ``OPTIONS["RESET_KEYS"]``: cache keys (before prefixing) to delete when Redis
    answers again."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.reset_keys = list(options.pop("RESET_KEYS", []))
        super().__init__(server, {**params, "OPTIONS": options})
        self.outage = _outage_for(server)

    # Every public method goes through _guard; ``default`` is what a call returns without Redis.
    def _guard(self, call, default):
        if time.monotonic() < self.outage.down_until:
            return default
        try:
            if self.outage.seen and not getattr(_local, "recovering", False):
                self._recover()
            return call()
        except RedisError:
            self._mark_down()
            return default

    def _mark_down(self):
        with self.outage.lock:
            if not self.outage.seen:
                log.warning("cache: Redis is unreachable; serving without it")
            self.outage.seen = True
            self.outage.down_until = time.monotonic() + RETRY_AFTER

    def _recover(self):
        """Redis answers again: forget the versions that could not be bumped meanwhile. Other
        threads wait for it (the lock); this thread's own nested calls (a backend whose
        ``delete_many`` calls ``delete``) go straight through."""
        with self.outage.lock:
            if not self.outage.seen:
                return
            _local.recovering = True
            try:
                if self.reset_keys:
                    super().delete_many(self.reset_keys)  # raises while still down: _guard marks it again
            finally:
                _local.recovering = False
            self.outage.seen = False
        log.warning("cache: Redis is back; content and rollout versions restarted")

    def get(self, key, default=None, version=None):
        return self._guard(lambda: super(ResilientCacheMixin, self).get(key, default, version), default)

    def set(self, key, value, timeout=Ellipsis, version=None):
        timeout = self.default_timeout if timeout is Ellipsis else timeout
        self._guard(lambda: super(ResilientCacheMixin, self).set(key, value, timeout, version), None)

    def add(self, key, value, timeout=Ellipsis, version=None):
        timeout = self.default_timeout if timeout is Ellipsis else timeout
        return self._guard(lambda: super(ResilientCacheMixin, self).add(key, value, timeout, version), False)

    def touch(self, key, timeout=Ellipsis, version=None):
        timeout = self.default_timeout if timeout is Ellipsis else timeout
        return self._guard(lambda: super(ResilientCacheMixin, self).touch(key, timeout, version), False)

    def delete(self, key, version=None):
        return self._guard(lambda: super(ResilientCacheMixin, self).delete(key, version), False)

    def get_many(self, keys, version=None):
        return self._guard(lambda: super(ResilientCacheMixin, self).get_many(keys, version), {})

    def set_many(self, data, timeout=Ellipsis, version=None):
        timeout = self.default_timeout if timeout is Ellipsis else timeout
        return self._guard(lambda: super(ResilientCacheMixin, self).set_many(data, timeout, version), list(data))

    def delete_many(self, keys, version=None):
        self._guard(lambda: super(ResilientCacheMixin, self).delete_many(keys, version), None)

    def has_key(self, key, version=None):
        return self._guard(lambda: super(ResilientCacheMixin, self).has_key(key, version), False)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._guard(lambda: super(ResilientCacheMixin, self).incr(key, delta, version), missing)
        if result is missing:  # what callers already handle for a key that is not there
            raise ValueError(f"Key '{key}' not found (cache unreachable)")
        return result

    def clear(self):
        self._guard(lambda: super(ResilientCacheMixin, self).clear(), None)


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client wrapper, keeping one ``redis.Redis`` per connection pool.

    Django builds a new ``redis.Redis`` for every call, and its constructor copies redis-py's
    table of about 170 response callbacks: on a signed-in lesson page with nine cache reads that
    was a sixth of the time spent in the cache. A ``redis.Redis`` only holds its pool and that
    table, and is safe to share between threads, so one per pool does the same work."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(ResilientCacheMixin, RedisCache):
    """Django's ``RedisCache``, degrading while Redis is down (the production backend)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    def count_hit(self, key, timeout, version=None):
        """Count one hit in a fixed window: creates ``key`` at 0 with ``timeout`` seconds if it is
        not there and increments it, in one round trip (``SET NX EX`` and ``INCR`` pipelined;
        Django's own ``incr`` asks ``EXISTS`` first). Returns the new count, or None without
        Redis (the rate limits fail open)."""
        counts = self.count_hits({key: timeout}, version=version)
        return None if counts is None else counts[0]

    def count_hits(self, timeouts: dict, version=None):
        """``count_hit`` for each key of ``timeouts`` (key -> seconds), all in one round trip.
        Returns the new counts in the same order, or None without Redis."""
        return self.read_and_count_hits(None, timeouts, version=version)[1]

    def read_and_count_hits(self, read_key, timeouts: dict, version=None):
        """``get(read_key)`` (when given) and ``count_hits(timeouts)`` in the same round trip: an
        xAPI post needs its activity row and its rate counts, and each round trip costs a post
        about as much as the work it does. Returns ``(value, counts)``; ``(None, None)`` without
        Redis."""

        def call():
            full_keys = [(self.make_and_validate_key(key, version=version), int(t)) for key, t in timeouts.items()]
            pipeline = self._cache.get_client(full_keys[0][0], write=True).pipeline(transaction=False)
            if read_key is not None:
                pipeline.get(self.make_and_validate_key(read_key, version=version))
            for full_key, seconds in full_keys:
                pipeline.set(full_key, 0, ex=seconds, nx=True)
                pipeline.incr(full_key)
            replies = pipeline.execute()
            if read_key is None:
                return None, replies[1::2]
            raw = replies[0]
            return (None if raw is None else self._cache._serializer.loads(raw)), replies[2::2]

        return self._guard(call, (None, None))
