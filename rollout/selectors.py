"""Reads for the rollout dashboard and the expansion report, aggregated in the database.

Each function costs a fixed number of queries whatever the number of schools: figures for a
school year and the year before come from one grouped query per table (``school_year`` is the
GROUP BY key), not from a loop. Nothing here writes, so nothing can go stale: every figure is
read at request time from the tables the other apps write.

Small numbers: a carer figure (households, module grades, H5P results of households) and every
mean grade resting on fewer than ``feedback.conf.MIN_RESPONSES`` answers is returned as
``None`` (``suppressed``), whatever the filter.
"""

import datetime

from django.db.models import (
    Avg,
    BooleanField,
    Case,
    CharField,
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
from django.db.models.functions import Concat, TruncMonth
from django.utils import timezone

from feedback import conf as feedback_conf
from feedback.models import LessonFeedback, ModuleFeedback
from h5p.models import H5PAttempt
from lessons.models import ClassLessonPage, CourseModulePage, CourseProgress, ProgrammeIndexPage, ProgrammeType
from schools import schoolyear
from schools.models import (
    Groep,
    Household,
    HouseholdModuleProgress,
    LessonDelivery,
    PlannedLessonDate,
    School,
    SchoolStatus,
    SchoolStatusChange,
)

from . import ranking
from .subqueries import SubqueryCount

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

def trained_user_ids():
    """Subquery of users with every live course module done ("getraind").

    The number of live modules is itself a subquery, so this adds no query of its own; with no
    live module nobody counts as trained."""
    live_modules = SubqueryCount(CourseModulePage.objects.live().values("pk"))
    return (
        CourseProgress.objects.filter(module__live=True).order_by().values("user_id")
        .annotate(done=Count("module", distinct=True)).filter(done__gte=live_modules).values("user_id")
    )


def trained_teachers(links):
    """``links`` (groep-teacher rows) narrowed to trained teachers, checked per row by an indexed
    count of the teacher's live modules done. Used inside per-school subqueries, where
    ``user_id IN trained_user_ids()`` would make PostgreSQL regroup the whole course table for
    every school (minutes at 6000 schools)."""
    done = SubqueryCount(CourseProgress.objects.filter(user=OuterRef("user_id"), module__live=True).values("module").distinct())
    live_modules = SubqueryCount(CourseModulePage.objects.live().values("pk"))
    return links.annotate(modules_done=done).filter(modules_done__gte=live_modules, modules_done__gt=0)


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
            trained=ExpressionWrapper(Q(user_id__in=trained_user_ids()), output_field=BooleanField()),
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
        end = _midnight(last_day + datetime.timedelta(days=1))
        then = SchoolStatusChange.objects.filter(school=OuterRef("pk"), changed_at__lt=end).order_by("-changed_at", "-pk")
        rows = (
            School.objects.annotate(status_then=Subquery(then.values("new_status")[:1])).filter(status_then__isnull=False)
            .order_by().values("status_then").annotate(n=Count("pk")).values(status=F("status_then"), n=F("n"))
        )
    counts = {row["status"]: row["n"] for row in rows}
    return {status: counts.get(status, 0) for status in STATUSES}


def groep_figures(years) -> dict:
    """Per school year: schools and groepen taking part, pupils reached (pupil counts of groepen
    with at least one lesson given) and lessons given out of the programme (one query each)."""
    given = Exists(LessonDelivery.objects.filter(groep=OuterRef("pk")))
    rows = (
        Groep.objects.filter(school_year__in=years).annotate(has_given=given).order_by().values("school_year")
        .annotate(
            groepen=Count("pk"), schools=Count("school", distinct=True),
            groepen_given=Count("pk", filter=Q(has_given=True)),
            pupils=Sum("pupil_count"), pupils_reached=Sum("pupil_count", filter=Q(has_given=True)),
        )
    )
    by_year = {row["school_year"]: row for row in rows}
    # A lesson given twice to one groep counts once towards "given out of the programme".
    pairs = (
        LessonDelivery.objects.filter(groep__school_year__in=years).order_by().values("groep__school_year")
        .annotate(
            deliveries=Count("pk"), minutes=Sum("minutes"),
            distinct_pairs=Count(Concat("groep_id", Value(":"), "lesson_id", output_field=CharField()), distinct=True, filter=Q(lesson__live=True)),
        )
    )
    deliveries = {row["groep__school_year"]: row for row in pairs}
    programme = _programme_totals(years)
    planned = _planned(years)
    result = {}
    for year in years:
        row = by_year.get(year, {})
        given_pairs = deliveries.get(year, {}).get("distinct_pairs", 0)
        total = programme.get(year, 0)
        planned_row = planned.get(year, {"planned": 0, "planned_given": 0})
        result[year] = {
            "schools": row.get("schools", 0), "groepen": row.get("groepen", 0), "groepen_given": row.get("groepen_given", 0),
            "pupils": row.get("pupils") or 0, "pupils_reached": row.get("pupils_reached") or 0,
            "deliveries": deliveries.get(year, {}).get("deliveries", 0), "minutes": deliveries.get(year, {}).get("minutes") or 0,
            "lessons_given": given_pairs, "lessons_in_programme": total, "programme_share": _share(given_pairs, total),
            "planned": planned_row["planned"], "planned_given": planned_row["planned_given"],
            "fidelity": _share(planned_row["planned_given"], planned_row["planned"]),
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


def _planned(years) -> dict:
    """Planned lesson dates per year and how many of those lessons the groep has given (fidelity)."""
    given = Exists(LessonDelivery.objects.filter(groep=OuterRef("groep"), lesson=OuterRef("lesson")))
    rows = (
        PlannedLessonDate.objects.filter(groep__school_year__in=years).annotate(given=given).order_by()
        .values("groep__school_year").annotate(planned=Count("pk"), planned_given=Count("pk", filter=Q(given=True)))
    )
    return {row["groep__school_year"]: row for row in rows}


def carer_figures(years) -> dict:
    """Per year: households that started and finished a thuismodule, mean module grade; each
    suppressed below MIN_RESPONSES households or answers (two queries)."""
    started = HouseholdModuleProgress.objects.filter(household=OuterRef("pk"))
    rows = (
        Household.objects.filter(groep__school_year__in=years)
        .annotate(started=Exists(started), finished=Exists(started.filter(completed_at__isnull=False))).order_by()
        .values("groep__school_year")
        .annotate(started_n=Count("pk", filter=Q(started=True)), finished_n=Count("pk", filter=Q(finished=True)))
    )
    households = {row["groep__school_year"]: row for row in rows}
    grades = {
        row["household__groep__school_year"]: row for row in
        ModuleFeedback.objects.filter(household__groep__school_year__in=years).order_by()
        .values("household__groep__school_year").annotate(n=Count("pk"), mean=Avg("grade"))
    }
    result = {}
    for year in years:
        row, grade = households.get(year, {}), grades.get(year, {})
        result[year] = {
            "started": suppress(row.get("started_n", 0)), "finished": suppress(row.get("finished_n", 0)),
            "module_responses": suppress(grade.get("n", 0)), "module_grade": suppress(grade.get("n", 0), _mean(grade.get("mean"))),
        }
    return result


def lesson_grades(years) -> dict:
    """Mean rapportcijfer of the lessons given per year (suppressed below MIN_RESPONSES, one query)."""
    rows = {
        row["delivery__groep__school_year"]: row for row in
        LessonFeedback.objects.filter(delivery__groep__school_year__in=years).order_by()
        .values("delivery__groep__school_year").annotate(n=Count("pk"), mean=Avg("grade"))
    }
    return {year: {"lesson_responses": rows.get(year, {}).get("n", 0),
                   "lesson_grade": suppress(rows.get(year, {}).get("n", 0), _mean(rows.get(year, {}).get("mean")))}
            for year in years}


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


def groep_progress(year, buckets=None) -> list[dict]:
    """Progress per groep as a distribution: how many groepen of ``year`` have given 0, 1, 2, ...
    different lessons (one query; a bar per groep would not fit 12,000 groepen)."""
    given = SubqueryCount(
        LessonDelivery.objects.filter(groep=OuterRef("pk"), lesson__live=True).order_by().values("lesson").distinct()
    )
    rows = (
        Groep.objects.filter(school_year=year).annotate(given=given).order_by()
        .values("given").annotate(n=Count("pk")).order_by("given")
    )
    counts = {row["given"]: row["n"] for row in rows}
    top = max([*counts, 10])
    return [{"given": given_n, "n": counts.get(given_n, 0)} for given_n in range(0, top + 1)]


def dashboard(year) -> dict:
    """Everything the dashboard shows for ``year`` and the year before (about a dozen queries)."""
    years = [year - 1, year]
    groepen, teachers, carers, grades, h5p = groep_figures(years), teacher_figures(years), carer_figures(years), lesson_grades(years), h5p_figures(years)
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
