"""Registration only: the analysis pages, the answers per instrument (tag themes, redact), the
school year surveys, the themes snippet, the redaction log action, and feedback's answers to the
schools hooks (``schools_delivery_logged``, ``schools_delivery_actions``, ``schools_module_completed``)."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, services
from .models import CourseFeedback, FeedbackTheme, LessonFeedback, ModuleFeedback, SchoolYearSurvey

# Analysis ------------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_analysis_urls():
    return [
        path("feedback/analyse/lessen/", admin_views.LessonAnalysisView.as_view(), name="feedback_analysis_lessons"),
        path("feedback/analyse/lessen/resultaten/", admin_views.LessonAnalysisView.as_view(results_only=True), name="feedback_analysis_lessons_results"),
        path("feedback/analyse/thuismodules/", admin_views.ModuleAnalysisView.as_view(), name="feedback_analysis_modules"),
        path("feedback/analyse/thuismodules/resultaten/", admin_views.ModuleAnalysisView.as_view(results_only=True), name="feedback_analysis_modules_results"),
        path("feedback/antwoord/<str:kind>/<int:pk>/verwijderen/", admin_views.redact, name="feedback_redact"),
    ]


class AnalysisMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.view_lessonfeedback")


@hooks.register("register_reports_menu_item")
def register_lesson_analysis_menu_item():
    return AnalysisMenuItem(_("Feedback per les"), reverse("feedback_analysis_lessons"), icon_name="list-ul", order=710)


@hooks.register("register_reports_menu_item")
def register_module_analysis_menu_item():
    return AnalysisMenuItem(_("Feedback per thuismodule"), reverse("feedback_analysis_modules"), icon_name="list-ul", order=711)


@hooks.register("register_log_actions")
def register_feedback_log_actions(actions):
    actions.register_action(services.REDACT_ACTION, _("Open antwoord verwijderd"), _("Open antwoord van een feedback verwijderd (cijfers blijven)"))


# Answers per instrument ----------------------------------------------------------------------

class RedactColumn(Column):
    """A link to blank this answer's open text (with a confirmation page)."""

    cell_template_name = "feedback/admin/redact_cell.html"

    def __init__(self, kind, **kwargs):
        super().__init__("pk", label=gettext_lazy("Open antwoord"), **kwargs)
        self.kind = kind

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["redact_url"] = None if instance.redacted_at else reverse("feedback_redact", args=[self.kind, instance.pk])
        return context


class AnswersIndexView(generic.IndexView):
    related = ()

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(*self.related).prefetch_related("themes")


class LessonAnswersIndex(AnswersIndexView):
    related = ("delivery__lesson", "delivery__groep__school")


class ModuleAnswersIndex(AnswersIndexView):
    related = ("module",)


class LessonFeedbackViewSet(ModelViewSet):
    """Teachers' answers per lesson: coordinators tag themes and may redact; no teacher names."""

    model = LessonFeedback
    icon = "clipboard-list"
    menu_label = gettext_lazy("Feedback op lessen")
    index_view_class = LessonAnswersIndex
    add_view_enabled = False
    copy_view_enabled = False
    list_display = [
        Column("lesson", accessor=lambda f: f"{f.delivery.lesson.number}. {f.delivery.lesson.title}", label=gettext_lazy("Les")),
        Column("school", accessor="delivery.groep.school.name", label=gettext_lazy("School")),
        "grade", "what_worked", "what_to_change",
        Column("theme_names", accessor=lambda f: ", ".join(t.name for t in f.themes.all()) or "–", label=gettext_lazy("Thema's")),
        RedactColumn("les"), "created_at",
    ]
    list_filter = ["themes", "grade"]
    search_fields = ["what_worked", "what_to_change"]
    search_backend_name = None
    panels = [
        FieldPanel("grade", read_only=True), FieldPanel("what_worked", read_only=True),
        FieldPanel("what_to_change", read_only=True), FieldPanel("themes"),
    ]


class ModuleFeedbackViewSet(ModelViewSet):
    """Carers' answers: module, scores and comment only (never the school, groep or household)."""

    model = ModuleFeedback
    icon = "clipboard-list"
    menu_label = gettext_lazy("Feedback op thuismodules")
    index_view_class = ModuleAnswersIndex
    add_view_enabled = False
    copy_view_enabled = False
    list_display = [
        Column("module", accessor=lambda f: f"{f.module.number}. {f.module.title}", label=gettext_lazy("Thuismodule")),
        "grade", "useful", "recommend", "comment",
        Column("theme_names", accessor=lambda f: ", ".join(t.name for t in f.themes.all()) or "–", label=gettext_lazy("Thema's")),
        RedactColumn("thuismodule"), "created_at",
    ]
    list_filter = ["themes"]
    search_fields = ["comment"]
    search_backend_name = None
    panels = [FieldPanel("grade", read_only=True), FieldPanel("comment", read_only=True), FieldPanel("themes")]


