"""One xAPI post, one database round trip (``h5p.writes``): all rows or none, the same values
as the ORM stores, and the attempt's model signals sent once."""

import threading

import pytest
from django.db import IntegrityError, connection
from django.db.models.signals import post_save, pre_save
from django.test.utils import CaptureQueriesContext

from h5p import writes
from h5p.models import H5PAttempt, H5PAttemptResult, H5PStatement

from .packages import make_activity, record
from .test_xapi import child, completed

POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def activity(db):
    return make_activity(slug="zc")


def test_an_attempt_with_its_statements_and_results_is_stored_whole(activity):
    with CaptureQueriesContext(connection) as queries:
        attempt = record(activity, "household:4", completed(raw=1, max=2), [child(1), child(2, right=False)])
    if POSTGRES:
        assert len(queries) == 1  # one statement, no BEGIN or COMMIT around it
    stored = H5PAttempt.objects.get()
    assert attempt.pk == stored.pk and not attempt._state.adding
    assert (stored.learner_key, stored.audience, stored.raw_score, stored.max_score, stored.success) == (
        "household:4", "household", 1.0, 2.0, False)
    assert stored.created_at is not None and stored.package_id == activity.current_package_id
    statements = H5PStatement.objects.order_by("pk")
    assert [s.attempt_id for s in statements] == [stored.pk] * 3
    assert statements[0].raw["result"]["score"]["raw"] == 1  # JSON stored as JSON, not as text
    assert statements[1].raw["verb"]["id"].endswith("answered")
    results = H5PAttemptResult.objects.filter(attempt=stored).order_by("pk")
    assert [r.success for r in results] == [True, False]


def test_statements_without_an_attempt_are_one_insert(activity):
    with CaptureQueriesContext(connection) as queries:
        assert record(activity, "user:3", completed(verb="attempted", completion=None) | {"result": {}}) is None
    assert len(queries) == 1
    assert H5PStatement.objects.get().attempt_id is None and not H5PAttempt.objects.exists()


def test_the_attempt_sends_its_model_signals_once(activity):
    seen = []

    def saw(signal):
        return lambda sender, instance, **kwargs: seen.append((signal, kwargs.get("created"), instance.pk is not None))

    on_pre, on_post = saw("pre"), saw("post")
    pre_save.connect(on_pre, sender=H5PAttempt, weak=False)
    post_save.connect(on_post, sender=H5PAttempt, weak=False)
    try:
        record(activity, "user:3", completed())
    finally:
        pre_save.disconnect(on_pre, sender=H5PAttempt)
        post_save.disconnect(on_post, sender=H5PAttempt)
    assert seen == [("pre", None, False), ("post", True, True)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_row_that_fails_stores_nothing_at_all():
    """Outside any transaction, as a real post runs: a broken statement row takes the attempt
    (and the results) with it."""
    activity = make_activity(slug="zc")
    attempt = H5PAttempt(activity=activity, learner_key="user:3", audience="teacher", verb="completed")
    broken = H5PStatement(activity=activity, learner_key="user:3", verb=None, raw={})
    result = H5PAttemptResult(object_id="q1")
    with pytest.raises(IntegrityError):
        writes.insert_attempt(attempt, [broken], [result])
    assert not H5PAttempt.objects.exists()
    assert not H5PStatement.objects.exists() and not H5PAttemptResult.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_posts_racing_from_many_threads_are_all_stored_each_with_its_own_rows():
    """Eight clients posting at once, five attempts each with two sub-questions: every attempt is
    stored with exactly its own statements and results (no id taken from another's insert)."""
    from django.db import connection as default_connection

    activity = make_activity(slug="zc")
    errors, start = [], threading.Barrier(8)

    def client(n):
        try:
            start.wait(10)
            for _ in range(5):
                record(activity, f"household:{n}", completed(raw=1, max=2), [child(1), child(2, right=False)])
        except Exception as error:  # noqa: BLE001 - the assertion below reports it
            errors.append(error)
        finally:
            default_connection.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert H5PAttempt.objects.count() == 40
    for attempt in H5PAttempt.objects.all():
        statements = H5PStatement.objects.filter(attempt=attempt)
        assert statements.count() == 3
        assert set(statements.values_list("learner_key", flat=True)) == {attempt.learner_key}
        assert H5PAttemptResult.objects.filter(attempt=attempt).count() == 2
