"""Writes for accounts: inviting a teacher and accepting an invitation."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import Invitation, User

INVITATION_DAYS = 7


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_invitation(token: str) -> Invitation | None:
    return Invitation.objects.filter(token_hash=hash_token(token or "")).first()


def check_usable(invitation: Invitation | None) -> None:
    """Raise a Dutch ValidationError when the link cannot be used (unknown, used, expired)."""
    if invitation is None:
        raise ValidationError(_("Deze uitnodiging bestaat niet. Controleer de link in uw e-mail."), code="unknown")
    if invitation.accepted_at:
        raise ValidationError(
            _("Deze uitnodiging is al gebruikt. Log in met uw e-mailadres, of kies 'Wachtwoord vergeten'."), code="used"
        )
    if invitation.is_expired:
        raise ValidationError(
            _("Deze uitnodiging is verlopen (na %(days)s dagen). Vraag de coördinator om een nieuwe.") % {"days": INVITATION_DAYS},
            code="expired",
        )


@transaction.atomic
def invite_teacher(*, email: str, first_name: str, last_name: str, invited_by: User | None, invited_for: str = "") -> tuple[Invitation, str]:
    """Create an invitation and e-mail its link. Returns the invitation and the raw token (only here).

    ``invited_for`` names what the teacher is invited for (e.g. "Groep 7A van De Regenboog"),
    written by the app that knows it; the mail then says so."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": _("Er bestaat al een account met dit e-mailadres.")})
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email, first_name=first_name.strip(), last_name=last_name.strip(), token_hash=hash_token(token),
        invited_by=invited_by, expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    _send_invitation_link(invitation, token, invited_for)
    return invitation, token


def _send_invitation_link(invitation: Invitation, token: str, invited_for: str = "") -> None:
    """The link points at the site's own address (``WAGTAILADMIN_BASE_URL``)."""
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("accounts:invitation_accept", kwargs={"token": token})
    context = {"invitation": invitation, "link": link, "days": INVITATION_DAYS, "invited_for": invited_for}
    body = render_to_string("accounts/email/invitation.txt", context)
    email = invitation.email
    transaction.on_commit(
        lambda: send_mail(_("Uitnodiging voor BOUNCE online"), body, settings.DEFAULT_FROM_EMAIL, [email])
    )


@transaction.atomic
def renew_invitation(invitation: Invitation) -> tuple[Invitation, str]:
    """Send an unused invitation again with a new link, valid another 7 days; the old link stops."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at or User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("Deze uitnodiging is al gebruikt: de leerkracht heeft een account."), code="used")
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.expires_at = timezone.now() + timedelta(days=INVITATION_DAYS)
    invitation.save(update_fields=["token_hash", "expires_at"])
    _send_invitation_link(invitation, token)
    return invitation, token


@transaction.atomic
def accept_invitation(invitation: Invitation, *, password: str, first_name: str, last_name: str) -> User:
    """Create the teacher's account from an invitation, once. Locks the row against double use."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check_usable(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(_("Er bestaat al een account met dit e-mailadres. Log in of kies 'Wachtwoord vergeten'."))
    user = User.objects.create_user(
        email=invitation.email, password=password, first_name=first_name.strip(), last_name=last_name.strip()
    )
    user.groups.add(Group.objects.get(name=settings.TEACHERS_GROUP))
    invitation.accepted_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["accepted_at", "user"])
    # Other apps act on a new account without accounts importing them (e.g. join the groep the
    # teacher was invited for): dotted paths to callables(invitation, user), same transaction.
    for path in getattr(settings, "INVITATION_ACCEPTED_HOOKS", []):
        import_string(path)(invitation, user)
    return user
