"""The visitor's address for rate limits and the login lock-out, behind ``TRUSTED_PROXY_COUNT`` proxies.

Behind a reverse proxy every request comes from the proxy's address, so a limit keyed on
``REMOTE_ADDR`` would lock out a whole city at once. Each trusted proxy appends the address it
received the request from to ``X-Forwarded-For``; only those last entries can be believed (the
left part is whatever the client wrote). django-ipware reads the chain; this module maps the
one project setting onto it, so carer codes, registration, feedback, the xAPI limit and
django-axes (``AXES_CLIENT_IP_CALLABLE``) all agree on who a visitor is.
"""

from django.conf import settings
from ipware import get_client_ip


def trusted_proxy_count() -> int:
    return max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_ip(request) -> str | None:
    """The address the first trusted proxy saw, or ``REMOTE_ADDR`` when no proxy is trusted
    (or the chain is shorter than the trusted proxies, i.e. the request bypassed them).
    None when the request has no address at all (a test client's ``force_login``): axes
    stores that as "no address", as it does itself."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = trusted_proxy_count()
    if not proxies:
        return remote
    # ipware counts the proxies listed in the header besides the client (the last proxy is
    # REMOTE_ADDR itself); not strict, so a longer, partly spoofed chain is cut, not refused.
    address, _routable = get_client_ip(
        request, proxy_order="left-most", proxy_count=proxies - 1,
        request_header_order=["HTTP_X_FORWARDED_FOR"], strict=False,
    )
    return address or remote
