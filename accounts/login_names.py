"""One spelling of a login name, for the lock-out as much as for the login itself.

Logging in matches the e-mail address case-insensitively (``UserManager.get_by_natural_key``),
so django-axes must count failures under the same normalised address: otherwise
``Coordinator@…``, ``COORDINATOR@…`` and ``cOordinator@…`` each get five fresh attempts.
"""

import unicodedata

from django.conf import settings


def normalise_login(value) -> str:
    """NFKC, surrounding spaces removed, lower case: the form every login path compares."""
    if not isinstance(value, str):
        return ""
    return unicodedata.normalize("NFKC", value).strip().lower()


def axes_username(request, credentials=None) -> str:
    """``AXES_USERNAME_CALLABLE``: the normalised address from the credentials or the POST
    (the admin's, the front end's and any other login form post it as ``username``)."""
    field = settings.AXES_USERNAME_FORM_FIELD
    raw = (credentials or {}).get(field)
    if raw is None and request is not None:
        raw = getattr(request, "POST", {}).get(field)
    return normalise_login(raw)
