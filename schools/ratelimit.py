"""A small fixed-window rate limit in the cache, keyed by purpose and client IP address.

Used for carer code entry and the public registration form. With a shared cache (Redis in
production) the limit holds across processes; locmem limits per process, which tests use.
"""

from django.core.cache import cache


def client_ip(request) -> str:
    """REMOTE_ADDR only: a proxy in front must set it (X-Forwarded-For is trivially forged)."""
    return request.META.get("REMOTE_ADDR", "unknown")


def too_many(request, purpose: str, limit: int, window_seconds: int) -> bool:
    """Count this attempt; True when the client has made more than ``limit`` in the window."""
    key = f"ratelimit:{purpose}:{client_ip(request)}"
    if cache.add(key, 1, timeout=window_seconds):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window_seconds)
        return False
    return count > limit
