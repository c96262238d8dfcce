"""Reads: progress per groep, the lesson list, carers' modules and reach. Numbers come from the
database (subqueries and aggregates), so a list of groepen costs a fixed number of queries."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery

from lessons.models import ClassLessonPage, HomeModulePage, ProgrammeIndexPage, ProgrammeType

from .models import Groep, Household, HouseholdModuleProgress, LessonDelivery, PlannedLessonDate
from .permissions import is_coordinator


class SubqueryCount(Subquery):
    """COUNT(*) of a correlated subquery (0 when it is empty); works on SQLite and PostgreSQL."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def _lessons_of(outer_programme="programme"):
    return ClassLessonPage.objects.filter(live=True, path__startswith=OuterRef(f"{outer_programme}__path"))


def reach_subquery():
    """Distinct households of the groep that started at least one thuismodule."""
    started = HouseholdModuleProgress.objects.filter(household=OuterRef("pk"))
    return SubqueryCount(Household.objects.filter(groep=OuterRef("pk")).filter(Exists(started)).values("pk"))


def with_progress(queryset):
    """Annotate groepen with lessons_given / lessons_total / next_lesson_id / reach."""
    lessons = _lessons_of()
    given_here = LessonDelivery.objects.filter(groep=OuterRef(OuterRef("pk")), lesson=OuterRef("pk"))
    next_lesson = lessons.filter(~Exists(given_here)).order_by("number", "pk").values("pk")[:1]
    return queryset.select_related("school", "programme").annotate(
        lessons_total=SubqueryCount(lessons.values("pk")),
        lessons_given=SubqueryCount(
            LessonDelivery.objects.filter(groep=OuterRef("pk"), lesson__live=True).order_by().values("lesson").distinct()
        ),
        next_lesson_id=Subquery(next_lesson, output_field=IntegerField()),
        reach=reach_subquery(),
    )


def groepen_of_teacher(user):
    """The teacher's own groepen, newest school year first, with progress and next lesson."""
    groepen = list(with_progress(Groep.objects.filter(teachers=user)).order_by("-school_year", "school__name", "name"))
    attach_next_lessons(groepen)
    return groepen


def attach_next_lessons(groepen):
    """One query for all next lessons (instead of one per groep)."""
    ids = {g.next_lesson_id for g in groepen if g.next_lesson_id}
    lessons = ClassLessonPage.objects.in_bulk(ids) if ids else {}
    for groep in groepen:
        groep.next_lesson = lessons.get(groep.next_lesson_id)


def visible_groepen(user):
    """Groepen a user may open: a coordinator every groep, a teacher only their own."""
    if is_coordinator(user):
        return Groep.objects.all()
    return Groep.objects.filter(teachers=user)


def lesson_rows(groep):
    """The groep's programme lessons in order, each with its last delivery date and planned date."""
    if not groep.programme_id:
        return ClassLessonPage.objects.none()
    deliveries = LessonDelivery.objects.filter(groep=groep, lesson=OuterRef("pk"))
    planned = PlannedLessonDate.objects.filter(groep=groep, lesson=OuterRef("pk")).values("planned_date")[:1]
    return (
        ClassLessonPage.objects.live()
        .descendant_of(groep.programme)
        .annotate(
            last_given=Subquery(deliveries.order_by("-date").values("date")[:1]),
            times_given=SubqueryCount(deliveries.values("pk")),
            planned_date=Subquery(planned),
        )
        .order_by("number", "pk")
    )


def deliveries_of(groep):
    return LessonDelivery.objects.filter(groep=groep).select_related("lesson", "teacher").order_by("-date", "-pk")


def home_programmes_for(groep):
    """The carers' programme(s) next to the groep's class programme (same site and language)."""
    if not groep.programme_id:
        return ProgrammeIndexPage.objects.none()
    return ProgrammeIndexPage.objects.live().sibling_of(groep.programme).filter(programme_type=ProgrammeType.HOME)


