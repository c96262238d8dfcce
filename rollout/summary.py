"""Keeping ``GroepSummary`` exact: recomputed for the groepen a write touches, in that write's
transaction, so no reader ever sees a figure older than the data ("never stale").

``transaction.on_commit`` would leave a window between the commit and the refresh in which the
dashboard shows the old figure, and would lose the refresh if the process died in between;
a signal handler runs inside the writer's transaction, so the new row and the new figures
commit (or roll back) together. One write costs one extra UPDATE (a few indexed subqueries for
one groep), a course module done one DELETE and INSERT for its user; ``refresh`` never inserts, so a cascade that deletes a groep cannot resurrect its
summary row. Rows are created with the groep (``post_save``) and by ``rebuild``.

Writes that send no signal: ``schools.planning.save_planning`` writes planned dates in bulk
and audit-logs the change on the groep in the same transaction; that log entry triggers the
refresh. ``generate_rollout_data`` (bulk) rebuilds at its end. Anything else that writes in
bulk must call ``refresh``; ``differences()`` (tests, ``rebuild_rollout_summary --check``)
compares the table with a computation from scratch.
"""

from django.db.models import Exists, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from feedback.models import LessonFeedback, ModuleFeedback
from schools.models import Groep, Household, HouseholdModuleProgress, LessonDelivery, PlannedLessonDate

from .models import GroepSummary, TrainedTeacher
from .subqueries import SubqueryCount, trained_user_ids

FIELDS = ["deliveries", "minutes", "lessons_given", "planned", "planned_given", "households_started", "households_finished",
          "module_responses", "module_grade_sum", "lesson_responses", "lesson_grade_sum"]

# How each watched row finds its groep (the receivers in ``apps.py``).
GROEP_OF = {
    LessonDelivery: "groep_id", PlannedLessonDate: "groep_id", Household: "groep_id",
    HouseholdModuleProgress: "household__groep_id", LessonFeedback: "delivery__groep_id", ModuleFeedback: "household__groep_id",
}


def _total(queryset, field, groep_path="groep"):
    """SUM(``field``) over the groep's ``queryset`` as a scalar subquery (0 when empty)."""
    return Coalesce(Subquery(queryset.order_by().values(groep_path).annotate(s=Sum(field)).values("s")[:1]), Value(0))


def expressions(ref="groep_id") -> dict:
    """The figures of the groep whose id is the outer column ``ref``, as subqueries."""
    groep = OuterRef(ref)
    deliveries = LessonDelivery.objects.filter(groep=groep)
    started = HouseholdModuleProgress.objects.filter(household=OuterRef("pk"))
    households = Household.objects.filter(groep=groep)
    planned = PlannedLessonDate.objects.filter(groep=groep)
    modules = ModuleFeedback.objects.filter(household__groep=groep)
    lessons = LessonFeedback.objects.filter(delivery__groep=groep)
    return {
        "deliveries": SubqueryCount(deliveries.values("pk")),
        "minutes": _total(deliveries, "minutes"),
        "lessons_given": SubqueryCount(deliveries.filter(lesson__live=True).order_by().values("lesson").distinct()),
        "planned": SubqueryCount(planned.values("pk")),
        "planned_given": SubqueryCount(planned.filter(
            Exists(LessonDelivery.objects.filter(groep=OuterRef("groep"), lesson=OuterRef("lesson")))).values("pk")),
        "households_started": SubqueryCount(households.filter(Exists(started)).values("pk")),
        "households_finished": SubqueryCount(households.filter(Exists(started.filter(completed_at__isnull=False))).values("pk")),
        "module_responses": SubqueryCount(modules.values("pk")),
        "module_grade_sum": _total(modules, "grade", "household__groep"),
        "lesson_responses": SubqueryCount(lessons.values("pk")),
        "lesson_grade_sum": _total(lessons, "grade", "delivery__groep"),
    }


def refresh(groep_ids) -> None:
    """Recompute the rows of ``groep_ids`` (one UPDATE; a groep without a row is left alone)."""
    ids = {pk for pk in groep_ids if pk}
    if ids:
        GroepSummary.objects.filter(groep_id__in=ids).update(**expressions())


def refresh_trained(user_ids=None) -> None:
    """``TrainedTeacher`` for ``user_ids`` (or everyone) recomputed from the course table."""
    rows = TrainedTeacher.objects.all()
    found = trained_user_ids()
    if user_ids is not None:
        user_ids = {pk for pk in user_ids if pk}
        rows, found = rows.filter(user_id__in=user_ids), found.filter(user_id__in=user_ids)
    rows.delete()
    TrainedTeacher.objects.bulk_create([TrainedTeacher(user_id=pk) for pk in found.values_list("user_id", flat=True)], batch_size=2000)


