"""Writes for schools: status changes, the lesson register, carer codes, households, registrations.

Every write validates first (model ``full_clean``) and runs in a transaction, so bad input
leaves nothing behind.
"""

import logging
import secrets
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import brin as brin_format
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
logger = logging.getLogger(__name__)


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
    """A school registers its interest on the public page: status "interesse", coordinators e-mailed.

    The e-mail goes after the commit and a mail failure is only logged: the school is saved and
    the visitor sees the thank-you page whatever the mail server does."""
    try:
        brin, vestiging = brin_format.parse(brin)
    except ValidationError as error:
        raise ValidationError({"brin": error.messages}) from error
    if School.objects.filter(brin=brin, vestigingsnummer=vestiging).exists():
        raise ValidationError({"brin": _("Deze school is al aangemeld. De coördinator neemt contact met u op.")})
    school = School(
        name=name.strip(), brin=brin, vestigingsnummer=vestiging, contact_name=contact_name.strip(),
        contact_email=contact_email.strip().lower(), contact_role=contact_role.strip(),
        registration_message=message.strip(), status=SchoolStatus.INTEREST,
    )
    school.full_clean()
    try:
        with transaction.atomic():
            school.save()
    except IntegrityError as error:  # the same school sent twice at once
        raise ValidationError({"brin": _("Deze school is al aangemeld. De coördinator neemt contact met u op.")}) from error
    SchoolStatusChange.objects.create(school=school, old_status="", new_status=school.status, changed_by=None)
    recipients = coordinator_emails()
    if recipients:
        admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("scholen:edit", args=[school.pk])
        body = render_to_string("schools/email/registration.txt", {"school": school, "admin_url": admin_url})
        subject = _("Nieuwe aanmelding: %(name)s") % {"name": school.name}
        transaction.on_commit(partial(_mail_quietly, subject, body, recipients, school.pk))
    return school


def _mail_quietly(subject, body, recipients, school_id) -> None:
    """Send after the commit; a mail server that is down is logged, never shown to the visitor."""
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:  # SMTP, DNS, TLS: any failure of the mail path
        logger.exception("Registration e-mail for school %s could not be sent", school_id)


# Register ------------------------------------------------------------------------------------
# The one write path for the register: the full form, the edit form, the one-click log, the
# admin and "undo" all come here, so the rules (and the race) are handled once.

ALREADY_LOGGED = _("Deze les is voor deze groep op deze dag al geregistreerd.")


def can_still_edit(delivery: LessonDelivery) -> bool:
    """Teachers may change or remove a registration for ``SCHOOLS_DELIVERY_EDIT_DAYS`` days."""
    return timezone.now() - delivery.created_at <= timedelta(days=conf.EDIT_DAYS)


def check_editable(delivery: LessonDelivery, *, removing: bool = False) -> None:
    """The edit window, checked here only: a Dutch ValidationError once it has passed."""
    if can_still_edit(delivery):
        return
    if removing:
        raise ValidationError(_("Een registratie kan tot %(days)s dagen na het invoeren worden verwijderd.") % {"days": conf.EDIT_DAYS}, code="edit_window")
    raise ValidationError(_("Een registratie kan tot %(days)s dagen na het invoeren worden gewijzigd.") % {"days": conf.EDIT_DAYS}, code="edit_window")


def _save_delivery(delivery: LessonDelivery) -> LessonDelivery:
    """Validate and save; two teachers saving the same lesson at once get the Dutch message,
    not the database's IntegrityError (the unique rule decides who was first). The model's
    clean() words the duplicate check; the database constraint settles the race."""
    delivery.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            delivery.save()
    except IntegrityError as error:
        raise ValidationError({"lesson": ALREADY_LOGGED}, code="already_logged") from error
    return delivery


@transaction.atomic
def log_delivery(*, groep: Groep, lesson, teacher, date=None, pupils_present=None, minutes=None, adaptations="") -> LessonDelivery:
    """Register a lesson as given. Defaults: today, the whole groep present, the lesson's duration."""
    delivery = LessonDelivery(
        groep=groep, lesson=lesson, teacher=teacher, date=date or timezone.localdate(),
        pupils_present=groep.pupil_count if pupils_present is None else pupils_present,
        minutes=(lesson.duration_minutes if lesson else None) if minutes is None else minutes,
        adaptations=adaptations or "",
    )
    return _save_delivery(delivery)


