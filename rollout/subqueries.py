"""Subquery helpers shared by the rollout readers."""

from django.db.models import Count, IntegerField, Q, Subquery


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


def trained(user_column="user_id") -> Q:
    """Condition "the user in ``user_column`` of this row is trained" (a semi-join on the small
    ``TrainedTeacher`` table, cheap also inside a subquery per groep or school)."""
    from .models import TrainedTeacher

    return Q(**{f"{user_column}__in": TrainedTeacher.objects.values("user_id")})
