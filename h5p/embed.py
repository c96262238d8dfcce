"""What every embedded player needs on the page: the same for every visitor, so a page with
activities stays cacheable (no CSRF token, no learner in it)."""

from django.conf import settings

from .xapi import player_rules


def csrf_cookie_name():
    """The cookie the bridge may read the CSRF token from, or "" when scripts cannot read it
    (HttpOnly, or the token lives in the session): then it asks ``views.csrf_token``."""
    if settings.CSRF_COOKIE_HTTPONLY or settings.CSRF_USE_SESSIONS:
        return ""
    return settings.CSRF_COOKIE_NAME


def sandbox_tokens(activity):
    """The iframe's sandbox: scripts and forms (the player CSP's form-action 'none' still stops
    any submission), popups only where a coordinator enabled them for this activity."""
    return "allow-scripts allow-forms allow-popups" if activity.allow_popups else "allow-scripts allow-forms"


def embed_context(activity, caption="", preview=False):
    """The context of ``h5p/includes/embed.html``."""
    return {
        "activity": activity,
        "caption": caption,
        "preview": preview,
        "h5p_sandbox": sandbox_tokens(activity) if activity is not None else "",
        "h5p_rules": player_rules(),
        "h5p_csrf_cookie": csrf_cookie_name(),
    }
