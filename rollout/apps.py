from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolloutConfig(AppConfig):
    """Read-only figures for coordinators: nothing in the project imports this app."""

    name = "rollout"
    verbose_name = _("Uitrolcijfers")
