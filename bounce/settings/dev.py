"""Local development: DEBUG on, a fixed throw-away key, static files without a manifest."""

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# WhiteNoise serves straight from the app and npm folders while developing. With autorefresh it
# only looks into STATIC_ROOT per request, so the folder need not exist (``collectstatic`` makes
# it); importing settings creates nothing on disk.
STATIC_ROOT = BASE_DIR / "var" / "static"
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Let WhiteNoise, not runserver, serve static files: it adds the CORS header that the
# sandboxed H5P player needs for its fonts, as in production.
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]  # noqa: F405
