"""Writes of the lessons app: a teacher marks a course module as done, or undoes that."""

from django.db import transaction

from .models import CourseModulePage, CourseProgress


@transaction.atomic
def mark_module_done(user, module: CourseModulePage) -> CourseProgress:
    """Idempotent: marking a module done twice keeps the first completion time."""
    progress, _created = CourseProgress.objects.get_or_create(user=user, module=module)
    return progress


@transaction.atomic
def undo_module_done(user, module: CourseModulePage) -> None:
    CourseProgress.objects.filter(user=user, module=module).delete()
