"""Writes: one answer per delivery / household / teacher, bad values save nothing, edit window,
exercises as countable rows, single-use year survey links, redaction in the audit log."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from feedback import services
from feedback.models import CourseFeedback, LessonFeedback, ModuleFeedback, SchoolYearSurvey, SkippedExercise
from schools import services as school_services

SCALES = dict(pupils_engaged=4, fits_groep=3, preparation_feasible=5, time_sufficient=2)


@pytest.mark.django_db
def test_lesson_exercises_lists_exercises_and_steps_without_one(lesson_with_exercises):
    titles = [part["title"] for part in services.lesson_exercises(lesson_with_exercises)]
    assert titles == ["Talentenjacht", "Complimentenregen", "Nabespreken"]


@pytest.mark.django_db
def test_one_feedback_per_delivery_second_save_updates(groep_a, lesson_with_exercises, deliver):
    delivery = deliver(groep_a, lesson_with_exercises)
    exercises = services.lesson_exercises(lesson_with_exercises)
    services.save_lesson_feedback(delivery, grade=7, **SCALES, skipped=[exercises[0]["block_id"]], changed=[exercises[1]["block_id"]])
    services.save_lesson_feedback(delivery, grade=9, **SCALES, what_to_change="  Meer tijd.  ", skipped=[exercises[2]["block_id"]])
    feedback = LessonFeedback.objects.get()
    assert (feedback.grade, feedback.what_to_change) == (9, "Meer tijd.")
    assert list(SkippedExercise.objects.values_list("title", "kind")) == [("Nabespreken", "overgeslagen")]


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [{"grade": 0}, {"grade": 11}, {"grade": 10**30}, {"time_sufficient": 6}, {"what_worked": "x" * 1001}])
def test_out_of_range_lesson_feedback_saves_nothing(groep_a, lesson_with_exercises, deliver, bad):
    delivery = deliver(groep_a, lesson_with_exercises)
    values = {"grade": 7, **SCALES} | bad
    with pytest.raises(ValidationError):
        services.save_lesson_feedback(delivery, **values)
    assert not LessonFeedback.objects.exists()


@pytest.mark.django_db
def test_unknown_exercise_is_refused_and_nothing_saved(groep_a, lesson_with_exercises, deliver):
    with pytest.raises(ValidationError):
        services.save_lesson_feedback(deliver(groep_a, lesson_with_exercises), grade=7, **SCALES, skipped=["geen-blok"])
    assert not LessonFeedback.objects.exists() and not SkippedExercise.objects.exists()


@pytest.mark.django_db
def test_lesson_feedback_can_be_changed_for_14_days_only(groep_a, lesson_with_exercises, deliver):
    delivery = deliver(groep_a, lesson_with_exercises)
    feedback = services.save_lesson_feedback(delivery, grade=7, **SCALES)
    LessonFeedback.objects.filter(pk=feedback.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))
    with pytest.raises(ValidationError, match="14 dagen"):
        services.save_lesson_feedback(delivery, grade=3, **SCALES)
    assert LessonFeedback.objects.get().grade == 7


@pytest.mark.django_db
def test_module_feedback_one_per_household_second_updates(groep_a, tree):
    household = school_services.create_household(groep_a)
    module = tree["modules"][0]
    services.save_module_feedback(household, module, grade=6, useful=3, recommend="nee")
    services.save_module_feedback(household, module, grade=9, useful=5, recommend="ja", comment="Fijn")
    assert list(ModuleFeedback.objects.values_list("grade", "recommend", "comment")) == [(9, "ja", "Fijn")]


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [{"grade": -1}, {"useful": 0}, {"recommend": "JA"}, {"recommend": "misschien"}, {"comment": "\x00"}])
def test_bad_module_feedback_saves_nothing(groep_a, tree, bad):
    household = school_services.create_household(groep_a)
    with pytest.raises(ValidationError):
        services.save_module_feedback(household, tree["modules"][0], **({"grade": 8, "useful": 4, "recommend": "ja"} | bad))
    assert not ModuleFeedback.objects.exists()


@pytest.mark.django_db
def test_course_feedback_one_per_teacher(teacher):
    services.save_course_feedback(teacher, preparedness=2, what_would_help="Een voorbeeldles")
    services.save_course_feedback(teacher, preparedness=4)
    assert list(CourseFeedback.objects.values_list("preparedness", "what_would_help")) == [(4, "")]


@pytest.mark.django_db
def test_year_survey_link_is_mailed_and_single_use(school_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        survey = services.create_year_survey(school_a, 2026, base_url="https://bounce.example/")
    assert mail.outbox[0].to == ["mieke@regenboog.example"]
    assert f"https://bounce.example/jaarevaluatie/{survey.token}/" in mail.outbox[0].body
    answers = dict(continue_next_year="ja", extend_to_other_groepen="weet_niet", recommend_score=9, obstacle_time=True,
                   obstacle_curriculum=False, obstacle_training=False, obstacle_parents=False, obstacle_other=False,
                   obstacle_other_text="wordt leeg", comment="Goed jaar")
    services.answer_year_survey(survey.token, **answers)
    with pytest.raises(ValidationError, match="al gebruikt"):
        services.answer_year_survey(survey.token, **answers | {"recommend_score": 0})
    survey.refresh_from_db()
    assert (survey.recommend_score, survey.obstacle_other_text, survey.answered_at is not None) == (9, "", True)
    with pytest.raises(ValidationError):
        services.create_year_survey(school_a, 2026, send=False)


@pytest.mark.django_db
def test_new_year_survey_link_replaces_the_unanswered_one(school_a):
    first = services.create_year_survey(school_a, 2026, send=False).token
    second = services.create_year_survey(school_a, 2026, sent_to="IB@Regenboog.example", send=False)
    assert first != second.token and SchoolYearSurvey.objects.count() == 1 and second.sent_to == "ib@regenboog.example"
    with pytest.raises(ValidationError):
        services.answer_year_survey(first, recommend_score=5)


@pytest.mark.django_db
def test_redaction_blanks_text_keeps_scores_and_is_logged(groep_a, lesson_with_exercises, deliver, coordinator):
    feedback = services.save_lesson_feedback(deliver(groep_a, lesson_with_exercises), grade=4, **SCALES,
                                             what_worked="Naam van een leerling", what_to_change="Ook hier")
    services.redact(feedback, coordinator)
    feedback.refresh_from_db()
    assert (feedback.what_worked, feedback.what_to_change, feedback.grade) == ("", "", 4)
    assert feedback.redacted_at is not None
    entry = ModelLogEntry.objects.get(action="feedback.redact")
    assert (entry.user_id, entry.object_id) == (coordinator.pk, str(feedback.pk))
