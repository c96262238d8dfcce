"""One model row by fixed lookups, with its SQL built once per database instead of per request.

Django's ORM builds and compiles every query anew. For the two rows every signed-in request
reads (its session, its user), building and compiling took more of the request's CPU than the
database needed to answer. In the profile of an xAPI post, the two reads were about a third of
the post's Python time, the compiling most of it. ``RowByLookups`` keeps the ``SELECT`` per
database alias and only binds the values: each value goes through its field's own
``get_db_prep_value``, and each column through the converters the ORM would apply. The row it
returns is the model instance ``QuerySet.get`` would give (``Model.from_db``), or ``None``.

Only what those reads need: ``exact`` and ``gt`` lookups on concrete fields, joined by AND. As
in the ORM, an ``exact`` integer outside its column's range matches no row (SQLite would refuse
it; a ``gt`` on an integer column is not needed here, so it is not range-checked).
"""

from django.apps import apps
from django.db import connections, router
from django.db.models import IntegerField

OPERATORS = {"exact": "=", "gt": ">"}


class RowByLookups:
    """``RowByLookups("sessions.Session", "session_key", "expire_date__gt").get(key, now)``."""

    def __init__(self, model_label, *lookups):
        self.model_label = model_label
        self.lookups = [lookup.partition("__")[::2] for lookup in lookups]
        for _name, operator in self.lookups:
            if (operator or "exact") not in OPERATORS:
                raise ValueError(f"RowByLookups kent de lookup {operator!r} niet (alleen exact en gt).")
        self._prepared = {}  # alias -> (sql, lookup fields, ranges, columns, converters)

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def _prepare(self, alias):
        """Build the SQL for one database (a race of two threads builds it twice, harmlessly)."""
        prepared = self._prepared.get(alias)
        if prepared is None:
            prepared = self._prepared[alias] = self._build(connections[alias])
        return prepared

    def _build(self, connection):
        model, quote = self.model, connection.ops.quote_name
        meta = model._meta
        columns = list(meta.concrete_fields)
        lookup_fields = [meta.pk if name == "pk" else meta.get_field(name) for name, _operator in self.lookups]
        where = " AND ".join(
            f"{quote(field.column)} {OPERATORS[operator or 'exact']} %s"
            for field, (_name, operator) in zip(lookup_fields, self.lookups, strict=True)
        )
        # Table and column names come from the model's metadata, quoted by the backend.
        sql = f"SELECT {', '.join(quote(f.column) for f in columns)} FROM {quote(meta.db_table)} WHERE {where}"  # noqa: S608
        # The column's range per integer lookup, the backend's own figures (as the ORM's lookups).
        ranges = [
            connection.ops.integer_field_range(field.get_internal_type())
            if isinstance(field, IntegerField) and (operator or "exact") == "exact" else None
            for field, (_name, operator) in zip(lookup_fields, self.lookups, strict=True)
        ]
        converters = []
        for field in columns:
            column = field.get_col(meta.db_table)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            converters.append((column, found))
        return sql, lookup_fields, ranges, columns, converters

    def get(self, *values):
        """The row whose lookups match ``values`` (in the order given), or ``None``."""
        model = self.model
        alias = router.db_for_read(model)
        connection = connections[alias]
        sql, lookup_fields, ranges, columns, converters = self._prepare(alias)
        params = [field.get_db_prep_value(value, connection) for field, value in zip(lookup_fields, values, strict=True)]
        if any(_outside(param, span) for param, span in zip(params, ranges, strict=True)):
            return None
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            row = cursor.fetchone()
        if row is None:
            return None
        converted = []
        for value, (column, found) in zip(row, converters, strict=True):
            for converter in found:
                value = converter(value, column, connection)
            converted.append(value)
        return model.from_db(alias, [f.attname for f in columns], converted)


def _outside(value, span) -> bool:
    """Whether an integer ``value`` lies outside its column's ``(lowest, highest)`` range."""
    if span is None or value is None:
        return False
    lowest, highest = span
    return (lowest is not None and value < lowest) or (highest is not None and value > highest)
