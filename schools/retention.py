"""Retention of free text in the schools app (see ``manage.py purge_free_text``)."""

from .models import LessonDelivery, School


def purge(before, dry_run=False) -> dict[str, int]:
    """Blank register adaptations and registration messages written before ``before``."""
    adaptations = LessonDelivery.objects.filter(created_at__lt=before).exclude(adaptations="")
    messages = School.objects.filter(created_at__lt=before).exclude(registration_message="")
    counts = {"aanpassingen in de registratie": adaptations.count(), "berichten bij aanmelding": messages.count()}
    if not dry_run:
        adaptations.update(adaptations="")
        messages.update(registration_message="")
    return counts
