"""Coordinators invite teachers from the Wagtail admin (permission: accounts.add_invitation)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .models import Invitation


class InvitationCreateView(CreateView):
    """Creating an invitation = sending it: the service makes the token and e-mails the link."""

    def save_instance(self):
        data = self.form.cleaned_data
        invitation, _token = services.invite_teacher(
            email=data["email"], first_name=data["first_name"], last_name=data["last_name"], invited_by=self.request.user
        )
        return invitation

    def get_success_message(self, instance=None):
        return _("Uitnodiging verstuurd naar %(email)s. De link is 7 dagen geldig.") % {"email": self.object.email}


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Leerkrachten uitnodigen")
    menu_order = 310
    add_to_admin_menu = True
    add_to_settings_menu = False
    add_view_class = InvitationCreateView
    form_fields = ["email", "first_name", "last_name"]
    list_display = ["__str__", Column("status_label", label=_("status")), "created_at", "expires_at", "invited_by"]
    search_fields = ["email", "first_name", "last_name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["email", "first_name", "last_name", "invited_by", "created_at", "expires_at", "accepted_at", "user"]


@hooks.register("register_admin_viewset")
def register_invitation_viewset():
    return InvitationViewSet("invitations")


@hooks.register("register_nav_items")
def sign_in_or_out(request, page):
    """Main menu (``home.navigation``): "Inloggen" for guests (back to this page afterwards),
    "Uitloggen" for the signed in (a POST with the CSRF token)."""
    from urllib.parse import quote

    from django.urls import reverse
    from django.utils.translation import gettext

    from home.navigation import Audience, NavItem

    return [
        NavItem(gettext("Inloggen"), f"{reverse('accounts:login')}?next={quote(request.path)}", order=95, audience=Audience.GUEST),
        NavItem(gettext("Uitloggen"), reverse("accounts:logout"), order=95, audience=Audience.SIGNED_IN, post=True),
    ]
