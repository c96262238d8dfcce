"""Find an optional module (``demo``, ``retention``) in every project app, in INSTALLED_APPS order.

Lets kernel commands (``load_demo``, ``purge_free_text``) serve every app without importing
the apps built on top of the kernel by name.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps


def app_modules(module_name: str):
    """Yield ``(app_label, module)`` for each project app that has ``<app>.<module_name>``."""
    for app_config in apps.get_app_configs():
        if app_config.name.startswith(("django.", "wagtail")):
            continue
        name = f"{app_config.name}.{module_name}"
        if find_spec(name) is not None:
            yield app_config.label, import_module(name)
