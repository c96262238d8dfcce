"""Cached HTML that holds a form, shared by visitors: stored with a stand-in mark where the CSRF
token goes, and given the visitor's own token each time it is served.

A signed-in teacher's header (the sign-out button) and the lesson page's register panel hold a
CSRF token, so neither could be cached as it was rendered: the token is the visitor's own (and
masked anew on every request). Rendering them was a fifth of a signed-in lesson page. Here they
are rendered once with ``token_mark()`` as the token and stored; ``fill`` puts the request's token
in on every hit and on the render itself, so a stored fragment never holds anybody's token.

The mark is derived from ``SECRET_KEY``: the same on every app server (they share the
cache), and not something an editor could type into a page by chance or on purpose.
"""

from functools import cache as once

from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe


@once
def token_mark() -> str:
    return "csrf-" + salted_hmac("bounce.csrf_fragments", "csrf-token-mark").hexdigest()[:40]


def fill(request, html: str) -> str:
    """``html`` with the mark replaced by ``request``'s CSRF token (which sets the cookie)."""
    mark = token_mark()
    if mark not in html:
        return mark_safe(html)  # noqa: S308 (stored fragments are rendered templates)
    return mark_safe(html.replace(mark, get_token(request)))  # noqa: S308 (the token is [A-Za-z0-9])


def cached(request, cache, key: str, render, timeout: int) -> str:
    """The fragment under ``key`` in ``cache``, else ``render(token_mark())`` stored there; either
    way with the request's token in. ``render`` must put its argument where the token goes."""
    html = cache.get(key)
    if html is None:
        html = str(render(token_mark()))
        cache.set(key, html, timeout)
    return fill(request, html)
