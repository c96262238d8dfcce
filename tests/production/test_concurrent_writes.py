"""Two requests writing at once both succeed (no "database is locked" 500 on SQLite).

The case the teacher journey met: a transaction that read first and writes second (logging a
lesson) while another connection writes in between (the H5P player posting a statement). With
SQLite's default deferred transactions the first one fails at its write; the settings open
write transactions IMMEDIATE, so the second writer waits for the lock instead. PostgreSQL passes
the same test by row versioning.
"""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connection, transaction


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_write_between_a_transactions_read_and_its_write_waits_instead_of_failing():
    Group.objects.create(name="bestaand")
    errors, other_done = [], threading.Event()

    def other_writer():
        try:
            Group.objects.create(name="tussendoor")
        except Exception as error:  # noqa: BLE001 - the assertion below reports it
            errors.append(error)
        finally:
            other_done.set()
            connection.close()

    with transaction.atomic():
        assert Group.objects.filter(name="bestaand").exists()  # the transaction reads first
        thread = threading.Thread(target=other_writer)
        thread.start()
        other_done.wait(0.5)  # deferred SQLite: the other write commits here; IMMEDIATE: it waits
        Group.objects.create(name="daarna")  # ... and this write would then fail as "locked"
    thread.join(30)
    assert errors == []
    assert set(Group.objects.filter(name__in=["tussendoor", "daarna"]).values_list("name", flat=True)) == {"tussendoor", "daarna"}
