"""Settings for the gunicorn servers of ``tests.servers``: production, except that static files
come from the finders (no ``collectstatic`` manifest in a test run)."""

from bounce.settings.production import *  # noqa: F403
from bounce.settings.production import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
