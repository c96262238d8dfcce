"""The BOUNCE programme as Wagtail pages.

Three programme indexes (class lessons for groep 7/8, carers' at-home modules, the teacher
course), each holding numbered parts. Other apps rely on these names:
``ProgrammeIndexPage.programme_type``, ``ClassLessonPage.number``, ``HomeModulePage``,
``CourseModulePage`` and ``CourseProgress`` (a teacher's completed course modules).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet


class ProgrammeType(models.TextChoices):
    CLASS = "klas", _("Lessen in de klas (groep 7/8)")
    HOME = "thuis", _("Thuismodules voor ouders/verzorgers")
    COURSE = "cursus", _("Cursus voor leerkrachten")


@register_snippet
class Aspect(TranslatableMixin, models.Model):
    """One of the seven aspects of resilience a lesson trains (editable by coordinators)."""

    name = models.CharField(_("naam"), max_length=100)
    description = models.TextField(_("beschrijving"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("aspect van veerkracht")
        verbose_name_plural = _("aspecten van veerkracht")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ProgrammeIndexPage(Page):
    """Lists the parts of one programme in order."""

    programme_type = models.CharField(_("soort programma"), max_length=10, choices=ProgrammeType.choices)
    intro = RichTextField(_("introductie"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [*Page.content_panels, FieldPanel("programme_type"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["lessons.ClassLessonPage", "lessons.HomeModulePage", "lessons.CourseModulePage"]

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")


class ProgrammePartPage(Page):
    """Fields shared by every numbered part of a programme (abstract)."""

    number = models.PositiveSmallIntegerField(_("nummer"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"))
    summary = models.TextField(_("samenvatting"), max_length=400)

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.FilterField("number")]
    parent_page_types = ["lessons.ProgrammeIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True


class ClassLessonPage(ProgrammePartPage):
    """A lesson a teacher gives to their groep (BOUNCE young, adapted to groep 7/8)."""

    learning_goals = RichTextField(_("leerdoelen"), features=["bold", "italic", "ul", "ol"])
    aspects = ParentalManyToManyField(Aspect, verbose_name=_("aspecten"), blank=True, related_name="lessons")
    materials = RichTextField(_("materialen"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    home_module = models.ForeignKey(
        "lessons.HomeModulePage", verbose_name=_("bijbehorende thuismodule"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="class_lessons",
    )

    class Meta:
        verbose_name = _("les in de klas")
        verbose_name_plural = _("lessen in de klas")


class HomeModulePage(ProgrammePartPage):
    """A short at-home module for carers (10-15 minutes, B1 Dutch, mobile first, public)."""

    class Meta:
        verbose_name = _("thuismodule")
        verbose_name_plural = _("thuismodules")


class CourseModulePage(ProgrammePartPage):
    """A module of the teacher course (the teacher's own preparation)."""

    class Meta:
        verbose_name = _("cursusmodule")
        verbose_name_plural = _("cursusmodules")


class CourseProgress(models.Model):
    """A teacher marked a course module as done. All course modules done = trained ("getraind")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_progress")
    module = models.ForeignKey(CourseModulePage, on_delete=models.CASCADE, related_name="progress")
    completed_at = models.DateTimeField(_("afgerond op"), auto_now_add=True)

    class Meta:
        verbose_name = _("cursusvoortgang")
        verbose_name_plural = _("cursusvoortgang")
        constraints = [models.UniqueConstraint(fields=["user", "module"], name="unique_course_progress")]

    def __str__(self):
        return f"{self.user} – {self.module}"
