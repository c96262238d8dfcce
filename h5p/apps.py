from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class H5PConfig(AppConfig):
    """Reusable H5P integration: knows learners only as an opaque key, imports no project app."""

    name = "h5p"
    verbose_name = _("H5P-activiteiten")

    def ready(self):
        from . import checks, signals  # noqa: F401 (registers the check, connects the receivers)
