"""The anonymous household token: a signed cookie holding a random token (no name, no e-mail).

The cookie is signed (tampering is detected) and its token must also exist in the database, so
neither a guessed nor a forged cookie finds a household.
"""

from django.core import signing

from . import conf
from .models import Household

SALT = "schools.household"


def household_from_request(request) -> Household | None:
    """The request's household, or None (no cookie, bad signature, unknown token). Cached per request."""
    if hasattr(request, "_bounce_household"):
        return request._bounce_household
    household = None
    try:
        token = request.get_signed_cookie(conf.HOUSEHOLD_COOKIE, salt=SALT, max_age=conf.HOUSEHOLD_COOKIE_AGE)
    except (KeyError, signing.BadSignature):
        token = None
    if token:
        household = Household.objects.select_related("groep", "groep__school", "groep__programme").filter(token=token).first()
    request._bounce_household = household
    return household


def remember(response, household: Household):
    """Set the signed household cookie on ``response`` (HTTP-only, same-site Lax, a year)."""
    from django.conf import settings

    response.set_signed_cookie(
        conf.HOUSEHOLD_COOKIE, household.token, salt=SALT, max_age=conf.HOUSEHOLD_COOKIE_AGE,
        httponly=True, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def forget(response):
    response.delete_cookie(conf.HOUSEHOLD_COOKIE, samesite="Lax")
    return response


def h5p_learner_key(request) -> str | None:
    """For the H5P app (setting H5P_LEARNER_RESOLVER): an opaque key for the carer's household."""
    household = household_from_request(request)
    return f"household:{household.pk}" if household else None


def progress_context(context, module) -> dict:
    """What the carer's "done" button on a thuismodule page needs (which household, is this
    module done). Used by the ``household_progress`` tag and the ``lessons_home_module_done``
    hook; reads only, the writes happen in the POST views."""
    from .models import HouseholdModuleProgress

    request = context.get("request")
    household = household_from_request(request) if request is not None else None
    if household is not None and module.locale_id != household.groep.programme.locale_id:
        # A translation counts for its Dutch module: reach and progress are per module, not per language.
        module = module.get_translation_or_none(household.groep.programme.locale) or module
    completed = bool(
        household
        and HouseholdModuleProgress.objects.filter(household=household, module_id=module.pk, completed_at__isnull=False).exists()
    )
    return {"household": household, "module": module, "completed": completed, "request": request, "csrf_token": context.get("csrf_token")}
