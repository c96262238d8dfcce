"""The expansion report's readiness ranking: per-school figures from grouped aggregates.

A correlated subquery per school (groepen, teachers, trained teachers, lessons, feedback, latest
survey) costs PostgreSQL seconds at 6000 schools, and the trained check inside it one more
lookup per groep-teacher link. Here each table is read once, grouped by school, and the parts
travel in ONE ``UNION ALL`` query of ``(kind, school, key, n)`` rows, so the view's query count
stays what it was (two queries: the schools and these figures) whatever the number of schools.
The rows are merged and ranked in Python by the published rule, which at 6000 schools takes a
few milliseconds.
"""

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils import timezone

from feedback.models import LessonFeedback, SchoolYearSurvey
from lessons.models import CourseModulePage, CourseProgress
from schools.models import Groep, ImplementationPlan, LessonDelivery, School, SchoolStatus

from .subqueries import SubqueryCount

OBSTACLES = ("obstacle_time", "obstacle_curriculum", "obstacle_training", "obstacle_parents", "obstacle_other")
CANDIDATES = [SchoolStatus.INTEREST, SchoolStatus.INTAKE, SchoolStatus.PLANNED]
GroepTeacher = Groep.teachers.through

# What a row of the combined query counts (its first column).
GROEPEN, PLAN, LINK, TRAINED, LESSONS, FEEDBACK, SURVEY = range(7)


def _part(queryset, kind, school, key=None, n=None):
    """``queryset`` as ``(kind, school, key, n)`` rows; with ``n`` an aggregate the rows are
    grouped by school and key. Every column is an annotation, so all parts line up in the union."""
    null = Value(None, output_field=IntegerField())
    grouped = queryset.order_by().values(sid=F(school) if school else null, key=F(key) if key else null)
    return grouped.annotate(kind=Value(kind, output_field=IntegerField()), n=n if n is not None else Value(1)).values_list(
        "kind", "sid", "key", "n")


def obstacle_mask():
    """The five obstacle flags of a survey as one integer (bit i = OBSTACLES[i])."""
    return sum((Case(When(**{name: True}, then=Value(1 << bit)), default=Value(0), output_field=IntegerField())
                for bit, name in enumerate(OBSTACLES)), Value(0, output_field=IntegerField()))


def _figures(year, school_id=None):
    """Per school: counts of each kind, teacher ids, trained user ids and the latest survey."""
    def narrow(queryset, path):
        return queryset.filter(**{path: school_id}) if school_id else queryset

    live_modules = SubqueryCount(CourseModulePage.objects.live().values("pk"))
    parts = [
        _part(narrow(Groep.objects.filter(school_year=year), "school_id"), GROEPEN, "school_id", n=Count("pk")),
        _part(narrow(ImplementationPlan.objects.filter(school_year=year), "school_id"), PLAN, "school_id", n=Count("pk")),
        _part(narrow(GroepTeacher.objects.filter(groep__school_year=year), "groep__school_id"), LINK, "groep__school_id", "user_id",
              n=Count("pk")),
        # Trained: every live course module done; one grouped pass over the course table.
        _part(CourseProgress.objects.filter(module__live=True), TRAINED, None, "user_id", n=Count("module", distinct=True))
        .filter(n__gte=live_modules),
        _part(narrow(LessonDelivery.objects.filter(groep__school_year=year), "groep__school_id"), LESSONS, "groep__school_id",
              n=Count("pk")),
        _part(narrow(LessonFeedback.objects.filter(delivery__groep__school_year=year), "delivery__groep__school_id"), FEEDBACK,
              "delivery__groep__school_id", n=Count("pk")),
        _part(narrow(SchoolYearSurvey.objects.filter(school_year__lte=year, answered_at__isnull=False), "school_id")
              .annotate(mask=obstacle_mask()), SURVEY, "school_id", "school_year", n=F("mask")),
    ]
    counts, links, trained, surveys = {}, {}, set(), {}
    for kind, sid, key, n in parts[0].union(*parts[1:], all=True):
        if kind == LINK:
            links.setdefault(sid, set()).add(key)
        elif kind == TRAINED:
            trained.add(key)
        elif kind == SURVEY:
            if key >= surveys.get(sid, (-1, 0))[0]:
                surveys[sid] = (key, n)
        else:
            counts[kind, sid] = counts.get((kind, sid), 0) + n
    return counts, links, trained, surveys


def ranked(year, scope="pipeline", school_id=None) -> list[dict]:
    """Schools with their readiness for ``year``, ranked (plain rows for the screen and the
    spreadsheet alike: same keys, same numbers).

    Score (0-5): kick-off held, an implementation plan for the year, at least one trained
    teacher, at least one lesson given, at least one lesson feedback. Ties: fewer obstacles
    reported in the school's latest answered year survey, then more trained teachers, then more
    lessons given, then name (then id). ``scope`` "pipeline" keeps schools with interest, intake
    or planned; ``school_id`` reads one school (the drill-down)."""
    today = timezone.localdate()
    schools = School.objects.all() if scope == "all" else School.objects.filter(status__in=CANDIDATES)
    if school_id:
        schools = schools.filter(pk=school_id)
    labels = dict(SchoolStatus.choices)
    counts, links, trained, surveys = _figures(year, school_id)
    rows = []
    for school in schools.order_by().values("pk", "name", "brin", "vestigingsnummer", "municipality", "status", "kickoff_date"):
        pk = school["pk"]
        teachers = links.get(pk, set())
        mask = surveys.get(pk, (None, 0))[1]
        row = {
            "pk": pk, "name": school["name"], "brin": f"{school['brin']}{school['vestigingsnummer']}",
            "municipality": school["municipality"], "status": str(labels.get(school["status"], school["status"])),
            "kickoff_held": bool(school["kickoff_date"] and school["kickoff_date"] <= today), "kickoff_date": school["kickoff_date"],
            "plan": bool(counts.get((PLAN, pk))), "groepen": counts.get((GROEPEN, pk), 0), "teachers": len(teachers),
            "trained": len(teachers & trained), "lessons_given": counts.get((LESSONS, pk), 0), "feedback": counts.get((FEEDBACK, pk), 0),
            "obstacles": [name for bit, name in enumerate(OBSTACLES) if mask & (1 << bit)],
        }
        row["score"] = sum((row["kickoff_held"], row["plan"], row["trained"] > 0, row["lessons_given"] > 0, row["feedback"] > 0))
        rows.append(row)
    rows.sort(key=lambda row: (-row["score"], len(row["obstacles"]), -row["trained"], -row["lessons_given"], row["name"], row["pk"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows
