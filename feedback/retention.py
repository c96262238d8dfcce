"""Retention of free text in the feedback app (see ``manage.py purge_free_text``).

Open answers of every instrument older than the period are blanked; grades, scales, skipped
exercises and theme tags stay, so the analysis keeps its numbers."""

from django.db.models import Q

from .models import CourseFeedback, LessonFeedback, ModuleFeedback, SchoolYearSurvey

INSTRUMENTS = {
    "open antwoorden na een les": LessonFeedback,
    "open antwoorden na een thuismodule": ModuleFeedback,
    "open antwoorden na de cursus": CourseFeedback,
    "open antwoorden in jaarevaluaties": SchoolYearSurvey,
}


def purge(before, dry_run=False) -> dict[str, int]:
    counts = {}
    for description, model in INSTRUMENTS.items():
        has_text = Q()
        for field in model.OPEN_FIELDS:
            has_text |= ~Q(**{field: ""})
        old = model.objects.filter(has_text, created_at__lt=before)
        counts[description] = old.count()
        if not dry_run:
            old.update(**dict.fromkeys(model.OPEN_FIELDS, ""))
    return counts
