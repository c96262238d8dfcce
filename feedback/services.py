"""Writes for feedback: the five instruments' answers, themes, redaction and the year survey links.

Every write validates the whole record first (``full_clean``) and runs in one transaction, so
an out-of-range value or a race between two submissions leaves nothing half-written.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import conf
from .models import CourseFeedback, ExerciseChange, LessonFeedback, ModuleFeedback, SchoolYearSurvey, SkippedExercise

REDACT_ACTION = "feedback.redact"


def lesson_exercises(lesson) -> list[dict]:
    """The exercises of a class lesson ({"block_id", "title"}), in the order of "In de klas".

    Read from the lesson's StreamField: each exercise block inside a step; a step without an
    exercise counts as one part itself (so a lesson of discussions still has parts to skip)."""
    parts = []
    for step in lesson.in_class:
        exercises = [child for child in step.value["content"] if child.block_type == "exercise"]
        if exercises:
            parts.extend({"block_id": child.id, "title": child.value["title"]} for child in exercises)
        else:
            parts.append({"block_id": step.id, "title": step.value["title"]})
    return parts


def can_edit_since(created_at) -> bool:
    return timezone.now() - created_at <= timedelta(days=conf.EDIT_DAYS)


def can_still_edit(feedback: LessonFeedback) -> bool:
    return can_edit_since(feedback.created_at)


@transaction.atomic
def save_lesson_feedback(delivery, *, grade, pupils_engaged, fits_groep, preparation_feasible, time_sufficient,
                         what_worked="", what_to_change="", skipped=(), changed=()) -> LessonFeedback:
    """Create or (within ``EDIT_DAYS``) update the one feedback of ``delivery``.

    ``skipped``/``changed`` are block ids of the lesson's exercises; unknown ids are refused."""
    exercises = {part["block_id"]: part["title"] for part in lesson_exercises(delivery.lesson)}
    unknown = (set(skipped) | set(changed)) - set(exercises)
    if unknown:
        raise ValidationError({"skipped": _("Kies alleen oefeningen uit deze les.")})
    feedback = LessonFeedback.objects.select_for_update().filter(delivery=delivery).first()
    if feedback is not None and not can_still_edit(feedback):
        raise ValidationError(_("Feedback kan tot %(days)s dagen na het invullen worden gewijzigd.") % {"days": conf.EDIT_DAYS})
    feedback = feedback or LessonFeedback(delivery=delivery)
    feedback.grade, feedback.pupils_engaged, feedback.fits_groep = grade, pupils_engaged, fits_groep
    feedback.preparation_feasible, feedback.time_sufficient = preparation_feasible, time_sufficient
    feedback.what_worked, feedback.what_to_change = (what_worked or "").strip(), (what_to_change or "").strip()
    feedback.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:  # two tabs submitting the first answer at once
        raise ValidationError(_("Voor deze les is net al feedback opgeslagen. Open de feedback opnieuw om die te wijzigen.")) from error
    feedback.skipped_exercises.all().delete()
    kinds = {block_id: ExerciseChange.CHANGED for block_id in changed} | {block_id: ExerciseChange.SKIPPED for block_id in skipped}
    SkippedExercise.objects.bulk_create(
        SkippedExercise(feedback=feedback, block_id=block_id, title=exercises[block_id][:120], kind=kind) for block_id, kind in kinds.items()
    )
    return feedback


@transaction.atomic
def save_module_feedback(household, module, *, grade, useful, recommend, comment="") -> ModuleFeedback:
    """One answer per household and module: a second submission updates the first."""
    feedback = ModuleFeedback.objects.select_for_update().filter(household=household, module=module).first()
    feedback = feedback or ModuleFeedback(household=household, module=module)
    feedback.grade, feedback.useful, feedback.recommend, feedback.comment = grade, useful, recommend, (comment or "").strip()
    feedback.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:  # the same household on two phones at once: the later answer wins
        return save_module_feedback(household, module, grade=grade, useful=useful, recommend=recommend, comment=comment)
    return feedback


@transaction.atomic
def save_course_feedback(teacher, *, preparedness, what_would_help="") -> CourseFeedback:
    feedback = CourseFeedback.objects.select_for_update().filter(teacher=teacher).first() or CourseFeedback(teacher=teacher)
    feedback.preparedness, feedback.what_would_help = preparedness, (what_would_help or "").strip()
    feedback.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError as error:
        raise ValidationError(_("Uw antwoord is net al opgeslagen. Probeer het nog eens om het te wijzigen.")) from error
    return feedback


# School year survey --------------------------------------------------------------------------

@transaction.atomic
def create_year_survey(school, school_year: int, *, sent_to: str = "", send: bool = True, base_url: str = "") -> SchoolYearSurvey:
    """A single-use link for the school's contact (or ``sent_to``), e-mailed when ``send``.

    A second call for the same school and year gives the unanswered survey a fresh token (the
    old link stops working) and refuses an answered one."""
    survey = SchoolYearSurvey.objects.select_for_update().filter(school=school, school_year=school_year).first()
    if survey and survey.answered_at:
        raise ValidationError(_("Deze school heeft de jaarevaluatie voor dit schooljaar al ingevuld."))
    survey = survey or SchoolYearSurvey(school=school, school_year=school_year)
    survey.sent_to = (sent_to or school.contact_email).strip().lower()
    survey.token = secrets.token_urlsafe(32)
    survey.full_clean(exclude=["token"], validate_unique=False)
    survey.save()
    if send:
        link = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/") + reverse("feedback:year_survey", args=[survey.token])
        body = render_to_string("feedback/email/year_survey.txt", {"survey": survey, "school": school, "link": link})
        subject = _("Hoe ging BOUNCE dit schooljaar op %(school)s?") % {"school": school.name}
        transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [survey.sent_to]))
    return survey


@transaction.atomic
def answer_year_survey(token: str, **answers) -> SchoolYearSurvey:
    """Store the answers once; the token is then spent (a second submission is refused)."""
    survey = SchoolYearSurvey.objects.select_for_update().filter(token=token).first()
    if survey is None or survey.answered_at is not None:
        raise ValidationError(_("Deze link is al gebruikt of bestaat niet."))
    for name, value in answers.items():
        setattr(survey, name, value.strip() if isinstance(value, str) else value)
    if not survey.obstacle_other:
        survey.obstacle_other_text = ""
    survey.answered_at = timezone.now()
    survey.full_clean(validate_unique=False)
    survey.save()
    return survey


# Themes and redaction ------------------------------------------------------------------------

@transaction.atomic
def set_themes(feedback, themes) -> None:
    feedback.themes.set(themes)


@transaction.atomic
def redact(feedback, user) -> None:
    """Blank every open answer of ``feedback`` (scores stay) and log it in Wagtail's audit log."""
    for name in feedback.OPEN_FIELDS:
        setattr(feedback, name, "")
    feedback.redacted_at = timezone.now()
    feedback.save(update_fields=[*feedback.OPEN_FIELDS, "redacted_at", "updated_at"])
    log(feedback, REDACT_ACTION, user=user)
