"""Feedback on the programme, as typed answers that the database can count.

Five instruments: after a class lesson (teacher), after an at-home module (carer, anonymous),
after the teacher course, at the end of a school year (per school, by a single-use link) and
ad-hoc surveys (Wagtail form pages). Open answers are length-limited, can be tagged with
coordinator-defined themes (``FeedbackTheme``) and are blanked after the retention period
(``retention.py``) or when a coordinator redacts one (``redacted_at``).

The rollout dashboard reads these names: ``LessonFeedback`` (``delivery.feedback``),
``SkippedExercise``, ``ModuleFeedback``, ``CourseFeedback``, ``SchoolYearSurvey``.
"""

from django.conf import settings
from django.core.validators import (
    MaxLengthValidator,
    MaxValueValidator,
    MinValueValidator,
    ProhibitNullCharactersValidator,
)
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from schools import schoolyear

OPEN_ANSWER_MAX_LENGTH = 1000


def grade_field(verbose_name):
    return models.PositiveSmallIntegerField(verbose_name, validators=[MinValueValidator(1), MaxValueValidator(10)])


def scale_field(verbose_name):
    return models.PositiveSmallIntegerField(verbose_name, validators=[MinValueValidator(1), MaxValueValidator(5)])


def open_answer(verbose_name):
    # TextField's max_length only limits form widgets: the validators hold it (and refuse NUL,
    # which PostgreSQL cannot store) for every write, not only through the forms.
    return models.TextField(verbose_name, blank=True, max_length=OPEN_ANSWER_MAX_LENGTH,
                            validators=[MaxLengthValidator(OPEN_ANSWER_MAX_LENGTH), ProhibitNullCharactersValidator()])


class YesNoUnsure(models.TextChoices):
    YES = "ja", _("Ja")
    NO = "nee", _("Nee")
    UNSURE = "weet_niet", _("Weet ik niet")


class FeedbackTheme(index.Indexed, models.Model):
    """A theme coordinators define to tag open answers ("tijdgebrek", "oefening te moeilijk")."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    description = models.TextField(_("omschrijving"), blank=True, max_length=500)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Redactable(models.Model):
    """Fields shared by every instrument with open answers (abstract)."""

    OPEN_FIELDS: tuple[str, ...] = ()

    redacted_at = models.DateTimeField(_("open antwoord verwijderd op"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


class LessonFeedback(Redactable):
    """A teacher's "Hoe ging de les?" for one registered delivery (one per delivery)."""

    OPEN_FIELDS = ("what_worked", "what_to_change")

    delivery = models.OneToOneField("schools.LessonDelivery", verbose_name=_("gegeven les"), on_delete=models.CASCADE, related_name="feedback")
    grade = grade_field(_("rapportcijfer"))
    pupils_engaged = scale_field(_("de leerlingen waren betrokken"))
    fits_groep = scale_field(_("de les paste bij mijn groep"))
    preparation_feasible = scale_field(_("de voorbereiding was haalbaar"))
    time_sufficient = scale_field(_("de tijd was voldoende"))
    what_worked = open_answer(_("wat werkte goed"))
    what_to_change = open_answer(_("wat zou u veranderen"))
    themes = models.ManyToManyField(FeedbackTheme, verbose_name=_("thema's"), blank=True, related_name="lesson_feedback")

    class Meta:
        verbose_name = _("feedback op een les")
        verbose_name_plural = _("feedback op lessen")
        ordering = ["-created_at"]

    def __str__(self):
        return str(_("Feedback op %(delivery)s") % {"delivery": self.delivery})


class ExerciseChange(models.TextChoices):
    SKIPPED = "overgeslagen", _("Overgeslagen")
    CHANGED = "aangepast", _("Aangepast")


class SkippedExercise(models.Model):
    """An exercise of the lesson the teacher skipped or changed (a row, so skips are countable)."""

    feedback = models.ForeignKey(LessonFeedback, on_delete=models.CASCADE, related_name="skipped_exercises")
    block_id = models.CharField(_("blok-id"), max_length=64)
    title = models.CharField(_("oefening"), max_length=120)
    kind = models.CharField(_("soort"), max_length=12, choices=ExerciseChange.choices)

    class Meta:
        verbose_name = _("overgeslagen of aangepaste oefening")
        verbose_name_plural = _("overgeslagen of aangepaste oefeningen")
        constraints = [models.UniqueConstraint(fields=["feedback", "block_id"], name="unique_exercise_per_feedback")]

    def __str__(self):
        return f"{self.title} ({self.get_kind_display()})"


class ModuleFeedback(Redactable):
    """A carer household's answer after an at-home module (anonymous; one per household and module)."""

    OPEN_FIELDS = ("comment",)

    household = models.ForeignKey("schools.Household", on_delete=models.CASCADE, related_name="module_feedback")
    module = models.ForeignKey("lessons.HomeModulePage", verbose_name=_("thuismodule"), on_delete=models.CASCADE, related_name="feedback")
    grade = grade_field(_("rapportcijfer"))
    useful = scale_field(_("nuttig"))
    recommend = models.CharField(_("aanraden aan andere ouders"), max_length=10, choices=YesNoUnsure.choices)
    comment = open_answer(_("opmerking"))
    themes = models.ManyToManyField(FeedbackTheme, verbose_name=_("thema's"), blank=True, related_name="module_feedback")

    class Meta:
        verbose_name = _("feedback op een thuismodule")
        verbose_name_plural = _("feedback op thuismodules")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["household", "module"], name="unique_module_feedback_per_household")]

    def __str__(self):
        return str(_("Feedback op %(module)s") % {"module": self.module.title})


class CourseFeedback(Redactable):
    """A teacher's answer after the teacher course (one per teacher; a second one updates it)."""

    OPEN_FIELDS = ("what_would_help",)

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("leerkracht"), on_delete=models.CASCADE, related_name="course_feedback")
    preparedness = scale_field(_("voorbereid op het geven van de lessen"))
    what_would_help = open_answer(_("wat zou helpen"))
    themes = models.ManyToManyField(FeedbackTheme, verbose_name=_("thema's"), blank=True, related_name="course_feedback")

    class Meta:
        verbose_name = _("feedback op de cursus")
        verbose_name_plural = _("feedback op de cursus")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["teacher"], name="unique_course_feedback_per_teacher")]

    def __str__(self):
        return str(_("Cursusfeedback %(pk)s") % {"pk": self.pk})


class SchoolYearSurvey(Redactable):
    """The end-of-year questions to a school's contact or IB'er, answered once through a link."""

    OPEN_FIELDS = ("obstacle_other_text", "comment")

    school = models.ForeignKey("schools.School", verbose_name=_("school"), on_delete=models.CASCADE, related_name="year_surveys")
    school_year = models.PositiveSmallIntegerField(_("schooljaar"), default=schoolyear.current_school_year)
    token = models.CharField(max_length=64, unique=True, editable=False)
    sent_to = models.EmailField(_("verstuurd aan"), blank=True, help_text=_("Leeg: het werk-e-mailadres van de contactpersoon van de school."))
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    continue_next_year = models.CharField(_("volgend schooljaar doorgaan"), max_length=10, choices=YesNoUnsure.choices, blank=True)
    extend_to_other_groepen = models.CharField(_("uitbreiden naar andere groepen"), max_length=10, choices=YesNoUnsure.choices, blank=True)
    recommend_score = models.PositiveSmallIntegerField(_("aanbevelen aan andere scholen (0-10)"), null=True, blank=True, validators=[MaxValueValidator(10)])
    obstacle_time = models.BooleanField(_("belemmering: tijd"), default=False)
    obstacle_curriculum = models.BooleanField(_("belemmering: past niet in het lesprogramma"), default=False)
    obstacle_training = models.BooleanField(_("belemmering: training"), default=False)
    obstacle_parents = models.BooleanField(_("belemmering: ouders bereiken"), default=False)
    obstacle_other = models.BooleanField(_("belemmering: anders"), default=False)
    obstacle_other_text = models.CharField(_("andere belemmering"), max_length=300, blank=True)
    comment = open_answer(_("opmerking"))
    themes = models.ManyToManyField(FeedbackTheme, verbose_name=_("thema's"), blank=True, related_name="year_surveys")

    class Meta:
        verbose_name = _("jaarevaluatie")
        verbose_name_plural = _("jaarevaluaties")
        ordering = ["-school_year", "-created_at"]
        constraints = [models.UniqueConstraint(fields=["school", "school_year"], name="unique_year_survey_per_school")]

    def __str__(self):
        return f"{self.school.name} {self.school_year_label}"

    @property
    def school_year_label(self) -> str:
        return schoolyear.label(self.school_year)


class SurveyFormField(AbstractFormField):
    page = ParentalKey("SurveyPage", on_delete=models.CASCADE, related_name="form_fields")


class SurveyPage(AbstractEmailForm):
    """An ad-hoc survey built by a coordinator with Wagtail's form builder (submissions export as CSV/XLSX).

    Anything the five typed instruments do not ask; answers are stored as Wagtail form submissions."""

    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])
    thank_you_text = RichTextField(_("bedankttekst"), blank=True, features=["bold", "italic", "link"])

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("vragen")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]), FieldPanel("subject")],
            heading=_("E-mail bij een nieuw antwoord (optioneel)"),
        ),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("vragenlijst")
        verbose_name_plural = _("vragenlijsten")
