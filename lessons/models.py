"""The BOUNCE programme as Wagtail pages.

Three programme indexes (class lessons for groep 7/8, carers' at-home modules, the teacher
course), each holding numbered parts. Other apps rely on these names:
``ProgrammeIndexPage.programme_type``, ``ClassLessonPage.number``, ``HomeModulePage``,
``CourseModulePage`` and ``CourseProgress`` (a teacher's completed course modules).
"""

from functools import partial

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from home.page_cache import AnonymousPageCacheMixin

from . import selectors
from .aspect_form import ClassLessonForm
from .blocks import ClassStepBlock, CourseBodyBlock, HomeStepBlock, PreparationBlock
from .forms import ProgrammePartForm
from .programme import ProgrammeType  # other apps import it from here too


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


class ProgrammeIndexPage(AnonymousPageCacheMixin, Page):
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

    @property
    def part_model(self):
        return {ProgrammeType.CLASS: ClassLessonPage, ProgrammeType.HOME: HomeModulePage,
                ProgrammeType.COURSE: CourseModulePage}[self.programme_type]

    @property
    def teachers_only(self):
        """Class lessons and the course are for teachers; the index itself is a public table of contents."""
        return self.programme_type != ProgrammeType.HOME

    @property
    def carer_facing(self):
        """The at-home modules' index may be read in every carer language (home.languages)."""
        return self.programme_type == ProgrammeType.HOME

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.index_context(self, request.user))
        return context


class ProgrammePartPage(Page):
    """Fields shared by every numbered part of a programme (abstract)."""

    number = models.PositiveSmallIntegerField(_("nummer"))
    duration_minutes = models.PositiveSmallIntegerField(_("duur in minuten"))
    summary = models.TextField(_("samenvatting"), max_length=400)

    search_fields = [*Page.search_fields, index.SearchField("summary"), index.FilterField("number")]
    parent_page_types = ["lessons.ProgrammeIndexPage"]
    subpage_types: list[str] = []
    part_panels = [MultiFieldPanel([FieldPanel("number"), FieldPanel("duration_minutes"), FieldPanel("summary")],
                                   heading=_("Plaats en duur"))]
    teachers_only = False
    tracks_course_progress = False  # a teacher can mark it done (CourseProgress)
    base_form_class = ProgrammePartForm

    class Meta:
        abstract = True

    @classmethod
    def can_create_at(cls, parent):
        """A programme holds one kind of part: lessons under the class programme, and so on."""
        return super().can_create_at(parent) and getattr(parent.specific, "part_model", None) is cls

    def access_denied(self, request):
        """Teacher-only parts answer anonymous visitors (and accounts without a role) with a 403
        page that explains why and links to the login, never with a 404."""
        if self.teachers_only and not selectors.is_teacher(request.user):
            return TemplateResponse(request, "lessons/login_required.html", {"page": self}, status=403)
        return None

    def serve(self, request, *args, **kwargs):
        return self.access_denied(request) or self.private(super().serve(request, *args, **kwargs))

    def private(self, response):
        """Teacher-only content must never be stored by a shared cache (proxy, CDN)."""
        if self.teachers_only:
            patch_cache_control(response, private=True)
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.part_context(self, request))
        return context


class ClassLessonPage(RoutablePageMixin, ProgrammePartPage):
    """A lesson a teacher gives to their groep (BOUNCE young, adapted to groep 7/8)."""

    learning_goals = RichTextField(_("leerdoelen"), features=["bold", "italic", "ul", "ol"])
    aspects = ParentalManyToManyField(Aspect, verbose_name=_("aspecten"), blank=True, related_name="lessons")
    materials = RichTextField(_("materialen"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    home_module = models.ForeignKey(
        "lessons.HomeModulePage", verbose_name=_("bijbehorende thuismodule"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="class_lessons",
    )
    preparation = StreamField(PreparationBlock(), verbose_name=_("Voorbereiden"), blank=True,
                              help_text=_("Achtergrond en voorbereiding voor de leerkracht."))
    in_class = StreamField([("step", ClassStepBlock())], verbose_name=_("In de klas"), min_num=1,
                           help_text=_("De stappen van de les; de presentatiemodus toont één stap per scherm."))

    content_panels = [
        *Page.content_panels, *ProgrammePartPage.part_panels,
        FieldPanel("learning_goals"), FieldPanel("aspects"), FieldPanel("materials"), FieldPanel("home_module"),
        FieldPanel("preparation"), FieldPanel("in_class"),
    ]
    search_fields = [*ProgrammePartPage.search_fields, index.SearchField("learning_goals"),
                     index.SearchField("preparation"), index.SearchField("in_class")]
    teachers_only = True
    base_form_class = ClassLessonForm  # aspects of the page's own language, as checkboxes

    class Meta:
        verbose_name = _("les in de klas")
        verbose_name_plural = _("lessen in de klas")

    def serve(self, request, *args, **kwargs):
        # RoutablePageMixin.serve runs the sub-page view directly: check access before it does.
        return self.access_denied(request) or self.private(super().serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            present_url=self.get_url(request) + self.reverse_subpage("present"),
            # Callables, evaluated only when the template renders them: inside the cached
            # lesson body (home.fragment_cache) a cache hit costs no query for them.
            aspects=self.aspects.all,
            worksheets=partial(selectors.worksheets, self),
            home_module=self.home_module if self.home_module_id and self.home_module.live else None,
        )
        return context

    @path("presenteren/", name="present")
    def present(self, request):
        """Presentation mode for the digibord: "In de klas" one step per screen, no site chrome."""
        return self.render(request, template="lessons/class_lesson_present.html")


class HomeModulePage(AnonymousPageCacheMixin, ProgrammePartPage):
    """A short at-home module for carers (10-15 minutes, B1 Dutch, mobile first, public)."""

    child_learned = RichTextField(
        _("Wat uw kind deze week leerde"), blank=True, features=["bold", "italic", "ul"],
        help_text=_("Kort en in eenvoudige taal: wat deed de groep in de les die bij deze module hoort?"),
    )
    steps = StreamField([("step", HomeStepBlock())], verbose_name=_("stappen"), min_num=1, max_num=6)
    done_title = models.CharField(_("titel van de laatste stap"), max_length=120, default=_("Klaar!"))
    done_text = RichTextField(_("tekst van de laatste stap"), features=["bold", "italic", "ul", "link"])
    carer_facing = True  # readable in every carer language (home.languages)

    content_panels = [
        *Page.content_panels, *ProgrammePartPage.part_panels, FieldPanel("child_learned"), FieldPanel("steps"),
        MultiFieldPanel([FieldPanel("done_title"), FieldPanel("done_text")], heading=_("Laatste stap")),
    ]
    search_fields = [*ProgrammePartPage.search_fields, index.SearchField("child_learned"), index.SearchField("steps")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = list(self.class_lessons.live().order_by("number").only("id", "title", "number", "url_path", "path", "depth", "home_module_id"))
        return context

    class Meta:
        verbose_name = _("thuismodule")
        verbose_name_plural = _("thuismodules")


class CourseModulePage(ProgrammePartPage):
    """A module of the teacher course (the teacher's own preparation)."""

    body = StreamField(CourseBodyBlock(), verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, *ProgrammePartPage.part_panels, FieldPanel("body")]
    search_fields = [*ProgrammePartPage.search_fields, index.SearchField("body")]
    teachers_only = True
    tracks_course_progress = True

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
