"""Rate limit for the xAPI and resume-state posts, per learner and per client address.

Anonymous visitors may post from the public activity page, so without a limit one client can
fill the database (750 statements in 45 s were accepted before). The counters live in the
Django cache (fixed windows), so with a shared cache (Redis) the limit holds across processes.

The default limits sit well above what a class does: a pupil's player posts at most every few
seconds (resume state every 5 s while answering, a handful of statements per activity), about
20 posts a minute; a whole groep of 30 on one school address stays under 600 a minute.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from ipware import get_client_ip

from . import conf


def client_address(request):
    """The client's address: ``REMOTE_ADDR``, or behind ``TRUSTED_PROXY_COUNT`` reverse proxies
    the address the outermost one saw (the rest of X-Forwarded-For is the client's own say)."""
    proxies = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if proxies > 0:
        address, _ = get_client_ip(
            request, proxy_count=proxies - 1, request_header_order=["HTTP_X_FORWARDED_FOR"], strict=False
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR") or "unknown"


def _key(kind, ident, window):
    bucket = int(time.time() // window)
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return f"h5p:rate:{kind}:{digest}:{bucket}"


def _hit(kind, ident, limit, window):
    key = _key(kind, ident, window)
    count_hit = getattr(cache, "count_hit", None)  # Redis (home.resilient_cache): one round trip
    if count_hit is not None:
        count = count_hit(key, window + 1)
        return count is None or count <= limit  # None: the cache is unreachable, fail open
    # Any other cache: incr first: one cache round trip for every post but a window's first (two before).
    try:
        return cache.incr(key) <= limit
    except ValueError:  # the window's first post (or the cache is unreachable: fail open)
        pass
    if cache.add(key, 1, timeout=window + 1):
        return 1 <= limit
    try:
        return cache.incr(key) <= limit  # another process added it just now
    except ValueError:
        return True


def address_allowed(request):
    """Count one post for this client address; False once over ``H5P_RATE_LIMIT_ADDRESS``."""
    limit, window = conf.get("H5P_RATE_LIMIT_ADDRESS")
    return _hit("address", client_address(request), limit, window)


def learner_allowed(learner_key):
    """Count one post for this learner; False once over ``H5P_RATE_LIMIT_LEARNER``."""
    limit, window = conf.get("H5P_RATE_LIMIT_LEARNER")
    return _hit("learner", learner_key, limit, window)


def post_allowed(request, learner_key):
    """Count one post for this client address and for this learner (both limits, as
    ``address_allowed`` and ``learner_allowed``); with Redis in one round trip. False once
    over either limit."""
    return count_and_read(request, learner_key)[0]


def count_and_read(request, learner_key, read_key=None):
    """Count one post against the limits, its address and (unless ``learner_key`` is None) its
    learner, and read ``read_key`` from the cache alongside: with Redis all in one round trip
    (``read_and_count_hits`` of ``home.resilient_cache``), with any other cache one call each.
    Returns ``(allowed, value)``: value None on a miss; allowed True while the cache is down."""
    address_limit, address_window = conf.get("H5P_RATE_LIMIT_ADDRESS")
    learner_limit, learner_window = conf.get("H5P_RATE_LIMIT_LEARNER")
    read_and_count = getattr(cache, "read_and_count_hits", None)
    if read_and_count is None:
        allowed = address_allowed(request)
        if learner_key is not None:
            allowed &= learner_allowed(learner_key)  # both count, whatever the first says
        return allowed, (None if read_key is None else cache.get(read_key))
    keys = {_key("address", client_address(request), address_window): address_window + 1}
    limits = [address_limit]
    if learner_key is not None:
        keys[_key("learner", learner_key, learner_window)] = learner_window + 1
        limits.append(learner_limit)
    value, counts = read_and_count(read_key, keys)
    if counts is None:
        return True, None  # the cache is unreachable: fail open
    return all(count <= limit for count, limit in zip(counts, limits, strict=True)), value
