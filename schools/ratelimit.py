"""A small fixed-window rate limit in the cache, keyed by purpose and client IP address.

Used for carer code entry (only wrong codes count: a parents' evening behind one school router
must not lock itself out) and the public registration form (every submission counts). With a
shared cache (Redis, or the host's file cache in production) the limit holds across processes.
The client address comes from ``home.client_ip`` (``TRUSTED_PROXY_COUNT``).
"""

from django.core.cache import cache

from home.client_ip import client_ip


def _key(request, purpose):
    return f"ratelimit:{purpose}:{client_ip(request) or 'unknown'}"


def count(request, purpose: str, window_seconds: int) -> int:
    """Add one attempt to this client's window; return the new count."""
    key = _key(request, purpose)
    if cache.add(key, 1, timeout=window_seconds):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return 1


def blocked(request, purpose: str, limit: int) -> bool:
    """True when this client already used up ``limit`` attempts in the current window."""
    return (cache.get(_key(request, purpose)) or 0) >= limit


def too_many(request, purpose: str, limit: int, window_seconds: int) -> bool:
    """Count this attempt; True when the client has made more than ``limit`` in the window."""
    return count(request, purpose, window_seconds) > limit
