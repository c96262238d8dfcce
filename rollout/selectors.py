"""Reads for the rollout dashboard and the expansion report, aggregated in the database.

Each function costs a fixed number of queries whatever the number of schools: figures for a
school year and the year before come from one grouped query (``school_year`` is the GROUP BY
key), not from a loop. What adds up over groepen (lessons, planned dates, households, grades)
is read from the per-groep summary and "trained" from the trained-teacher set (``models``),
which ``summary`` keeps exact inside every writing transaction, so nothing read here can be
older than the data; the rest (distinct teachers, statuses, H5P, months) from the tables the
other apps write.

Small numbers: a carer figure (households, module grades, H5P results of households) and every
mean grade resting on fewer than ``feedback.conf.MIN_RESPONSES`` answers is returned as
``None`` (``suppressed``), whatever the filter.
"""

import collections
import datetime

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from feedback import conf as feedback_conf
from feedback.models import LessonFeedback, ModuleFeedback
from h5p.models import H5PAttempt
from lessons.models import ClassLessonPage, ProgrammeIndexPage, ProgrammeType
from schools import schoolyear
from schools.models import (
    Groep,
    Household,
    HouseholdModuleProgress,
    LessonDelivery,
    School,
    SchoolStatus,
    SchoolStatusChange,
)

from . import ranking, summary
from .models import GroepSummary
from .subqueries import SubqueryCount, trained

MIN_RESPONSES = feedback_conf.MIN_RESPONSES

# The pipeline in its order (the funnel); "gepauzeerd" stands apart, below it.
PIPELINE = [SchoolStatus.INTEREST, SchoolStatus.INTAKE, SchoolStatus.PLANNED, SchoolStatus.ACTIVE, SchoolStatus.FINISHED]
STATUSES = [*PIPELINE, SchoolStatus.PAUSED]
# Schools that could be "next": signed up, not yet giving lessons.
CANDIDATES, OBSTACLES = ranking.CANDIDATES, ranking.OBSTACLES

GroepTeacher = Groep.teachers.through


def suppress(count, value=None):
    """``value`` (or ``count``) unless it rests on fewer than MIN_RESPONSES answers."""
    if (count or 0) < MIN_RESPONSES:
        return None
    return count if value is None else value


def _mean(value):
    return None if value is None else round(float(value), 1)


def _share(part, whole):
    return round(100 * part / whole) if whole else None


# Teachers ------------------------------------------------------------------------------------

def trained_teachers(links):
    """``links`` (groep-teacher rows) narrowed to trained teachers (``subqueries.trained``)."""
    return links.filter(trained())


def _delivered_in(year):
    return LessonDelivery.objects.filter(teacher=OuterRef("user_id"), groep__school_year=year)


def teacher_figures(years) -> dict:
    """Per school year: teachers of its groepen, how many are trained, how many gave a lesson.

    One query, grouped by (year, trained, delivered). The teachers counted are those linked to a
    groep of that year; "gegeven" means at least one lesson registered under their name in a
    groep of that year."""
    rows = (
        GroepTeacher.objects.filter(groep__school_year__in=years)
        .annotate(
            year=F("groep__school_year"),
            trained=ExpressionWrapper(trained(), output_field=BooleanField()),
            delivered=Exists(LessonDelivery.objects.filter(teacher=OuterRef("user_id"), groep__school_year=OuterRef("groep__school_year"))),
        )
        .order_by().values("year", "trained", "delivered").annotate(n=Count("user_id", distinct=True))
    )
    result = {year: {"teachers": 0, "trained": 0, "delivered": 0, "trained_delivered": 0, "trained_not_delivered": 0} for year in years}
    for row in rows:  # at most four rows per year
        figures = result[row["year"]]
        figures["teachers"] += row["n"]
        if row["trained"]:
            figures["trained"] += row["n"]
            figures["trained_delivered" if row["delivered"] else "trained_not_delivered"] += row["n"]
        if row["delivered"]:
            figures["delivered"] += row["n"]
    for figures in result.values():
        figures["trained_delivered_share"] = _share(figures["trained_delivered"], figures["trained"])
    return result