def rebuild() -> int:
    """Every row from scratch (the command and bulk writers); returns the number of groepen."""
    refresh_trained()
    return rebuild_groepen()


def rebuild_groepen() -> int:
    """Every groep's row: missing rows created, all recomputed."""
    existing = set(GroepSummary.objects.values_list("groep_id", flat=True))
    GroepSummary.objects.bulk_create([GroepSummary(groep_id=pk) for pk in Groep.objects.values_list("pk", flat=True) if pk not in existing],
                                     batch_size=2000)
    return GroepSummary.objects.update(**expressions())


def differences() -> list[str]:
    """Where the table differs from a computation from scratch (empty when it is exact)."""
    stored = {row["groep_id"]: row for row in GroepSummary.objects.values("groep_id", *FIELDS)}
    problems = []
    computed = {f"computed_{name}": expression for name, expression in expressions("pk").items()}  # Groep has "deliveries"
    for row in Groep.objects.annotate(**computed).values("pk", *computed):
        found = stored.pop(row["pk"], None)
        if found is None:
            problems.append(f"groep {row['pk']}: no summary row")
            continue
        problems += [f"groep {row['pk']}: {name} is {found[name]}, should be {row['computed_' + name]}"
                     for name in FIELDS if found[name] != row["computed_" + name]]
    problems += [f"groep {pk}: summary row without groep" for pk in stored]
    stored_trained = set(TrainedTeacher.objects.values_list("user_id", flat=True))
    computed_trained = set(trained_user_ids().values_list("user_id", flat=True))
    problems += [f"user {pk}: trained, not in TrainedTeacher" for pk in sorted(computed_trained - stored_trained)]
    problems += [f"user {pk}: in TrainedTeacher, not trained" for pk in sorted(stored_trained - computed_trained)]
    return problems


# Signal receivers (connected in ``apps.RolloutConfig.ready``) ---------------------------------

def _groep_ids(model, pk) -> set:
    path = GROEP_OF[model]
    return set(model.objects.filter(pk=pk).values_list(path, flat=True))


def remember_groep(sender, instance, **kwargs):
    """pre_save: the groep the row belonged to before this write (a row can move to another)."""
    if instance.pk is not None and not instance._state.adding:
        instance._rollout_groep_ids = _groep_ids(sender, instance.pk)


def remember_groep_before_delete(sender, instance, **kwargs):
    """pre_delete: the row's groep, while its parents still exist (a cascade deletes the
    household before its progress rows' post_delete runs). A direct foreign key is read from the
    row itself, so deleting a groep with 100 deliveries costs no 100 look-ups."""
    path = GROEP_OF[sender]
    instance._rollout_groep_ids = {getattr(instance, path)} if "__" not in path else _groep_ids(sender, instance.pk)


def row_saved(sender, instance, **kwargs):
    """post_save of a row counted per groep: refresh its groep, and the one it left."""
    path = GROEP_OF[sender]
    now = {getattr(instance, path)} if "__" not in path else _groep_ids(sender, instance.pk)
    refresh(now | getattr(instance, "_rollout_groep_ids", set()))


def row_deleted(sender, instance, **kwargs):
    """post_delete: refresh the groep remembered before the delete."""
    refresh(getattr(instance, "_rollout_groep_ids", ()))


def groep_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        GroepSummary.objects.get_or_create(groep_id=instance.pk)


def log_entry_saved(sender, instance, created, **kwargs):
    """The planning's audit entry (same transaction as its bulk writes) refreshes the groep."""
    from schools.planning import PLANNING_LOG_ACTION

    if created and instance.action == PLANNING_LOG_ACTION and instance.content_type.model_class() is Groep:
        refresh([int(instance.object_id)])


def progress_written(sender, instance, **kwargs):
    """A course module done or undone: that user's "trained"."""
    refresh_trained([instance.user_id])


def course_changed(sender, instance, **kwargs):
    """A course module (un)published or deleted: "every live module" changed for everyone."""
    refresh_trained()


def page_live_changed(sender, instance, **kwargs):
    """A class lesson published or unpublished changes "different live lessons given" of the
    groepen that gave it (and only those)."""
    refresh(LessonDelivery.objects.filter(lesson_id=instance.pk).order_by().values_list("groep_id", flat=True).distinct())
