"""Writes for schools: status changes, the lesson register, carer codes, households, registrations.

Every write validates first (model ``full_clean``) and runs in a transaction, so bad input
leaves nothing behind.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import codes, conf
from .models import (
    Groep,
    Household,
    HouseholdModuleProgress,
    LessonDelivery,
    School,
    SchoolStatus,
    SchoolStatusChange,
)

UNIQUE_CODE_ATTEMPTS = 20


# Schools -------------------------------------------------------------------------------------

@transaction.atomic
def record_status_change(school: School, old_status: str, user=None) -> SchoolStatusChange | None:
    """Write a history row when ``school.status`` differs from ``old_status`` (already saved)."""
    if old_status == school.status:
        return None
    return SchoolStatusChange.objects.create(school=school, old_status=old_status or "", new_status=school.status, changed_by=user)


@transaction.atomic
def set_status(school: School, status: str, user=None) -> School:
    old = school.status
    school.status = status
    school.full_clean()
    school.save(update_fields=["status", "updated_at"])
    record_status_change(school, old, user)
    return school


def coordinator_emails() -> list[str]:
    User = get_user_model()
    return list(
        User.objects.filter(is_active=True, groups__name=settings.COORDINATORS_GROUP)
        .exclude(email="").values_list("email", flat=True).distinct()
    )


@transaction.atomic
def register_interest(*, name: str, brin: str, contact_name: str, contact_email: str, contact_role: str = "", message: str = "") -> School:
    """A school registers its interest on the public page: status "interesse", coordinators e-mailed."""
    brin = brin.strip().upper()
    brin, vestiging = brin[:4], (brin[4:6] or "00")
    if School.objects.filter(brin=brin, vestigingsnummer=vestiging).exists():
        raise ValidationError({"brin": _("Deze school is al aangemeld. De coördinator neemt contact met u op.")})
    school = School(
        name=name.strip(), brin=brin, vestigingsnummer=vestiging, contact_name=contact_name.strip(),
        contact_email=contact_email.strip().lower(), contact_role=contact_role.strip(),
        registration_message=message.strip(), status=SchoolStatus.INTEREST,
    )
    school.full_clean()
    school.save()
    SchoolStatusChange.objects.create(school=school, old_status="", new_status=school.status, changed_by=None)
    recipients = coordinator_emails()
    if recipients:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("scholen:edit", args=[school.pk])
        body = render_to_string("schools/email/registration.txt", {"school": school, "admin_url": admin_url})
        subject = _("Nieuwe aanmelding: %(name)s") % {"name": school.name}
        transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))
    return school


# Register ------------------------------------------------------------------------------------

def can_still_edit(delivery: LessonDelivery) -> bool:
    return timezone.now() - delivery.created_at <= timedelta(days=conf.EDIT_DAYS)


@transaction.atomic
def log_delivery(*, groep: Groep, lesson, teacher, date=None, pupils_present=None, minutes=None, adaptations="") -> LessonDelivery:
    """Register a lesson as given. Defaults: today, the whole groep present, the lesson's duration."""
    delivery = LessonDelivery(
        groep=groep, lesson=lesson, teacher=teacher, date=date or timezone.localdate(),
        pupils_present=groep.pupil_count if pupils_present is None else pupils_present,
        minutes=(lesson.duration_minutes if lesson else None) if minutes is None else minutes,
        adaptations=adaptations or "",
    )
    delivery.full_clean()
    try:
        with transaction.atomic():
            delivery.save()
    except IntegrityError as error:  # a simultaneous double click
        raise ValidationError({"lesson": _("Deze les is voor deze groep op deze dag al geregistreerd.")}) from error
    return delivery


@transaction.atomic
def update_delivery(delivery: LessonDelivery, **fields) -> LessonDelivery:
    if not can_still_edit(delivery):
        raise ValidationError(_("Een registratie kan tot %(days)s dagen na het invoeren worden gewijzigd.") % {"days": conf.EDIT_DAYS})
    for name, value in fields.items():
        setattr(delivery, name, value)
    delivery.full_clean()
    delivery.save()
    return delivery


@transaction.atomic
def remove_delivery(delivery: LessonDelivery) -> None:
    if not can_still_edit(delivery):
        raise ValidationError(_("Een registratie kan tot %(days)s dagen na het invoeren worden verwijderd.") % {"days": conf.EDIT_DAYS})
    delivery.delete()


# Carer codes and households --------------------------------------------------------------------

def _unique_code(model, field: str, length: int) -> str:
    for _attempt in range(UNIQUE_CODE_ATTEMPTS):
        code = codes.generate(length)
        if not model.objects.filter(**{field: code}).exists():
            return code
    raise RuntimeError("Could not find a free code")  # 25**8 codes: practically unreachable


@transaction.atomic
def regenerate_carer_code(groep: Groep) -> str:
    """Give the groep a new code; the old one stops working (households already in keep access)."""
    groep.carer_code = _unique_code(Groep, "carer_code", codes.GROEP_CODE_LENGTH)
    groep.save(update_fields=["carer_code"])
    return groep.carer_code


def find_by_code(raw: str) -> tuple[Groep | None, Household | None]:
    """Look up a groep code or a resume code. Returns (groep, household) - both None if unknown."""
    code = codes.normalise(raw)
    if not codes.is_well_formed(code):
        return None, None
    if len(code) == codes.GROEP_CODE_LENGTH:
        return Groep.objects.filter(carer_code=code).first(), None
    household = Household.objects.select_related("groep").filter(resume_code=code).first()
    return (household.groep, household) if household else (None, None)


@transaction.atomic
def create_household(groep: Groep) -> Household:
    return Household.objects.create(
        groep=groep, token=secrets.token_urlsafe(32),
        resume_code=_unique_code(Household, "resume_code", codes.RESUME_CODE_LENGTH),
    )


@transaction.atomic
def start_module(household: Household, module) -> HouseholdModuleProgress:
    progress, _created = HouseholdModuleProgress.objects.get_or_create(household=household, module=module)
    return progress


@transaction.atomic
def complete_module(household: Household, module) -> HouseholdModuleProgress:
    progress, _created = HouseholdModuleProgress.objects.get_or_create(household=household, module=module)
    if progress.completed_at is None:
        progress.completed_at = timezone.now()
        progress.save(update_fields=["completed_at"])
    return progress


# Teachers for a groep ------------------------------------------------------------------------

@transaction.atomic
def invite_teacher_for_groep(groep: Groep, *, email: str, first_name: str, last_name: str, invited_by) -> str:
    """An existing account joins the groep at once; otherwise an invitation is sent and the new
    account joins on acceptance (``link_invited_teacher``). Returns "added" or "invited"."""
    from accounts.services import invite_teacher

    from .models import GroepInvitation

    User = get_user_model()
    existing = User.objects.filter(email__iexact=email.strip()).first()
    if existing:
        groep.teachers.add(existing)
        return "added"
    invitation, _token = invite_teacher(email=email, first_name=first_name, last_name=last_name, invited_by=invited_by)
    GroepInvitation.objects.create(groep=groep, invitation=invitation)
    return "invited"


def link_invited_teacher(invitation, user) -> None:
    """INVITATION_ACCEPTED_HOOKS: put the new teacher in the groepen they were invited for."""
    from .models import GroepInvitation

    groep_ids = list(GroepInvitation.objects.filter(invitation=invitation).values_list("groep_id", flat=True))
    if groep_ids:
        user.groepen.add(*groep_ids)
