"""The coordinators' "Leerkrachten" listing in the Wagtail admin (a ReportView, so Wagtail's own
user admin stays closed to them) and its actions: deactivate, reactivate, resend an invitation.

Who may invite teachers (``accounts.add_invitation``, the coordinators) may manage them here.
The rules live in ``schools.teacher_accounts``; these views only ask, confirm and report.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import teacher_accounts

PERMISSION = "accounts.add_invitation"


def _check(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


class TemplateColumn(Column):
    def __init__(self, name, template, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template


class TeacherListingView(ReportView):
    page_title = gettext_lazy("Leerkrachten")
    header_icon = "group"
    index_url_name = "schools_teachers"
    index_results_url_name = "schools_teachers_results"
    template_name = "schools/admin/teachers.html"
    permission_required = "add"
    paginate_by = 50
    columns = [
        TemplateColumn("name", "schools/admin/teacher_name_cell.html", accessor="pk", label=gettext_lazy("Naam")),
        TemplateColumn("school_groepen", "schools/admin/teacher_groepen_cell.html", accessor="pk", label=gettext_lazy("School en groepen")),
        TemplateColumn("trained", "schools/admin/teacher_trained_cell.html", label=gettext_lazy("Getraind")),
        TemplateColumn("last_login", "schools/admin/teacher_last_login_cell.html", label=gettext_lazy("Laatst ingelogd (Amsterdam)")),
        TemplateColumn("invitation_accepted_at", "schools/admin/teacher_invitation_cell.html", label=gettext_lazy("Uitnodiging")),
        TemplateColumn("is_active", "schools/admin/teacher_actions_cell.html", label=gettext_lazy("Account")),
    ]

    @cached_property
    def permission_policy(self):
        from accounts.models import Invitation

        return ModelPermissionPolicy(Invitation)

    def get_queryset(self):
        return teacher_accounts.teacher_accounts()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["open_invitations"] = list(teacher_accounts.open_invitations())
        return context


class TeachersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


def menu_item():
    return TeachersMenuItem(_("Leerkrachten"), reverse("schools_teachers"), icon_name="group", order=305)


def _teacher(pk):
    return get_object_or_404(get_user_model().objects.prefetch_related("groups"), pk=pk)


def account_action(request, pk, action):
    """GET: confirm; POST: deactivate or reactivate the teacher's account."""
    _check(request)
    teacher = _teacher(pk)
    if request.method == "POST":
        try:
            if action == "deactivate":
                teacher_accounts.deactivate_teacher(teacher, by=request.user)
                messages.success(request, _("%(name)s is gedeactiveerd en overal uitgelogd. De registraties blijven bewaard.") % {"name": teacher})
            else:
                teacher_accounts.reactivate_teacher(teacher, by=request.user)
                messages.success(request, _("%(name)s kan weer inloggen.") % {"name": teacher})
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("schools_teachers")
    return TemplateResponse(request, "schools/admin/teacher_confirm.html", {"teacher": teacher, "action": action})


@require_POST
def resend_invitation(request, pk):
    from accounts.models import Invitation

    _check(request)
    invitation = get_object_or_404(Invitation, pk=pk)
    try:
        teacher_accounts.resend_invitation(invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Nieuwe uitnodiging verstuurd naar %(email)s (7 dagen geldig; de vorige link werkt niet meer).") % {"email": invitation.email})
    return redirect("schools_teachers")


def urlpatterns():
    from django.urls import path

    return [
        path("leerkrachten/", TeacherListingView.as_view(), name="schools_teachers"),
        path("leerkrachten/resultaten/", TeacherListingView.as_view(results_only=True), name="schools_teachers_results"),
        path("leerkrachten/<int:pk>/deactiveren/", account_action, {"action": "deactivate"}, name="schools_teacher_deactivate"),
        path("leerkrachten/<int:pk>/heractiveren/", account_action, {"action": "reactivate"}, name="schools_teacher_reactivate"),
        path("leerkrachten/uitnodiging/<int:pk>/opnieuw/", resend_invitation, name="schools_invitation_resend"),
    ]
