"""Retention of free text in the schools app (see ``manage.py purge_free_text``)."""

from django.utils import timezone

from . import schoolyear
from .models import ImplementationPlan, LessonDelivery, School


def purge(before, dry_run=False) -> dict[str, int]:
    """Blank register adaptations and registration messages written before ``before``, and the
    notes of implementation plans whose school year ended before it (a plan has no date of
    writing; its notes belong to its school year, and may name people)."""
    adaptations = LessonDelivery.objects.filter(created_at__lt=before).exclude(adaptations="")
    messages = School.objects.filter(created_at__lt=before).exclude(registration_message="")
    last_day = timezone.localtime(before).date() if timezone.is_aware(before) else before.date()
    ended = schoolyear.school_year_of(last_day) - 1  # that school year ended before ``before``
    plan_notes = ImplementationPlan.objects.filter(school_year__lte=ended).exclude(notes="")
    counts = {
        "aanpassingen in de registratie": adaptations.count(), "berichten bij aanmelding": messages.count(),
        "notities in implementatieplannen": plan_notes.count(),
    }
    if not dry_run:
        adaptations.update(adaptations="")
        messages.update(registration_message="")
        plan_notes.update(notes="")
    return counts
