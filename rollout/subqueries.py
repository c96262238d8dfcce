"""Subquery helpers shared by the rollout readers."""

from django.db.models import IntegerField, Subquery


class SubqueryCount(Subquery):
    """COUNT(*) of a subquery (0 when empty), on SQLite and PostgreSQL."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()
