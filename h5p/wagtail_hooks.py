"""Wagtail admin for H5P: the activity snippet (upload, details, live preview) and reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import reports
from .admin_views import ActivityCreateView, ActivityEditView, ActivityInspectView
from .forms import H5PActivityForm
from .models import H5PActivity


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "pick"
    menu_label = _("H5P-activiteiten")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "slug", "current_package", "updated_at"]
    search_fields = ["title"]
    inspect_view_enabled = True
    add_view_class = ActivityCreateView
    edit_view_class = ActivityEditView
    inspect_view_class = ActivityInspectView
    edit_handler = ObjectList(
        [
            FieldPanel("package_file"),
            FieldPanel("title"),
            FieldPanel("slug"),
            FieldPanel("description"),
            FieldPanel("grading_method"),
            FieldPanel("allow_popups"),
        ],
        base_form_class=H5PActivityForm,
    )


register_snippet(H5PActivityViewSet)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("rapporten/h5p/", reports.ActivityReportView.as_view(), name="h5p_report"),
        path("rapporten/h5p/resultaten/", reports.ActivityReportView.as_view(results_only=True), name="h5p_report_results"),
        path("rapporten/h5p/<int:pk>/vragen/", reports.QuestionReportView.as_view(), name="h5p_question_report"),
        path(
            "rapporten/h5p/<int:pk>/vragen/resultaten/",
            reports.QuestionReportView.as_view(results_only=True),
            name="h5p_question_report_results",
        ),
    ]


class H5PReportMenuItem(AdminOnlyMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("h5p.view_h5pattempt")


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return H5PReportMenuItem(_("H5P-resultaten"), reverse("h5p_report"), icon_name="pick", order=800)
