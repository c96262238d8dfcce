"""Reads for the feedback analysis: counts, means and distributions computed in the database.

Every function costs a fixed number of queries, whatever the number of answers. Small numbers:
a figure that rests on fewer than ``conf.MIN_RESPONSES`` answers is never returned as a number
(``suppressed`` rows carry no figures), for every instrument and whatever the filter, so a
narrow filter (one school, one month) cannot single out a carer or a teacher.

Filters (all optional, the same for every instrument): ``school_year``, ``school`` (id),
``wijk``, ``programme`` (id of the groep's class programme) and ``lesson`` (id).
"""

from django.db.models import Avg, Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from . import conf
from .models import CourseFeedback, FeedbackTheme, LessonFeedback, ModuleFeedback, SchoolYearSurvey, SkippedExercise

LESSON_SCALES = ("pupils_engaged", "fits_groep", "preparation_feasible", "time_sufficient")
GRADES = range(1, 11)
SCALE = range(1, 6)

# Where each filter lives, per instrument (the groep is reached through the delivery or household).
_FILTER_PATHS = {
    LessonFeedback: {"school_year": "delivery__groep__school_year", "school": "delivery__groep__school_id",
                     "wijk": "delivery__groep__school__wijk", "programme": "delivery__groep__programme_id",
                     "lesson": "delivery__lesson_id"},
    ModuleFeedback: {"school_year": "household__groep__school_year", "school": "household__groep__school_id",
                     "wijk": "household__groep__school__wijk", "programme": "household__groep__programme_id",
                     "lesson": "module__class_lessons__id"},
    SchoolYearSurvey: {"school_year": "school_year", "school": "school_id", "wijk": "school__wijk"},
}


def enough(count) -> bool:
    return (count or 0) >= conf.MIN_RESPONSES


def _mean(value, digits=1):
    return None if value is None else round(float(value), digits)


def filtered(model, **filters):
    """``model``'s answers narrowed by the analysis filters (empty values are ignored)."""
    paths = _FILTER_PATHS.get(model, {})
    lookups = {paths[name]: value for name, value in filters.items() if value not in (None, "") and name in paths}
    queryset = model.objects.filter(**lookups)
    return queryset.distinct() if "lesson" in filters and filters["lesson"] and model is ModuleFeedback else queryset


# Distributions and means ---------------------------------------------------------------------

def distribution(queryset, fields: dict[str, range]) -> dict:
    """One query: the number of responses, each field's mean and its count per value.

    Returns ``{"responses": n, "suppressed": bool, "items": {field: {"mean", "counts": [(value, count)]}}}``;
    below the minimum only ``responses`` is given (as None) and ``suppressed`` is True."""
    aggregates = {"responses": Count("pk")}
    for field, values in fields.items():
        aggregates[f"{field}__mean"] = Avg(field)
        aggregates.update({f"{field}__{value}": Count("pk", filter=Q(**{field: value})) for value in values})
    row = queryset.order_by().aggregate(**aggregates)
    if not enough(row["responses"]):
        return {"responses": None, "suppressed": True, "items": {}}
    return {
        "responses": row["responses"], "suppressed": False,
        "items": {field: {"mean": _mean(row[f"{field}__mean"]), "counts": [(value, row[f"{field}__{value}"]) for value in values]}
                  for field, values in fields.items()},
    }


def lesson_distribution(**filters):
    return distribution(filtered(LessonFeedback, **filters), {"grade": GRADES, **dict.fromkeys(LESSON_SCALES, SCALE)})


def module_distribution(**filters):
    return distribution(filtered(ModuleFeedback, **filters), {"grade": GRADES, "useful": SCALE})


def recommend_counts(**filters):
    """"Zou u dit andere ouders aanraden": ja / nee / weet ik niet (suppressed below the minimum)."""
    row = filtered(ModuleFeedback, **filters).order_by().aggregate(
        responses=Count("pk"), ja=Count("pk", filter=Q(recommend="ja")), nee=Count("pk", filter=Q(recommend="nee")),
        weet_niet=Count("pk", filter=Q(recommend="weet_niet")),
    )
    return row if enough(row["responses"]) else None


def course_distribution():
    return distribution(CourseFeedback.objects.all(), {"preparedness": SCALE})


# Per lesson and per module -------------------------------------------------------------------

