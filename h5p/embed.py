"""What every embedded player needs on the page: the same for every visitor, so a page with
activities stays cacheable (no CSRF token, no learner in it)."""

import json

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from .l10n import package_strings, rewrites
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


def messages(table=None) -> dict:
    """The embed's own texts, rewritten by the project's table like the package's strings
    (so a carer reads "Uw resultaat is bewaard." where a pupil reads "Je resultaat ...")."""
    texts = {
        "loading": _("De oefening wordt geladen…"),
        "saved": _("Je resultaat is bewaard."),
        "not_saved": _("Je resultaat kon niet worden bewaard."),
        "failed": _("Deze oefening kon niet worden gestart."),
        "timeout": _("Deze oefening laadt niet. Probeer de pagina opnieuw te laden."),
        "preview": _("Voorbeeld: antwoorden worden niet bewaard."),
        "waiting": _("De oefening wordt geladen zodra je ernaartoe scrolt."),
        "note": _("Je antwoorden worden bewaard zonder je naam. Scores zijn zelf gerapporteerd en alleen bedoeld om zelf te oefenen."),
    }
    table = table or {}
    return {key: table.get(text, text) for key, text in texts.items()}


def embed_context(activity, caption="", preview=False, page_context=None):
    """The context of ``h5p/includes/embed.html``. ``page_context`` (the embedding template's
    context, e.g. a block's parent context) goes to the ``H5P_INTERFACE_REWRITES`` hook."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    table = rewrites(page_context, language)
    l10n = None
    if activity is not None and activity.current_package_id:
        l10n = {**package_strings(activity, language), "rewrites": table}
    return {
        "activity": activity,
        "caption": caption,
        "preview": preview,
        "h5p_sandbox": sandbox_tokens(activity) if activity is not None else "",
        "h5p_rules": player_rules(),
        "h5p_csrf_cookie": csrf_cookie_name(),
        "h5p_messages": messages(table),
        "h5p_l10n": json.dumps(l10n, ensure_ascii=False, separators=(",", ":")) if l10n and (l10n["libraries"] or l10n["rewrites"]) else "",
    }