DELIVERY_FIELDS = ("groep", "lesson", "date", "teacher", "pupils_present", "minutes", "adaptations")


@transaction.atomic
def update_delivery(delivery: LessonDelivery, *, within_edit_window: bool = True, **fields) -> LessonDelivery:
    """Change a registration (teachers: within the edit window; coordinators in the admin pass
    ``within_edit_window=False``). Unknown field names are a programming error."""
    unknown = set(fields) - set(DELIVERY_FIELDS)
    if unknown:
        raise TypeError(f"update_delivery() got unknown fields {sorted(unknown)}")
    if within_edit_window:
        check_editable(delivery)
    for name, value in fields.items():
        setattr(delivery, name, value)
    return _save_delivery(delivery)


@transaction.atomic
def remove_delivery(delivery: LessonDelivery) -> None:
    check_editable(delivery, removing=True)
    delivery.delete()


def earlier_dates(groep, lesson, *, besides: LessonDelivery | None = None) -> list:
    """Days on which ``lesson`` was given to ``groep``, newest first (one query). With ``besides``,
    only other days than that entry's. The one read behind both warnings about a lesson given
    twice: one-click logging asks first, the full form warns after (``repeat_warning``)."""
    deliveries = LessonDelivery.objects.filter(groep_id=groep.pk, lesson_id=lesson.pk)
    if besides is not None:
        deliveries = deliveries.exclude(pk=besides.pk).exclude(date=besides.date)
    return list(deliveries.order_by("-date").values_list("date", flat=True))


def repeat_warning(delivery: LessonDelivery) -> str | None:
    """"Les 5 is al gegeven op 12 november." when this groep had the lesson on another day too:
    a warning, not a refusal (a lesson may be repeated on purpose)."""
    from django.utils.formats import date_format

    earlier = earlier_dates(delivery.groep, delivery.lesson, besides=delivery)
    if not earlier:
        return None
    return _("Les %(number)s is al gegeven op %(date)s.") % {"number": delivery.lesson.number, "date": date_format(earlier[0], "j F")}


# Admin: deleting pages the register uses ------------------------------------------------------

def registered_lessons_in(pages) -> int:
    """How many register rows point at any of ``pages`` or a page below them (the delete guard)."""
    from django.db.models import Q

    in_tree = Q()
    for page in pages:
        in_tree |= Q(lesson__path__startswith=page.path)
    return LessonDelivery.objects.filter(in_tree).count() if pages else 0


def page_delete_refusal(pages) -> str | None:
    """The Dutch reason why ``pages`` cannot be deleted, or None when nothing refers to them."""
    from django.utils.translation import ngettext

    used = registered_lessons_in(pages)
    if not used:
        return None
    return ngettext(
        "Deze pagina kan niet weg: %(count)s gegeven les in de registratie verwijst ernaar. Zet de pagina liever op concept.",
        "Deze pagina kan niet weg: %(count)s gegeven lessen in de registratie verwijzen ernaar. Zet de pagina liever op concept.",
        used,
    ) % {"count": used}


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
    invited_for = _("%(groep)s van %(school)s") % {"groep": groep.name, "school": groep.school.name}
    invitation, _token = invite_teacher(
        email=email, first_name=first_name, last_name=last_name, invited_by=invited_by, invited_for=invited_for
    )
    GroepInvitation.objects.create(groep=groep, invitation=invitation)
    return "invited"


def link_invited_teacher(invitation, user) -> None:
    """INVITATION_ACCEPTED_HOOKS: put the new teacher in the groepen they were invited for."""
    from .models import GroepInvitation

    groep_ids = list(GroepInvitation.objects.filter(invitation=invitation).values_list("groep_id", flat=True))
    if groep_ids:
        user.groepen.add(*groep_ids)