def lesson_rows(**filters) -> list[dict]:
    """One row per class lesson with answers: responses, means and exercises skipped or changed."""
    answers = filtered(LessonFeedback, **filters)
    rows = (
        answers.order_by()
        .values("delivery__lesson_id", "delivery__lesson__number", "delivery__lesson__title")
        .annotate(responses=Count("pk"), grade=Avg("grade"), **{f: Avg(f) for f in LESSON_SCALES})
        .order_by("delivery__lesson__number", "delivery__lesson_id")
    )
    # Counted apart: joining the exercise rows into the query above would weigh the means.
    changed = {
        (row["feedback__delivery__lesson_id"], row["kind"]): row["count"]
        for row in SkippedExercise.objects.filter(feedback__in=answers.values("pk")).order_by()
        .values("feedback__delivery__lesson_id", "kind").annotate(count=Count("pk"))
    }
    return [_suppress({
        "lesson_id": row["delivery__lesson_id"], "number": row["delivery__lesson__number"], "title": row["delivery__lesson__title"],
        "responses": row["responses"], "grade": row["grade"], **{f: row[f] for f in LESSON_SCALES},
        "skips": changed.get((row["delivery__lesson_id"], "overgeslagen"), 0),
        "changes": changed.get((row["delivery__lesson_id"], "aangepast"), 0),
    }, ("grade", *LESSON_SCALES, "skips", "changes")) for row in rows]


def module_rows(**filters) -> list[dict]:
    """One row per thuismodule with answers: responses, mean grade and usefulness, "ja" share."""
    rows = (
        filtered(ModuleFeedback, **filters).order_by()
        .values("module_id", "module__number", "module__title")
        .annotate(responses=Count("pk"), grade=Avg("grade"), useful=Avg("useful"),
                  recommend_yes=Count("pk", filter=Q(recommend="ja")))
        .order_by("module__number", "module_id")
    )
    return [_suppress({
        "module_id": row["module_id"], "number": row["module__number"], "title": row["module__title"],
        "responses": row["responses"], "grade": row["grade"], "useful": row["useful"], "recommend_yes": row["recommend_yes"],
    }, ("grade", "useful", "recommend_yes")) for row in rows]


def _suppress(row: dict, figures) -> dict:
    """Round the means; below the minimum blank every figure and say why."""
    row["suppressed"] = not enough(row["responses"])
    for name in figures:
        if row["suppressed"]:
            row[name] = None
        elif isinstance(row[name], float):
            row[name] = _mean(row[name])
    if row["suppressed"]:
        row["responses"] = None
    row["note"] = _("minder dan %(min)s antwoorden") % {"min": conf.MIN_RESPONSES} if row["suppressed"] else ""
    return row


def monthly_trend(model, **filters) -> list[dict]:
    """Responses and mean rapportcijfer per month (months with too few answers are suppressed)."""
    rows = (
        filtered(model, **filters).order_by().annotate(month=TruncMonth("created_at"))
        .values("month").annotate(responses=Count("pk", distinct=True), grade=Avg("grade")).order_by("month")
    )
    return [_suppress({"month": row["month"], "responses": row["responses"], "grade": row["grade"]}, ("grade",)) for row in rows]


# Themes --------------------------------------------------------------------------------------

def theme_counts(model, **filters) -> list[dict]:
    """Themes tagged on ``model``'s open answers, per lesson/module, most frequent first.

    Carer themes only count for modules with enough answers (a theme on one of three answers
    would point at a household)."""
    relation = {LessonFeedback: "lesson_feedback", ModuleFeedback: "module_feedback"}[model]
    part = {LessonFeedback: "delivery__lesson", ModuleFeedback: "module"}[model]
    answers = filtered(model, **filters)
    if model is ModuleFeedback:
        allowed = [row["module_id"] for row in module_rows(**filters) if not row["suppressed"]]
        answers = answers.filter(module_id__in=allowed)
    rows = (
        FeedbackTheme.objects.filter(**{f"{relation}__in": answers.values("pk")})
        .values("pk", "name", f"{relation}__{part}__id", f"{relation}__{part}__number", f"{relation}__{part}__title")
        .annotate(count=Count(f"{relation}", distinct=True))
        .order_by("-count", "name", f"{relation}__{part}__number")
    )
    return [{"theme": row["name"], "part_id": row[f"{relation}__{part}__id"], "number": row[f"{relation}__{part}__number"],
             "title": row[f"{relation}__{part}__title"], "count": row["count"]} for row in rows]


# "Aandacht nodig" ----------------------------------------------------------------------------

