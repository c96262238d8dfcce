"""Who is playing? h5p knows learners only as opaque keys, so other apps can plug in their own.

The resolver named by ``H5P_LEARNER_RESOLVER`` gets the request and returns a key such as
"user:7" or "household:3", or None. The default uses the logged-in user, otherwise a signed
anonymous cookie ("anon:<uuid>") that ``remember_anonymous`` sets on the response.
"""

import uuid

from django.core import signing
from django.utils.module_loading import import_string

from . import conf

SALT = "h5p.learner"
DEFAULT = "h5p.learners.default_resolver"


def default_resolver(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    cookie = conf.get("H5P_ANON_COOKIE")
    try:
        value = request.get_signed_cookie(cookie, salt=SALT, max_age=conf.get("H5P_ANON_COOKIE_AGE"))
        return f"anon:{uuid.UUID(value)}"
    except (KeyError, signing.BadSignature, ValueError):
        pass
    new = str(uuid.uuid4())
    request._h5p_new_anon = new
    return f"anon:{new}"


def _resolvers():
    configured = conf.get("H5P_LEARNER_RESOLVER")
    paths = [configured] if isinstance(configured, str) else list(configured)
    if conf.get("H5P_LEARNER_FALLBACK") and DEFAULT not in paths:
        paths.append(DEFAULT)
    return [import_string(path) for path in paths]


def resolve_learner(request):
    """The learner key for this request (or None when every resolver declines).

    ``H5P_LEARNER_RESOLVER`` is a dotted path (or a list of them) asked in order; unless
    ``H5P_LEARNER_FALLBACK`` is False the default resolver (user, then anonymous cookie) is
    asked last, so a carers-only resolver still lets logged-in teachers keep their results.
    """
    for resolver in _resolvers():
        key = resolver(request)
        if key is None:
            continue
        if not isinstance(key, str) or not 3 <= len(key) <= 100 or ":" not in key:
            raise ValueError("H5P learner resolver must return 'prefix:id' keys of at most 100 characters")
        return key
    return None


def remember_anonymous(request, response):
    """Set the signed anonymous cookie if the default resolver just made one up."""
    from django.conf import settings

    new = getattr(request, "_h5p_new_anon", None)
    if new:
        response.set_signed_cookie(
            conf.get("H5P_ANON_COOKIE"),
            new,
            salt=SALT,
            max_age=conf.get("H5P_ANON_COOKIE_AGE"),
            httponly=True,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response
