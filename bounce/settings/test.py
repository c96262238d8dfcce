"""Test settings: fast password hashing, in-memory cache and e-mail, no static manifest.

``DATABASE_URL`` still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="bounce-test-media-")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "bounce-test"}, **VERSIONED_CACHES}  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# WhiteNoise serves from the finders in tests (no collectstatic), like the live server needs.
STATIC_ROOT = tempfile.mkdtemp(prefix="bounce-test-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# On SQLite the test database is a file, not memory: multi-process tests (tests/servers.py)
# start gunicorn servers that must see the same database. One file per test process.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(tempfile.gettempdir(), f"bounce-test-{os.getpid()}.sqlite3")}
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF; PRAGMA journal_mode=WAL;"
