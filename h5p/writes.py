"""Storing one xAPI post in a single database round trip.

Every answer a learner gives is one post, and the site must take hundreds a second without
losing one. Through the ORM, a post that starts an attempt cost four round trips (BEGIN, the
attempt's INSERT, the statements' INSERT, COMMIT) and one without an attempt three. Here:

* rows without an attempt are one multi-row ``INSERT`` in autocommit, which is atomic by itself;
* on PostgreSQL an attempt, its statements and its result rows are one statement: the attempt's
  ``INSERT ... RETURNING`` in a ``WITH`` clause, and the other rows take its id from there.
  PostgreSQL runs every data-modifying part of a ``WITH`` to completion, as one statement, so
  either all rows are stored or none. Other databases (SQLite) use the ORM in a transaction.

Values go through each field's own ``pre_save`` (``auto_now_add``) and ``get_db_prep_save``
(JSON, booleans), exactly as the ORM would send them; the attempt gets its primary key back and
the model signals the ORM would send for it (``pre_save``, ``post_save`` with ``created``).
"""

from django.db import connections, router, transaction
from django.db.models.signals import post_save, pre_save

# NAMES: the SQL here holds only table and column names from the models' own metadata, quoted
# by the database backend; every value is a query parameter.


def _columns_and_values(objs, connection, skip=()):
    """The concrete columns (but the primary key and ``skip``) and one value row per object."""
    model = type(objs[0])
    fields = [f for f in model._meta.concrete_fields if not f.primary_key and f.name not in skip]
    rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objs]
    return fields, rows


def _insert_sql(objs, connection, attempt_column=None):
    """``INSERT INTO t (cols) VALUES (...), ...`` for ``objs``; with ``attempt_column`` that
    column takes the id of the ``attempt`` part of the surrounding ``WITH``."""
    quote = connection.ops.quote_name
    model = type(objs[0])
    skip = {"attempt"} if attempt_column else ()
    fields, rows = _columns_and_values(objs, connection, skip)
    columns = [quote(f.column) for f in fields]
    one_row = ", ".join(["%s"] * len(fields))
    if attempt_column:
        columns.append(quote(attempt_column))
        one_row += ", (SELECT id FROM attempt)"
    table = quote(model._meta.db_table)
    values = ", ".join([f"({one_row})"] * len(rows))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}"  # noqa: S608 (see NAMES)
    return sql, [value for row in rows for value in row]


def insert_rows(objs) -> None:
    """Store ``objs`` (one model, no attempt to create) with one statement."""
    if not objs:
        return
    connection = connections[router.db_for_write(type(objs[0]))]
    sql, params = _insert_sql(objs, connection)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def insert_attempt(attempt, statements, results) -> None:
    """Store a new ``attempt`` with its ``statements`` and ``results`` (all or nothing); sets
    ``attempt.pk``. The rows' ``attempt`` is this attempt, whatever they hold."""
    model = type(attempt)
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql":
        with transaction.atomic(using=using):
            attempt.save(force_insert=True, using=using)  # sends the model signals itself
            for rows in (statements, results):
                for row in rows:
                    row.attempt = attempt
                if rows:
                    type(rows[0]).objects.using(using).bulk_create(rows)
        return
    pre_save.send(sender=model, instance=attempt, raw=False, using=using, update_fields=None)
    quote = connection.ops.quote_name
    fields, [values] = _columns_and_values([attempt], connection)
    parts = [
        f"attempt AS (INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))}) RETURNING {quote(model._meta.pk.column)} AS id)"
    ]
    params = list(values)
    for number, rows in enumerate((statements, results)):
        if rows:
            column = type(rows[0])._meta.get_field("attempt").column
            sql, row_params = _insert_sql(rows, connection, attempt_column=column)
            parts.append(f"rows_{number} AS ({sql})")
            params += row_params
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(parts)} SELECT id FROM attempt", params)  # noqa: S608 (see NAMES)
        attempt.pk = cursor.fetchone()[0]
    attempt._state.adding, attempt._state.db = False, using
    for row in (*statements, *results):
        row.attempt = attempt
    post_save.send(sender=model, instance=attempt, created=True, update_fields=None, raw=False, using=using)
