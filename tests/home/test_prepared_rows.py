"""``home.prepared_rows``: a row read by SQL built once is the row ``QuerySet.get`` gives, on
SQLite and on PostgreSQL, for every kind of column the project stores (converters included)."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from h5p.models import H5PActivity, H5PAttempt, H5PPackage
from home.prepared_rows import RowByLookups

pytestmark = pytest.mark.django_db


def field_values(instance):
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_every_column_kind_comes_back_as_the_orm_gives_it(coordinator):
    activity = H5PActivity.objects.create(title="Gevoelens", slug="gevoelens")
    package = H5PPackage.objects.create(
        activity=activity, version=1, main_library="H5P.Blanks", main_library_version="1.14",
        libraries=[{"machineName": "H5P.Blanks", "majorVersion": 1}], h5p_json={"title": "Zeg het – «ﺍﻟﺴﻼﻡ»"},
        uploaded_by=coordinator, archive_size=2**40,
    )
    attempt = H5PAttempt.objects.create(
        activity=activity, package=package, learner_key="t:1", audience="teacher", verb="completed",
        raw_score=1.5, max_score=2, scaled_score=0.75, success=False, completion=True,
        duration=timedelta(minutes=3, seconds=2, microseconds=5),
    )
    empty = H5PAttempt.objects.create(activity=activity, learner_key="c:x", audience="carer", verb="answered")

    for model, pk in ((H5PPackage, package.pk), (H5PAttempt, attempt.pk), (H5PAttempt, empty.pk)):
        row = RowByLookups(model._meta.label, "pk").get(pk)
        expected = model.objects.get(pk=pk)
        assert field_values(row) == field_values(expected)
        assert row._state.adding is False and row._state.db == "default"
    row = RowByLookups("h5p.H5PAttempt", "pk").get(attempt.pk)
    assert row.success is False and row.completion is True  # not 0 and 1 (SQLite)
    assert row.duration == timedelta(minutes=3, seconds=2, microseconds=5)
    assert timezone.is_aware(row.created_at)


def test_no_row_and_the_gt_lookup(client, teacher):
    client.force_login(teacher)
    key = client.session.session_key
    live = RowByLookups("sessions.Session", "session_key", "expire_date__gt")
    now = timezone.now()
    assert live.get(key, now).session_data == Session.objects.get(pk=key).session_data
    Session.objects.filter(pk=key).update(expire_date=now - timedelta(seconds=1))
    assert live.get(key, now) is None
    assert live.get("bestaat-niet", now) is None
    assert live.get("x" * 10_000, now) is None  # longer than the column: no row, no error


def test_one_query_per_read_and_a_bad_value_refused_as_the_orm_refuses_it(teacher):
    by_pk = RowByLookups("accounts.User", "pk")
    with CaptureQueriesContext(connection) as queries:
        assert by_pk.get(teacher.pk).email == teacher.email
        assert by_pk.get(str(teacher.pk)).pk == teacher.pk  # the session keeps the id as text
    assert len(queries) == 2
    assert "LIMIT" not in queries[0]["sql"]
    with pytest.raises(ValueError, match="expected a number"):
        by_pk.get("1 OR 1=1")
    with pytest.raises(ValueError, match="expected a number"):
        type(teacher).objects.get(pk="1 OR 1=1")


def test_only_the_lookups_it_knows():
    with pytest.raises(ValueError, match="kent de lookup"):
        RowByLookups("accounts.User", "email__icontains")


@pytest.mark.parametrize("value", [2**70, -(2**70), 2**63, "٣", "３", "1_0"])
def test_huge_numbers_and_unicode_digits_as_the_orm_takes_them(teacher, value):
    """Out of the column's range: no row, as the ORM (not SQLite's OverflowError). Unicode digits
    and underscores: whatever int() makes of them, as the ORM."""
    model = type(teacher)
    expected = model.objects.filter(pk=value).first()
    assert RowByLookups("accounts.User", "pk").get(value) == expected
