"""The expansion report's readiness ranking: per-school figures from grouped aggregates.

A correlated subquery per school (groepen, teachers, trained teachers, lessons, feedback, latest
survey) costs PostgreSQL seconds at 6000 schools, and the trained check inside it one more
lookup per groep-teacher link. Here each table (the per-groep summary, plans, groep-teacher
links with the trained set, surveys) is read once, grouped by school, and the parts travel in
ONE ``UNION ALL`` query of ``(kind, school, key, n)`` rows, so the view's query count
stays what it was (two queries: the schools and these figures) whatever the number of schools.
The rows are merged and ranked in Python by the published rule, which at 6000 schools takes a
few milliseconds.
"""

from django.db.models import BigIntegerField, Case, Count, F, IntegerField, Sum, Value, When
from django.db.models.functions import Cast
from django.utils import timezone

from feedback.models import SchoolYearSurvey
from schools.models import Groep, ImplementationPlan, School, SchoolStatus

from .models import GroepSummary
from .subqueries import trained

OBSTACLES = ("obstacle_time", "obstacle_curriculum", "obstacle_training", "obstacle_parents", "obstacle_other")
CANDIDATES = [SchoolStatus.INTEREST, SchoolStatus.INTAKE, SchoolStatus.PLANNED]
GroepTeacher = Groep.teachers.through

# What a row of the combined query counts (its first column).
GROEPEN, PLAN, TEACHERS, LESSONS, FEEDBACK, SURVEY = range(6)


def _part(queryset, kind, school, key=None, n=None):
    """``queryset`` as ``(kind, school, key, n)`` rows. ``school`` and a string ``key`` are the
    columns grouped by; an expression ``key`` or ``n`` is an aggregate (or a value) per group.
    Every column is an annotation, so all parts line up in the union."""
    null = Cast(Value(None), BigIntegerField())  # typed: PostgreSQL matches a bare NULL to text
    grouping = {"sid": F(school)}
    if isinstance(key, str):
        grouping["key"] = F(key)
    values = queryset.order_by().values(**grouping)
    extra = {} if isinstance(key, str) else {"key": key if key is not None else null}
    return values.annotate(kind=Value(kind, output_field=IntegerField()), **extra, n=n if n is not None else Value(1)).values_list(
        "kind", "sid", "key", "n")


def obstacle_mask():
    """The five obstacle flags of a survey as one integer (bit i = OBSTACLES[i])."""
    return sum((Case(When(**{name: True}, then=Value(1 << bit)), default=Value(0), output_field=IntegerField())
                for bit, name in enumerate(OBSTACLES)), Value(0, output_field=IntegerField()))


def _figures(year, school_id=None):
    """Per school: counts of each kind, (teachers, trained teachers) and the latest survey."""
    def narrow(queryset, path):
        return queryset.filter(**{path: school_id}) if school_id else queryset

    groepen = narrow(GroepSummary.objects.filter(groep__school_year=year), "groep__school_id")
    links = narrow(GroepTeacher.objects.filter(groep__school_year=year), "groep__school_id")
    parts = [
        _part(groepen, GROEPEN, "groep__school_id", key=Count("pk"), n=Sum("deliveries")),  # groepen, lessons given
        _part(groepen, FEEDBACK, "groep__school_id", n=Sum("lesson_responses")),
        _part(narrow(ImplementationPlan.objects.filter(school_year=year), "school_id"), PLAN, "school_id", n=Count("pk")),
        _part(links, TEACHERS, "groep__school_id", key=Count("user_id", distinct=True),
              n=Count("user_id", distinct=True, filter=trained())),
        _part(narrow(SchoolYearSurvey.objects.filter(school_year__lte=year, answered_at__isnull=False), "school_id")
              .annotate(mask=obstacle_mask()), SURVEY, "school_id", "school_year", n=F("mask")),
    ]
    counts, teachers, surveys = {}, {}, {}
    for kind, sid, key, n in parts[0].union(*parts[1:], all=True):
        if kind == GROEPEN:
            counts[GROEPEN, sid], counts[LESSONS, sid] = key, n or 0
        elif kind == TEACHERS:
            teachers[sid] = (key, n)
        elif kind == SURVEY:
            if key >= surveys.get(sid, (-1, 0))[0]:
                surveys[sid] = (key, n)
        else:
            counts[kind, sid] = n or 0
    return counts, teachers, surveys


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
    labels = {value: str(label) for value, label in SchoolStatus.choices}  # translated once, not per school
    counts, teachers, surveys = _figures(year, school_id)
    rows = []
    for school in schools.order_by().values("pk", "name", "brin", "vestigingsnummer", "municipality", "status", "kickoff_date"):
        pk = school["pk"]
        teachers_n, trained_n = teachers.get(pk, (0, 0))
        mask = surveys.get(pk, (None, 0))[1]
        row = {
            "pk": pk, "name": school["name"], "brin": f"{school['brin']}{school['vestigingsnummer']}",
            "municipality": school["municipality"], "status": labels.get(school["status"], school["status"]),
            "kickoff_held": bool(school["kickoff_date"] and school["kickoff_date"] <= today), "kickoff_date": school["kickoff_date"],
            "plan": bool(counts.get((PLAN, pk))), "groepen": counts.get((GROEPEN, pk), 0), "teachers": teachers_n,
            "trained": trained_n, "lessons_given": counts.get((LESSONS, pk), 0), "feedback": counts.get((FEEDBACK, pk), 0),
            "obstacles": [name for bit, name in enumerate(OBSTACLES) if mask & (1 << bit)],
        }
        row["score"] = sum((row["kickoff_held"], row["plan"], row["trained"] > 0, row["lessons_given"] > 0, row["feedback"] > 0))
        rows.append(row)
    rows.sort(key=lambda row: (-row["score"], len(row["obstacles"]), -row["trained"], -row["lessons_given"], row["name"], row["pk"]))
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows
