from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The kernel: home page, general pages, shared blocks, image model, roles and demo loading.

    Every other project app may use it; it imports none of them.
    """

    name = "home"
    verbose_name = _("Basis")

    def ready(self):
        from . import document_access, exports, roles, signals  # noqa: F401 (document_access registers a hook)

        signals.connect()
        roles.connect_roles_version()
        exports.protect_spreadsheet_exports()  # every admin CSV export, whichever app defines it