def trained_not_delivering(year):
    """Trained teachers of a groep in ``year`` who registered no lesson that year, with the groep
    and school they belong to (one row per teacher and groep), for the coordinator to follow up."""
    return (
        trained_teachers(GroepTeacher.objects.filter(groep__school_year=year))
        .filter(~Exists(_delivered_in(year)))
        .select_related("user", "groep__school")
        .only("user__first_name", "user__last_name", "user__email", "groep__name", "groep__school_year",
              "groep__school__name", "groep__school__brin", "groep__school__vestigingsnummer")
        .order_by("groep__school__name", "user__last_name", "user__email", "groep__name")
    )


# Schools and groepen -------------------------------------------------------------------------

def status_counts(year) -> dict:
    """Schools per pipeline status: today's status for the current school year (or later), the
    status at the end of an earlier school year from the status history (one query)."""
    last_day = schoolyear.bounds(year)[1]
    if last_day >= timezone.localdate():
        rows = School.objects.order_by().values("status").annotate(n=Count("pk"))
    else:
        # The latest change before the year's end per school: the history in order, the first
        # row per school kept (one flat query; a subquery per school took PostgreSQL 100 ms+).
        end = _midnight(last_day + datetime.timedelta(days=1))
        latest = {}
        for school_id, status in (SchoolStatusChange.objects.filter(changed_at__lt=end).order_by("school_id", "-changed_at", "-pk")
                                  .values_list("school_id", "new_status")):
            latest.setdefault(school_id, status)
        rows = [{"status": status, "n": n} for status, n in collections.Counter(latest.values()).items()]
    counts = {row["status"]: row["n"] for row in rows}
    return {status: counts.get(status, 0) for status in STATUSES}


def summary_by_year(years) -> dict:
    """Per school year, the per-groep summary (``models.GroepSummary``) summed: one query over
    one row per groep, whatever the number of deliveries, households and answers behind it."""
    given = Q(deliveries__gt=0)
    rows = (
        GroepSummary.objects.filter(groep__school_year__in=years).order_by().values(year=F("groep__school_year"))
        .annotate(
            groepen=Count("pk"), schools=Count("groep__school", distinct=True), groepen_given=Count("pk", filter=given),
            pupils=Sum("groep__pupil_count"), pupils_reached=Sum("groep__pupil_count", filter=given),
            **{name: Sum(name) for name in summary.FIELDS},
        )
    )
    empty = dict.fromkeys(["groepen", "schools", "groepen_given", "pupils", "pupils_reached", *summary.FIELDS], 0)
    result = {year: dict(empty) for year in years}
    for row in rows:
        result[row.pop("year")] = {name: value or 0 for name, value in row.items()}
    return result


def groep_figures(years, summed=None) -> dict:
    """Per school year: schools and groepen taking part, pupils reached (pupil counts of groepen
    with at least one lesson given) and lessons given out of the programme; a lesson given twice
    to one groep counts once towards "given out of the programme"."""
    summed = summed or summary_by_year(years)
    programme = _programme_totals(years)
    result = {}
    for year in years:
        row, total = summed[year], programme.get(year, 0)
        result[year] = {
            "schools": row["schools"], "groepen": row["groepen"], "groepen_given": row["groepen_given"],
            "pupils": row["pupils"], "pupils_reached": row["pupils_reached"], "deliveries": row["deliveries"], "minutes": row["minutes"],
            "lessons_given": row["lessons_given"], "lessons_in_programme": total, "programme_share": _share(row["lessons_given"], total),
            "planned": row["planned"], "planned_given": row["planned_given"], "fidelity": _share(row["planned_given"], row["planned"]),
        }
    return result


def _programme_totals(years) -> dict:
    """Lessons in the programme summed over each year's groepen: per class programme its live
    lessons and its groepen per year, in one query over the few programmes."""
    lessons = ClassLessonPage.objects.filter(live=True, path__startswith=OuterRef("path")).values("pk")
    groepen = {f"groepen_{year}": SubqueryCount(Groep.objects.filter(programme=OuterRef("pk"), school_year=year).values("pk")) for year in years}
    rows = ProgrammeIndexPage.objects.filter(programme_type=ProgrammeType.CLASS).annotate(lessons=SubqueryCount(lessons), **groepen).values("lessons", *groepen)
    totals = dict.fromkeys(years, 0)
    for row in rows:  # one row per class programme
        for year in years:
            totals[year] += row["lessons"] * row[f"groepen_{year}"]
    return totals