class CourseFeedbackViewSet(ModelViewSet):
    model = CourseFeedback
    icon = "clipboard-list"
    menu_label = gettext_lazy("Feedback op de cursus")
    add_view_enabled = False
    copy_view_enabled = False
    list_display = ["preparedness", "what_would_help",
                    Column("theme_names", accessor=lambda f: ", ".join(t.name for t in f.themes.all()) or "–", label=gettext_lazy("Thema's")),
                    RedactColumn("cursus"), "created_at"]
    list_filter = ["themes", "preparedness"]
    search_fields = ["what_would_help"]
    search_backend_name = None
    panels = [FieldPanel("preparedness", read_only=True), FieldPanel("what_would_help", read_only=True), FieldPanel("themes")]


class YearSurveyCreateView(generic.CreateView):
    """Creating a survey sends the link: the write goes through ``services.create_year_survey``."""

    def save_instance(self):
        data = self.form.cleaned_data
        return services.create_year_survey(data["school"], data["school_year"], sent_to=data.get("sent_to", ""),
                                           base_url=self.request.build_absolute_uri("/"))

    def get_success_message(self, instance):
        return _("De link voor %(school)s is verstuurd aan %(email)s.") % {"school": instance.school.name, "email": instance.sent_to}


class YearSurveyViewSet(ModelViewSet):
    model = SchoolYearSurvey
    icon = "mail"
    menu_label = gettext_lazy("Jaarevaluaties")
    add_view_class = YearSurveyCreateView
    copy_view_enabled = False
    list_display = ["school", Column("school_year_label", label=gettext_lazy("Schooljaar")), "sent_to", "answered_at",
                    "continue_next_year", "extend_to_other_groepen", "recommend_score", RedactColumn("school")]
    list_filter = ["school_year", "answered_at", "continue_next_year"]
    list_export = [
        "school.name", "school.brin", "school.wijk", "school_year_label", "answered_at", "continue_next_year", "extend_to_other_groepen",
        "recommend_score", "obstacle_time", "obstacle_curriculum", "obstacle_training", "obstacle_parents", "obstacle_other",
        "obstacle_other_text", "comment",
    ]
    export_headings = {"school.name": gettext_lazy("School"), "school.brin": gettext_lazy("BRIN"), "school.wijk": gettext_lazy("Wijk"),
                       "school_year_label": gettext_lazy("Schooljaar")}
    export_filename = "jaarevaluaties"
    search_fields = ["school__name", "comment"]
    search_backend_name = None
    form_fields = ["school", "school_year", "sent_to"]

    panels = [FieldPanel("school"), FieldPanel("school_year"), FieldPanel("sent_to"), FieldPanel("themes")]


class FeedbackGroup(ViewSetGroup):
    menu_label = gettext_lazy("Feedback")
    menu_icon = "clipboard-list"
    menu_order = 310
    items = (LessonFeedbackViewSet("feedback_lessen"), ModuleFeedbackViewSet("feedback_thuismodules"),
             CourseFeedbackViewSet("feedback_cursus"), YearSurveyViewSet("jaarevaluaties"))



@hooks.register("register_admin_viewset")
def register_feedback_admin():
    return FeedbackGroup()


class ThemeViewSet(SnippetViewSet):
    model = FeedbackTheme
    icon = "tag"
    menu_label = gettext_lazy("Thema's voor feedback")
    list_display = ["name", "description"]
    search_fields = ["name", "description"]


register_snippet(ThemeViewSet)


# Answers to the schools hooks ----------------------------------------------------------------

@hooks.register("schools_delivery_logged")
def offer_lesson_feedback(request, delivery):
    """After logging a lesson: on to "Hoe ging de les?" (the form has an "Overslaan" link)."""
    return reverse("feedback:lesson_feedback", args=[delivery.pk])


@hooks.register("schools_delivery_actions")
def lesson_feedback_actions(request, deliveries):
    """Per delivery in the register: "Feedback geven" or "Feedback wijzigen" (one query)."""
    ids = [delivery.pk for delivery in deliveries]
    given = dict(LessonFeedback.objects.filter(delivery_id__in=ids).values_list("delivery_id", "created_at"))
    actions = {}
    for delivery in deliveries:
        if delivery.pk not in given:
            actions[delivery.pk] = [{"label": _("Feedback geven"), "url": reverse("feedback:lesson_feedback", args=[delivery.pk])}]
        elif services.can_edit_since(given[delivery.pk]):
            actions[delivery.pk] = [{"label": _("Feedback wijzigen"), "url": reverse("feedback:lesson_feedback", args=[delivery.pk])}]
    return actions


@hooks.register("schools_module_completed")
def offer_module_feedback(request, household, module):
    """After "Ik heb deze thuismodule gedaan": the optional three questions."""
    return reverse("feedback:module_feedback", args=[module.pk])


@hooks.register("lessons_course_progress")
def offer_course_feedback(context, page):
    """Under the teacher's course progress, once every module is done: the course questions."""
    from django.template.loader import render_to_string

    progress = context.get("progress")
    if not progress or not progress.get("total") or progress.get("done") != progress.get("total"):
        return ""
    return render_to_string("feedback/includes/course_feedback_offer.html", {"url": reverse("feedback:course_feedback")})
