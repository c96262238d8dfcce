"""Subquery helpers shared by the rollout readers."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery


class SubqueryCount(Subquery):
    """COUNT(*) of a subquery (0 when empty), on SQLite and PostgreSQL."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def trained_user_ids():
    """Subquery of users with every live course module done ("getraind"), from the course table
    itself: one grouped pass (what ``summary`` stores in ``TrainedTeacher``). The number of live
    modules is a subquery too; with no live module nobody counts as trained."""
    from lessons.models import CourseModulePage, CourseProgress

    live_modules = SubqueryCount(CourseModulePage.objects.live().values("pk"))
    return (
        CourseProgress.objects.filter(module__live=True).order_by().values("user_id")
        .annotate(done=Count("module", distinct=True)).filter(done__gte=live_modules).values("user_id")
    )


def trained(user_column="user_id") -> Exists:
    """Condition "the user in ``user_column`` of this row is trained": an indexed EXISTS on the
    small ``TrainedTeacher`` table. Not ``user_id IN (...)``: SQLite then drives the groep-teacher
    index with every trained user for every groep (22 s for the follow-up list at 6000 schools)."""
    from .models import TrainedTeacher

    return Exists(TrainedTeacher.objects.filter(user_id=OuterRef(user_column)))