def carer_figures(years, summed=None) -> dict:
    """Per year: households that started and finished a thuismodule, mean module grade; each
    suppressed below MIN_RESPONSES households or answers."""
    summed = summed or summary_by_year(years)
    result = {}
    for year in years:
        row = summed[year]
        n = row["module_responses"]
        result[year] = {
            "started": suppress(row["households_started"]), "finished": suppress(row["households_finished"]),
            "module_responses": suppress(n), "module_grade": suppress(n, _mean(row["module_grade_sum"] / n if n else None)),
        }
    return result


def lesson_grades(years, summed=None) -> dict:
    """Mean rapportcijfer of the lessons given per year (suppressed below MIN_RESPONSES)."""
    summed = summed or summary_by_year(years)
    result = {}
    for year in years:
        n = summed[year]["lesson_responses"]
        result[year] = {"lesson_responses": n, "lesson_grade": suppress(n, _mean(summed[year]["lesson_grade_sum"] / n if n else None))}
    return result


def _midnight(day):
    """Start of ``day`` in Europe/Amsterdam (school years follow local dates)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def h5p_figures(years) -> dict:
    """H5P completion per year and audience: learners (opaque keys) with an attempt in the school
    year's dates, and how many completed one. Households below MIN_RESPONSES are suppressed (one query)."""
    start, end = schoolyear.bounds(min(years))[0], schoolyear.bounds(max(years))[1] + datetime.timedelta(days=1)
    attempts = H5PAttempt.objects.filter(
        created_at__gte=_midnight(start), created_at__lt=_midnight(end),
        audience__in=["user", "household"],
    )
    result = {year: {"user": {"learners": 0, "completed": 0, "share": None},
                     "household": {"learners": None, "completed": None, "share": None}} for year in years}
    # Distinct learners are counted per school year; the year is a CASE over the dates, so the
    # query count does not grow with the years shown.
    year_case = Case(
        *[When(created_at__gte=_midnight(schoolyear.bounds(year)[0]),
               created_at__lt=_midnight(schoolyear.bounds(year)[1] + datetime.timedelta(days=1)), then=Value(year)) for year in years],
        output_field=IntegerField(),
    )
    done = Q(completion=True) | Q(success=True)
    for row in (
        attempts.annotate(school_year=year_case).order_by().values("school_year", "audience")
        .annotate(learners=Count("learner_key", distinct=True), completed=Count("learner_key", distinct=True, filter=done))
    ):
        if row["school_year"] not in result:
            continue
        learners, completed = row["learners"], row["completed"]
        if row["audience"] == "household":  # every carer number shown rests on enough households
            learners, completed = suppress(learners), suppress(completed) if suppress(learners) else None
        result[row["school_year"]][row["audience"]] = {
            "learners": learners, "completed": completed,
            "share": _share(completed, learners) if learners is not None and completed is not None else None,
        }
    return result


# Charts --------------------------------------------------------------------------------------

def deliveries_per_month(years) -> dict:
    """Lessons given per calendar month of each school year, August first (one query)."""
    rows = (
        LessonDelivery.objects.filter(groep__school_year__in=years).annotate(month=TruncMonth("date")).order_by()
        .values("groep__school_year", "month").annotate(n=Count("pk"))
    )
    counts = {(row["groep__school_year"], row["month"].year, row["month"].month): row["n"] for row in rows}
    result = {}
    for year in years:
        months = [(year + (month < 8), month) for month in (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)]
        result[year] = [{"year": y, "month": m, "n": counts.get((year, y, m), 0)} for y, m in months]
    return result


def groep_progress(year) -> list[dict]:
    """Progress per groep as a distribution: how many groepen of ``year`` have given 0, 1, 2, ...
    different lessons (one query over the summary; a bar per groep would not fit 12,000 groepen)."""
    rows = (
        GroepSummary.objects.filter(groep__school_year=year).order_by().values("lessons_given").annotate(n=Count("pk"))
    )
    counts = {row["lessons_given"]: row["n"] for row in rows}
    top = max([*counts, 10])
    return [{"given": given_n, "n": counts.get(given_n, 0)} for given_n in range(0, top + 1)]


