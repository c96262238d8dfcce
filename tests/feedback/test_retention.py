"""``purge_free_text`` blanks feedback's old open answers of every instrument; scores, skipped
exercises and themes stay; ``--dry-run`` only counts."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback import services
from feedback.models import CourseFeedback, FeedbackTheme, LessonFeedback, ModuleFeedback


@pytest.mark.django_db
def test_purge_blanks_old_open_answers_only(groep_a, tree, rate, carer_answer, teacher):
    theme = FeedbackTheme.objects.create(name="Tijdgebrek")
    old = rate(groep_a, tree["lessons"][0], 6, what_worked="Oud", what_to_change="Ook oud")
    services.set_themes(old, [theme])
    new = rate(groep_a, tree["lessons"][1], 8, what_worked="Nieuw")
    old_carer = carer_answer(groep_a, tree["modules"][0], 7, comment="Oude opmerking")
    services.save_course_feedback(teacher, preparedness=3, what_would_help="Oude wens")
    long_ago = timezone.now() - datetime.timedelta(days=400)
    LessonFeedback.objects.filter(pk=old.pk).update(created_at=long_ago)
    ModuleFeedback.objects.filter(pk=old_carer.pk).update(created_at=long_ago)
    CourseFeedback.objects.update(created_at=long_ago)

    out = io.StringIO()
    call_command("purge_free_text", "--dry-run", stdout=out)
    assert "feedback: open antwoorden na een les: 1" in out.getvalue()
    assert LessonFeedback.objects.get(pk=old.pk).what_worked == "Oud"

    call_command("purge_free_text", stdout=io.StringIO())
    old.refresh_from_db(), new.refresh_from_db(), old_carer.refresh_from_db()
    assert (old.what_worked, old.what_to_change, old.grade, list(old.themes.all())) == ("", "", 6, [theme])
    assert new.what_worked == "Nieuw"
    assert (old_carer.comment, old_carer.grade) == ("", 7)
    assert CourseFeedback.objects.get().what_would_help == ""
