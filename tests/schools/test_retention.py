"""Free text is purged after the retention period; counts and scores stay."""

import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from h5p.models import H5PActivity, H5PAttempt, H5PAttemptResult, H5PStatement
from schools.models import LessonDelivery, School

pytestmark = pytest.mark.django_db


def backdate(queryset, days):
    queryset.update(created_at=timezone.now() - datetime.timedelta(days=days))


@pytest.fixture
def old_and_new_text(groep_a, tree, teacher):
    today = timezone.localdate()
    old = LessonDelivery.objects.create(
        groep=groep_a, lesson=tree["lessons"][0], date=today, teacher=teacher, pupils_present=20, minutes=60,
        adaptations="Korter gedaan omdat de gymles uitliep.",
    )
    new = LessonDelivery.objects.create(
        groep=groep_a, lesson=tree["lessons"][1], date=today, teacher=teacher, pupils_present=21, minutes=55,
        adaptations="Tweetallen in plaats van viertallen.",
    )
    backdate(LessonDelivery.objects.filter(pk=old.pk), 400)
    School.objects.filter(pk=groep_a.school_id).update(registration_message="Wij willen graag meedoen.")
    backdate(School.objects.filter(pk=groep_a.school_id), 400)

    activity = H5PActivity.objects.create(title="Reflectie", slug="reflectie-retentie")
    attempt = H5PAttempt.objects.create(
        activity=activity, learner_key="household:1", audience="household", verb="answered", raw_score=2, max_score=3
    )
    H5PAttemptResult.objects.create(attempt=attempt, object_id="q1", response="Mijn zoon vond het spannend", raw_score=1)
    H5PStatement.objects.create(activity=activity, attempt=attempt, learner_key="household:1", verb="answered", raw={"x": 1})
    backdate(H5PAttempt.objects.filter(pk=attempt.pk), 400)
    backdate(H5PStatement.objects.all(), 400)
    return old, new, attempt


def test_purge_blanks_old_free_text_and_keeps_counts_and_scores(old_and_new_text):
    old, new, attempt = old_and_new_text
    out = StringIO()
    call_command("purge_free_text", stdout=out)
    old.refresh_from_db(), new.refresh_from_db(), attempt.refresh_from_db()
    assert old.adaptations == "" and old.pupils_present == 20
    assert new.adaptations == "Tweetallen in plaats van viertallen."
    assert School.objects.get(pk=old.groep.school_id).registration_message == ""
    assert H5PAttemptResult.objects.get().response == "" and H5PAttemptResult.objects.get().raw_score == 1
    assert not H5PStatement.objects.exists() and attempt.raw_score == 2
    assert "schools: aanpassingen in de registratie: 1" in out.getvalue()
    assert "h5p: getypte antwoorden: 1" in out.getvalue()


def test_dry_run_counts_but_changes_nothing(old_and_new_text):
    old, _new, _attempt = old_and_new_text
    out = StringIO()
    call_command("purge_free_text", "--dry-run", stdout=out)
    old.refresh_from_db()
    assert old.adaptations and H5PStatement.objects.exists()
    assert "zou worden verwijderd" in out.getvalue()


def test_a_too_short_retention_is_refused_in_dutch(old_and_new_text):
    with pytest.raises(CommandError, match="minstens 30 dagen"):
        call_command("purge_free_text", "--days", "3", stdout=StringIO())
    old, _new, _attempt = old_and_new_text
    old.refresh_from_db()
    assert old.adaptations