def dashboard(year) -> dict:
    """Everything the dashboard shows for ``year`` and the year before (about a dozen queries)."""
    years = [year - 1, year]
    summed = summary_by_year(years)
    groepen, carers, grades = groep_figures(years, summed), carer_figures(years, summed), lesson_grades(years, summed)
    teachers, h5p = teacher_figures(years), h5p_figures(years)
    per_year = {y: {**groepen[y], **teachers[y], **carers[y], **grades[y], "h5p": h5p[y], "statuses": status_counts(y)} for y in years}
    return {
        "year": year, "previous": year - 1, "current": per_year[year], "before": per_year[year - 1],
        "months": deliveries_per_month(years), "progress": groep_progress(year),
    }


# Expansion report ----------------------------------------------------------------------------

def readiness_rows(year, scope="pipeline", school_id=None) -> list[dict]:
    """The ranked readiness rows (``ranking.ranked``: two queries whatever the number of schools)."""
    return ranking.ranked(year, scope, school_id)


def lessons_needing_revision(year) -> list[dict]:
    """The feedback app's "aandacht nodig" for the school year (its own fixed queries)."""
    from feedback.selectors import lessons_needing_attention

    return lessons_needing_attention(school_year=year)


# Drill-down ----------------------------------------------------------------------------------

def school_groepen(school, year):
    """The school's groepen in ``year`` with lessons given / in the programme, teachers (trained)
    and households that started (suppressed below MIN_RESPONSES in the template), one query."""
    lessons = ClassLessonPage.objects.filter(live=True, path__startswith=OuterRef("programme__path")).values("pk")
    teachers = GroepTeacher.objects.filter(groep=OuterRef("pk")).order_by()
    started = HouseholdModuleProgress.objects.filter(household=OuterRef("pk"))
    return (
        Groep.objects.filter(school=school, school_year=year).select_related("programme")
        .annotate(
            lessons_total=SubqueryCount(lessons),
            lessons_given=SubqueryCount(LessonDelivery.objects.filter(groep=OuterRef("pk"), lesson__live=True).order_by().values("lesson").distinct()),
            teachers_n=SubqueryCount(teachers.values("pk")),
            trained_n=SubqueryCount(trained_teachers(teachers).values("pk")),
            households_started=SubqueryCount(Household.objects.filter(groep=OuterRef("pk")).filter(Exists(started)).values("pk")),
            feedback_n=SubqueryCount(LessonFeedback.objects.filter(delivery__groep=OuterRef("pk")).values("pk")),
            grade=Subquery(LessonFeedback.objects.filter(delivery__groep=OuterRef("pk")).order_by().values("delivery__groep")
                           .annotate(mean=Avg("grade")).values("mean")[:1]),
        )
        .order_by("name")
    )


def school_years_of(school) -> list[int]:
    return list(Groep.objects.filter(school=school).order_by("-school_year").values_list("school_year", flat=True).distinct())


def groep_register(groep):
    """The groep's register with each delivery's lesson feedback (one query, no page bodies)."""
    return (
        LessonDelivery.objects.filter(groep=groep).select_related("lesson", "teacher", "feedback")
        .defer("lesson__in_class", "lesson__preparation", "lesson__learning_goals", "lesson__materials")
        .annotate(skipped_n=SubqueryCount(
            LessonFeedback.objects.filter(delivery=OuterRef("pk")).values("skipped_exercises")
            .filter(skipped_exercises__isnull=False)))
        .order_by("-date", "-pk")
    )


def groep_carers(groep) -> dict:
    """Carer figures of one groep, each suppressed below MIN_RESPONSES (two queries)."""
    started = HouseholdModuleProgress.objects.filter(household=OuterRef("pk"))
    row = Household.objects.filter(groep=groep).annotate(
        started=Exists(started), finished=Exists(started.filter(completed_at__isnull=False))
    ).aggregate(started_n=Count("pk", filter=Q(started=True)), finished_n=Count("pk", filter=Q(finished=True)))
    grade = ModuleFeedback.objects.filter(household__groep=groep).aggregate(n=Count("pk"), mean=Avg("grade"))
    return {
        "started": suppress(row["started_n"]), "finished": suppress(row["finished_n"]),
        "module_responses": suppress(grade["n"]), "module_grade": suppress(grade["n"], _mean(grade["mean"])),
    }
