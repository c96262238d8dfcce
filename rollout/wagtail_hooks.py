"""Registers the rollout figures in the Wagtail admin: URLs, an "Uitrolcijfers" menu and the
admin home panel. Only registration here; the figures come from ``selectors``."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from schools.permissions import is_coordinator

from . import urls
from .panels import RolloutPanel


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_urls")
def register_rollout_urls():
    return [path("uitrol/", include((urls.urlpatterns, "rollout"), namespace="rollout"))]


@hooks.register("register_admin_menu_item")
def register_rollout_menu():
    items = [
        CoordinatorMenuItem(_("Dashboard"), reverse("rollout:dashboard"), name="uitrol-dashboard", icon_name="view", order=1),
        CoordinatorMenuItem(_("Uitbreidingsrapport"), reverse("rollout:report"), name="uitrol-rapport", icon_name="doc-full", order=2),
        CoordinatorMenuItem(_("Getraind, geen les gegeven"), reverse("rollout:trained_not_delivering"), name="uitrol-opvolgen",
                            icon_name="user", order=3),
    ]
    return SubmenuMenuItem(_("Uitrolcijfers"), Menu(items=items), name="uitrolcijfers", icon_name="table", order=301)


@hooks.register("construct_homepage_panels")
def add_rollout_panel(request, panels):
    if is_coordinator(request.user):
        panels.insert(0, RolloutPanel())
