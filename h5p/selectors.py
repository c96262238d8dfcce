"""Reads and aggregations of the h5p app (reports): numbers come from the database.

Screen and CSV/XLSX exports use the same querysets, so they show the same numbers. Rounding
happens in SQL for that reason too.
"""

from datetime import datetime, time

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, NullIf, Round
from django.utils import timezone

from . import conf
from .models import Audience, GradingMethod, H5PActivity, H5PAttempt, H5PAttemptResult, H5PState


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


PROTECTED = (Audience.HOUSEHOLD, Audience.ANON)


def _hide_small(expression, protected_learners):
    """Privacy: a figure that rests on carers' or anonymous learners is shown only from
    ``H5P_REPORT_MIN_GROUP`` of them on, whatever the filter ("Iedereen" included: otherwise
    comparing it with the teachers-only figure gives the carers' one away)."""
    minimum = conf.get("H5P_REPORT_MIN_GROUP")
    return Case(
        When(**{f"{protected_learners}__gt": 0, f"{protected_learners}__lt": minimum}, then=Value(None)),
        default=expression,
    )


def _valid_scaled(prefix=""):
    """Scores outside 0-1 are refused on arrival; rows stored before that rule never count."""
    return Q(**{f"{prefix}scaled_score__gte": 0, f"{prefix}scaled_score__lte": 1})


def graded_score(start=None, end=None, audience=None):
    """Per activity (a subquery on ``H5PActivity``): the mean over learners of each learner's
    grade, the grade chosen by the activity's grading method (highest, average of, first or
    last attempt; Moodle's rule), all in the database.

    One formula serves every method: each attempt counts (``~Exists`` of a better, earlier or
    later one by the same learner) with a weight (1/attempts for "average", else 1); the sum of
    weighted scores over counted attempts divided by the number of learners is the mean grade.
    """
    scored = H5PAttempt.objects.filter(attempt_q("", start, end, audience), _valid_scaled())
    same = scored.filter(activity=OuterRef("activity"), learner_key=OuterRef("learner_key"))
    better = same.filter(
        Q(scaled_score__gt=OuterRef("scaled_score")) | Q(scaled_score=OuterRef("scaled_score"), pk__lt=OuterRef("pk"))
    )
    earlier = same.filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
    later = same.filter(Q(created_at__gt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__gt=OuterRef("pk")))
    tries = same.order_by().values("learner_key").annotate(n=Count("pk")).values("n")
    counted = Case(
        When(activity__grading_method=GradingMethod.HIGHEST, then=~Exists(better)),
        When(activity__grading_method=GradingMethod.FIRST, then=~Exists(earlier)),
        When(activity__grading_method=GradingMethod.LAST, then=~Exists(later)),
        default=Value(True),
        output_field=BooleanField(),
    )
    weight = Case(
        When(activity__grading_method=GradingMethod.AVERAGE, then=Value(1.0) / Cast(Subquery(tries), FloatField())),
        default=Value(1.0),
        output_field=FloatField(),
    )
    per_activity = (
        scored.filter(activity=OuterRef("pk"))
        .annotate(counted=counted, weight=weight)
        .filter(counted=True)
        .order_by()
        .values("activity")
        .annotate(graded=Sum(F("scaled_score") * F("weight")) / Cast(Count("learner_key", distinct=True), FloatField()))
        .values("graded")
    )
    return Subquery(per_activity, output_field=FloatField())


def activity_report(start=None, end=None, audience=None):
    """Per activity: attempts, learners, completion rate (%), average scaled score (%) and the
    grade (%) by the activity's grading method."""
    f = attempt_q("attempts__", start, end, audience)
    qs = H5PActivity.objects.select_related("current_package").annotate(
        attempt_count=Count("attempts", filter=f),
        learner_count=Count("attempts__learner_key", filter=f, distinct=True),
        protected_learners=Count(
            "attempts__learner_key", filter=f & Q(attempts__audience__in=PROTECTED), distinct=True
        ),
        completed_count=Count("attempts", filter=f & Q(attempts__completion=True)),
        avg_scaled=Avg("attempts__scaled_score", filter=f & _valid_scaled("attempts__")),
        graded=graded_score(start, end, audience),
    )
    return qs.annotate(
        completion_rate=_hide_small(
            Round(Cast(F("completed_count"), FloatField()) * 100.0 / NullIf(F("attempt_count"), 0), 1),
            "protected_learners",
        ),
        average_score=_hide_small(Round(F("avg_scaled") * 100.0, 1), "protected_learners"),
        graded_score=_hide_small(Round(F("graded") * 100.0, 1), "protected_learners"),
    ).order_by("title")


def question_report(activity, start=None, end=None, audience=None):
    """Per question of one activity: answers, share answered right (%), average score (%).

    For single-question content the attempt's own statement is the question (``services``)."""
    f = attempt_q("attempt__", start, end, audience)
    qs = (
        H5PAttemptResult.objects.filter(f, attempt__activity=activity)
        .values("object_id", "question", "correct_pattern")
        .annotate(
            answer_count=Count("id"),
            protected_learners=Count("attempt__learner_key", filter=Q(attempt__audience__in=PROTECTED), distinct=True),
            right_count=Count("id", filter=Q(success=True)),
            judged_count=Count("success"),
            avg_scaled=Avg("scaled_score", filter=_valid_scaled()),
        )
    )
    return qs.annotate(
        right_rate=_hide_small(
            Round(Cast(F("right_count"), FloatField()) * 100.0 / NullIf(F("judged_count"), 0), 1), "protected_learners"
        ),
        average_score=_hide_small(Round(F("avg_scaled") * 100.0, 1), "protected_learners"),
    ).order_by("question", "object_id")
