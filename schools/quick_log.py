"""One-click logging made safe: what was logged, an undo for a short time, a warning before a
lesson is logged twice for a groep (``services.earlier_dates``), and the register panel on a
class lesson page.

The register's write path stays ``services.log_delivery`` / ``services.remove_delivery``; this
module only decides what to offer. The undo offer lives in the session (no query to show it);
the undo itself is checked against the database (own entry, within ``UNDO_MINUTES``).
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from wagtail import hooks

from . import schoolyear, services
from .models import Groep, LessonDelivery

UNDO_MINUTES = 10
SESSION_KEY = "schools_quick_log_undo"


# Reads ---------------------------------------------------------------------------------------

def groepen_for_lesson(user, lesson) -> list[dict]:
    """The teacher's groepen of this school year whose programme holds ``lesson``, as ``pk``,
    ``name`` and ``last_given`` (this lesson, that groep), in one query.

    Plain values, not model instances: the panel shows on every class lesson a teacher opens,
    and building ``Groep`` and ``School`` objects for three fields was most of its cost."""
    parent_path = lesson.path[: -lesson.steplen]
    given = LessonDelivery.objects.filter(groep=OuterRef("pk"), lesson_id=lesson.pk).order_by("-date").values("date")[:1]
    return list(
        Groep.objects.filter(teachers=user, programme__path=parent_path, school_year=schoolyear.current_school_year())
        .annotate(last_given=Subquery(given)).order_by("school__name", "name").values("pk", "name", "last_given")
    )


def pending_undo(request) -> dict | None:
    """The last one-click entry of this session while it may still be undone, else ``None``."""
    offer = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if not offer:
        return None
    until = parse_datetime(offer.get("until", ""))
    if until is None or until <= timezone.now():
        return None
    return offer


# Writes --------------------------------------------------------------------------------------

def log_today(request, groep, lesson) -> LessonDelivery:
    """Log ``lesson`` as given today with the defaults, and offer an undo for ``UNDO_MINUTES``."""
    delivery = services.log_delivery(groep=groep, lesson=lesson, teacher=request.user)
    request.session[SESSION_KEY] = {
        "pk": delivery.pk, "groep_id": groep.pk, "lesson_id": lesson.pk,
        "until": (delivery.created_at + timedelta(minutes=UNDO_MINUTES)).isoformat(),
        "summary": logged_summary(delivery),
        "follow_up": follow_up_url(request, delivery),
    }
    return delivery


def follow_up_url(request, delivery) -> str:
    """What other apps offer next after a lesson is logged (``schools_delivery_logged``; feedback
    answers "Hoe ging de les?"). One click keeps the teacher on the page with the undo, so the
    offer is shown as a link beside the undo instead of a redirect."""
    for hook in hooks.get_hooks("schools_delivery_logged"):
        if url := hook(request, delivery):
            return url
    return ""


def logged_summary(delivery) -> str:
    return _("Les %(number)s (%(title)s) voor %(groep)s op %(date)s: %(pupils)s leerlingen, %(minutes)s minuten.") % {
        "number": delivery.lesson.number, "title": delivery.lesson.title, "groep": delivery.groep.name,
        "date": delivery.date.strftime("%d-%m-%Y"), "pupils": delivery.pupils_present, "minutes": delivery.minutes,
    }


def undo(request, delivery_id) -> LessonDelivery:
    """Remove a one-click entry of the user's own, at most ``UNDO_MINUTES`` after logging it."""
    cutoff = timezone.now() - timedelta(minutes=UNDO_MINUTES)
    delivery = (
        LessonDelivery.objects.select_related("groep", "lesson")
        .filter(pk=delivery_id, teacher=request.user, groep__teachers=request.user, created_at__gte=cutoff).first()
    )
    if delivery is None:
        raise ValidationError(_("Ongedaan maken kan tot %(minutes)s minuten na het registreren. Daarna kunt u de registratie bij de groep verwijderen.")
                              % {"minutes": UNDO_MINUTES})
    delivery_pk = delivery.pk  # delete() clears it
    services.remove_delivery(delivery)
    offer = request.session.get(SESSION_KEY)
    if offer and offer.get("pk") == delivery_pk:
        del request.session[SESSION_KEY]
    return delivery
