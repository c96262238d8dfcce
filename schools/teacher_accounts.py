"""Teacher accounts as coordinators manage them: the "Leerkrachten" listing's reads and the
deactivate / reactivate / resend-invitation writes (audit-logged with Wagtail's ``log()``).

Lives in ``schools`` because a teacher's row shows schools and groepen; it never opens Wagtail's
own user admin, which stays for superusers. Deactivating keeps every register entry (the
register's ``teacher`` stays set) and ends the teacher's sessions at once.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Prefetch, Q, Subquery, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .models import Groep

# Reads ---------------------------------------------------------------------------------------

def teacher_accounts():
    """Accounts in the teachers group with what the listing shows, in a fixed number of queries:
    ``course_done``, ``trained``, ``invitation_accepted_at`` and the groepen (with school) prefetched."""
    from accounts.models import Invitation
    from lessons.models import CourseModulePage

    User = get_user_model()
    total = CourseModulePage.objects.live().count()
    done = Count("course_progress__module", filter=Q(course_progress__module__live=True), distinct=True)
    accepted = Invitation.objects.filter(user=OuterRef("pk"), accepted_at__isnull=False).order_by("-accepted_at")
    queryset = (
        User.objects.filter(groups__name=settings.TEACHERS_GROUP, is_superuser=False)
        .annotate(course_done=done, invitation_accepted_at=Subquery(accepted.values("accepted_at")[:1]))
        .prefetch_related(Prefetch("groepen", queryset=Groep.objects.select_related("school").order_by("-school_year", "school__name", "name")))
        .order_by("last_name", "first_name", "email")
    )
    if total:
        return queryset.annotate(trained=ExpressionWrapper(Q(course_done__gte=total), output_field=BooleanField()))
    return queryset.annotate(trained=Value(False, output_field=BooleanField()))


def open_invitations():
    """Invitations not (yet) turned into an account: the people a coordinator may remind."""
    from accounts.models import Invitation

    from .models import GroepInvitation

    User = get_user_model()
    has_account = User.objects.filter(email__iexact=OuterRef("email"))
    return (
        Invitation.objects.filter(accepted_at__isnull=True).exclude(Exists(has_account))
        .prefetch_related(Prefetch("groep_links", queryset=GroepInvitation.objects.select_related("groep__school"))).order_by("-created_at")
    )


def is_teacher_account(user) -> bool:
    """A teacher, and nothing more: coordinators and superusers are not managed here."""
    names = set(user.groups.values_list("name", flat=True))
    return settings.TEACHERS_GROUP in names and settings.COORDINATORS_GROUP not in names and not user.is_superuser


# Writes --------------------------------------------------------------------------------------

def end_sessions(user) -> int:
    """Log ``user`` out everywhere: delete their database sessions. (Django's ModelBackend also
    refuses an inactive account on its next request, so a cache-only session store is covered.)"""
    engine = import_module(settings.SESSION_ENGINE)
    try:
        from django.contrib.sessions.models import Session
    except RuntimeError:  # sessions app not installed: nothing stored to end
        return 0
    keys = [
        session.session_key for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    for key in keys:
        engine.SessionStore(session_key=key).delete()
    return len(keys)


def _check_manageable(user, by) -> None:
    if by is not None and user.pk == by.pk:
        raise ValidationError(_("U kunt uw eigen account hier niet wijzigen."))
    if not is_teacher_account(user):
        raise ValidationError(_("Alleen accounts van leerkrachten kunnen hier worden gewijzigd."))


@transaction.atomic
def deactivate_teacher(user, *, by):
    """No more logging in; every session ends; register entries and groepen stay as they are."""
    from wagtail.log_actions import log

    _check_manageable(user, by)
    if not user.is_active:
        return user
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = end_sessions(user)
    log(user, audit.TEACHER_DEACTIVATED, user=by, data={"sessions_ended": ended})
    return user


@transaction.atomic
def reactivate_teacher(user, *, by):
    from wagtail.log_actions import log

    _check_manageable(user, by)
    if user.is_active:
        return user
    user.is_active = True
    user.save(update_fields=["is_active"])
    log(user, audit.TEACHER_REACTIVATED, user=by)
    return user


@transaction.atomic
def resend_invitation(invitation, *, by):
    """A fresh link (7 days) for someone who has not made their account yet."""
    from wagtail.log_actions import log

    from accounts.services import renew_invitation

    invitation, _token = renew_invitation(invitation)
    log(invitation, audit.INVITATION_RENEWED, user=by)
    return invitation
