"""Reads and aggregations of the h5p app (reports): numbers come from the database.

Screen and CSV/XLSX exports use the same querysets, so they show the same numbers. Rounding
happens in SQL for that reason too.
"""

from datetime import datetime, time

from django.db.models import Avg, Case, Count, F, FloatField, Q, Value, When
from django.db.models.functions import Cast, NullIf, Round
from django.utils import timezone

from . import conf
from .models import Audience, H5PActivity, H5PAttemptResult, H5PState


def saved_state(activity, learner_key):
    """The learner's resume state for an activity, or None."""
    return H5PState.objects.filter(activity=activity, learner_key=learner_key).values_list("data", flat=True).first()


def attempt_q(prefix="", start=None, end=None, audience=None):
    """Filter for attempts in a period (dates, inclusive) and of one audience."""
    q = Q()
    tz = timezone.get_current_timezone()
    if start:
        q &= Q(**{f"{prefix}created_at__gte": timezone.make_aware(datetime.combine(start, time.min), tz)})
    if end:
        q &= Q(**{f"{prefix}created_at__lte": timezone.make_aware(datetime.combine(end, time.max), tz)})
    if audience:
        q &= Q(**{f"{prefix}audience": audience})
    return q


def _hide_small(expression, count_field, audience):
    """Carers' results are only shown from ``H5P_REPORT_MIN_GROUP`` attempts on (privacy)."""
    if audience in (Audience.HOUSEHOLD, Audience.ANON):
        return Case(When(**{f"{count_field}__lt": conf.get("H5P_REPORT_MIN_GROUP")}, then=Value(None)), default=expression)
    return expression


def activity_report(start=None, end=None, audience=None):
    """Per activity: attempts, learners, completion rate (%) and average scaled score (%)."""
    f = attempt_q("attempts__", start, end, audience)
    qs = H5PActivity.objects.select_related("current_package").annotate(
        attempt_count=Count("attempts", filter=f),
        learner_count=Count("attempts__learner_key", filter=f, distinct=True),
        completed_count=Count("attempts", filter=f & Q(attempts__completion=True)),
        avg_scaled=Avg("attempts__scaled_score", filter=f),
    )
    return qs.annotate(
        completion_rate=_hide_small(
            Round(Cast(F("completed_count"), FloatField()) * 100.0 / NullIf(F("attempt_count"), 0), 1),
            "attempt_count",
            audience,
        ),
        average_score=_hide_small(Round(F("avg_scaled") * 100.0, 1), "attempt_count", audience),
    ).order_by("title")


def question_report(activity, start=None, end=None, audience=None):
    """Per sub-question of one activity: answers, share answered right (%), average score (%)."""
    f = attempt_q("attempt__", start, end, audience)
    qs = (
        H5PAttemptResult.objects.filter(f, attempt__activity=activity)
        .values("object_id", "question")
        .annotate(
            answer_count=Count("id"),
            right_count=Count("id", filter=Q(success=True)),
            judged_count=Count("success"),
            avg_scaled=Avg("scaled_score"),
        )
    )
    return qs.annotate(
        right_rate=_hide_small(
            Round(Cast(F("right_count"), FloatField()) * 100.0 / NullIf(F("judged_count"), 0), 1), "answer_count", audience
        ),
        average_score=_hide_small(Round(F("avg_scaled") * 100.0, 1), "answer_count", audience),
    ).order_by("question", "object_id")