def home_modules_for(groep, household=None):
    """Live thuismodules for the groep's carers, with this household's start/finish times."""
    programmes = list(home_programmes_for(groep))
    if not programmes:
        return HomeModulePage.objects.none()
    condition = Q()
    for programme in programmes:
        condition |= Q(path__startswith=programme.path, depth=programme.depth + 1)
    modules = HomeModulePage.objects.live().filter(condition).order_by("number", "pk").annotate(
        # The groep already had the class lesson this module belongs to: a good moment to start.
        lesson_given=Exists(LessonDelivery.objects.filter(groep=groep, lesson__home_module=OuterRef("pk")))
    )
    if household is not None:
        progress = HouseholdModuleProgress.objects.filter(household=household, module=OuterRef("pk"))
        modules = modules.annotate(
            started_at=Subquery(progress.values("started_at")[:1]),
            completed_at=Subquery(progress.values("completed_at")[:1]),
        )
    return modules


def training_progress(user) -> dict:
    """{"done", "total", "trained"}: a teacher is "getraind" with every live course module done."""
    from lessons.models import CourseModulePage

    totals = CourseModulePage.objects.live().aggregate(
        total=Count("id", distinct=True), done=Count("progress", filter=Q(progress__user=user), distinct=True)
    )
    totals["trained"] = totals["total"] > 0 and totals["done"] >= totals["total"]
    return totals


def trained_teacher_ids(user_ids) -> set[int]:
    """Which of ``user_ids`` are trained, in one query (for lists of teachers)."""
    from lessons.models import CourseModulePage, CourseProgress

    total = CourseModulePage.objects.live().count()
    if not total:
        return set()
    rows = (
        CourseProgress.objects.filter(user_id__in=user_ids, module__live=True)
        .values("user_id").annotate(done=Count("module", distinct=True)).filter(done__gte=total)
    )
    return {row["user_id"] for row in rows}


# The lesson's page content (StreamField/rich text) is not needed in lists or exports.
HEAVY_LESSON_FIELDS = ("lesson__in_class", "lesson__preparation", "lesson__learning_goals", "lesson__materials")


def register_queryset(queryset=None):
    """Given lessons with what a list or spreadsheet shows, in one query (no page bodies)."""
    queryset = LessonDelivery.objects.all() if queryset is None else queryset
    return queryset.select_related("groep__school", "groep__programme", "lesson", "teacher").defer(*HEAVY_LESSON_FIELDS)


def with_training_and_reach(queryset):
    """Annotate groepen with teacher_count, trained_count (teachers with every live course module
    done) and reach (households that started a module), each as one subquery."""
    from django.contrib.auth import get_user_model

    from lessons.models import CourseModulePage

    total = CourseModulePage.objects.live().count()
    teachers = get_user_model().objects.filter(groepen=OuterRef("pk"))
    trained = teachers.annotate(
        done=Count("course_progress", filter=Q(course_progress__module__live=True), distinct=True)
    ).filter(done__gte=total).values("pk") if total else teachers.none().values("pk")
    return queryset.annotate(teacher_count=SubqueryCount(teachers.values("pk")), trained_count=SubqueryCount(trained), reach=reach_subquery())


# The register as spreadsheet rows: plain values from one query, no model instances (a national
# export has hundreds of thousands of rows). Keys are the admin's ``list_export`` names.
REGISTER_EXPORT_COLUMNS = {
    "groep.school.name": "groep__school__name",
    "groep.school.brin": "groep__school__brin",
    "groep.school.wijk": "groep__school__wijk",
    "groep.school_year_label": "groep__school_year",
    "groep.name": "groep__name",
    "lesson.number": "lesson__number",
    "lesson.title": "lesson__title",
    "date": "date",
    "teacher": "teacher__email",
    "pupils_present": "pupils_present",
    "minutes": "minutes",
    "adaptations": "adaptations",
    "created_at": "created_at",
}
_EXPORT_EXTRA = ("teacher__first_name", "teacher__last_name")


def register_export_values(queryset):
    """The (filtered, ordered) register queryset as dicts for ``register_export_row``."""
    return queryset.values(*REGISTER_EXPORT_COLUMNS.values(), *_EXPORT_EXTRA)


def register_export_row(values: dict, columns) -> dict:
    from . import schoolyear

    row = {}
    for column in columns:
        value = values[REGISTER_EXPORT_COLUMNS[column]]
        if column == "groep.school_year_label":
            value = schoolyear.label(value)
        elif column == "teacher":
            name = f"{values['teacher__first_name'] or ''} {values['teacher__last_name'] or ''}".strip()
            value = name or value or ""
        row[column] = value
    return row