def lessons_needing_attention(school_year=None, **filters) -> list[dict]:
    """Lessons whose mean rapportcijfer or a statement's mean falls below the thresholds in
    settings (``FEEDBACK_ATTENTION_GRADE``, ``FEEDBACK_ATTENTION_SCALE``), or whose exercise
    groepen skip or change in at least ``FEEDBACK_ATTENTION_SKIP_SHARE`` of the answers.

    Two queries (the per-lesson means and the per-exercise skip counts). Lessons with too few
    answers are left out: a figure on one or two teachers is not a finding. Rows:
    ``lesson_id, number, title, responses, mean_grade, reasons`` (Dutch sentences)."""
    rows = [row for row in lesson_rows(school_year=school_year, **filters) if not row["suppressed"]]
    if not rows:
        return []
    by_lesson = {row["lesson_id"]: row for row in rows}
    skips = (
        SkippedExercise.objects.filter(feedback__in=filtered(LessonFeedback, school_year=school_year, **filters).values("pk"),
                                       feedback__delivery__lesson_id__in=list(by_lesson))
        .values("feedback__delivery__lesson_id", "block_id", "title").annotate(count=Count("feedback", distinct=True))
        .order_by("-count", "title")
    )
    labels = {field: LessonFeedback._meta.get_field(field).verbose_name for field in LESSON_SCALES}
    reasons = {lesson_id: [] for lesson_id in by_lesson}
    for lesson_id, row in by_lesson.items():
        if row["grade"] < conf.ATTENTION_GRADE:
            reasons[lesson_id].append(_("Rapportcijfer gemiddeld %(mean)s (onder %(limit)s)") % {
                "mean": _number(row["grade"]), "limit": _number(conf.ATTENTION_GRADE)})
        for field in LESSON_SCALES:
            if row[field] < conf.ATTENTION_SCALE:
                reasons[lesson_id].append(_("“%(statement)s” gemiddeld %(mean)s op 5 (onder %(limit)s)") % {
                    "statement": str(labels[field]).capitalize(), "mean": _number(row[field]), "limit": _number(conf.ATTENTION_SCALE)})
    for skip in skips:
        row = by_lesson[skip["feedback__delivery__lesson_id"]]
        share = skip["count"] / row["responses"]
        if share >= conf.ATTENTION_SKIP_SHARE:
            reasons[row["lesson_id"]].append(_("Oefening “%(title)s” overgeslagen of aangepast in %(share)s%% van de lessen") % {
                "title": skip["title"], "share": round(share * 100)})
    return [{"lesson_id": lesson_id, "number": by_lesson[lesson_id]["number"], "title": by_lesson[lesson_id]["title"],
             "responses": by_lesson[lesson_id]["responses"], "mean_grade": by_lesson[lesson_id]["grade"], "reasons": found}
            for lesson_id, found in reasons.items() if found]


def _number(value) -> str:
    return f"{value:.1f}".replace(".", ",")


# School year surveys -------------------------------------------------------------------------

def year_survey_summary(**filters) -> dict:
    """Answered surveys: continue / extend counts, mean recommend score, obstacles (one query)."""
    aggregates = {"answered": Count("pk"), "recommend": Avg("recommend_score")}
    for field in ("continue_next_year", "extend_to_other_groepen"):
        aggregates.update({f"{field}__{value}": Count("pk", filter=Q(**{field: value})) for value in ("ja", "nee", "weet_niet")})
    for field in ("obstacle_time", "obstacle_curriculum", "obstacle_training", "obstacle_parents", "obstacle_other"):
        aggregates[field] = Count("pk", filter=Q(**{field: True}))
    row = filtered(SchoolYearSurvey, **filters).filter(answered_at__isnull=False).order_by().aggregate(**aggregates)
    row["sent"] = filtered(SchoolYearSurvey, **filters).count()
    row["suppressed"] = not enough(row["answered"])
    row["recommend"] = _mean(row["recommend"])
    return row


# Open answers --------------------------------------------------------------------------------

OPEN_ANSWER_LIMIT = 200


def open_answers(model, **filters) -> dict:
    """The newest non-empty open answers (at most ``OPEN_ANSWER_LIMIT``) with their themes.

    Two queries (answers, their themes). Never a teacher's name; carers' answers only for
    modules with enough responses, without school or groep."""
    answers = filtered(model, **filters)
    non_empty = Q()
    for field in model.OPEN_FIELDS:
        non_empty |= ~Q(**{field: ""})
    answers = answers.filter(non_empty)
    if model is ModuleFeedback:
        allowed = [row["module_id"] for row in module_rows(**filters) if not row["suppressed"]]
        answers = answers.filter(module_id__in=allowed).select_related("module").only(
            "pk", "created_at", "comment", "module__number", "module__title")
    else:
        answers = answers.select_related("delivery__lesson", "delivery__groep__school").only(
            "pk", "created_at", *model.OPEN_FIELDS, "delivery__lesson__number", "delivery__lesson__title", "delivery__groep__school__name")
    total = answers.count()
    return {"total": total, "shown": list(answers.prefetch_related("themes").order_by("-created_at", "-pk")[:OPEN_ANSWER_LIMIT])}
