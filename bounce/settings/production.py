"""Production: everything from the environment; start-up stops when a required variable is missing.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL. Optional: REDIS_URL (shared cache; required
with several hosts, without it one host's workers share a file cache in CACHE_DIR),
TRUSTED_PROXY_COUNT (reverse proxies in front, default 0), SMTP settings (EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER,
EMAIL_HOST_PASSWORD, EMAIL_USE_TLS), WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS,
SECURE_SSL_REDIRECT (default on; off only behind a proxy that already redirects), object storage
(AWS_STORAGE_BUCKET_NAME, H5P_S3_BUCKET and the AWS_S3_* connection; see object_storage).
"""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from . import env, object_storage
from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env.required("SECRET_KEY")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "De omgevingsvariabele SECRET_KEY is te kort: gebruik minstens 50 willekeurige tekens "
        "(environment variable SECRET_KEY must be at least 50 random characters)."
    )
ALLOWED_HOSTS = env.csv_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env.required("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.csv_list("CSRF_TRUSTED_ORIGINS")
# Links in e-mails (invitations, registrations) point here: the site's own address, never the
# development default. Without the variable: https:// and the first allowed host.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/")
if not WAGTAILADMIN_BASE_URL:
    if ALLOWED_HOSTS[0].startswith((".", "*")):
        env.required("WAGTAILADMIN_BASE_URL")
    WAGTAILADMIN_BASE_URL = f"https://{ALLOWED_HOSTS[0]}"

DATABASES = {
    "default": with_site_backend(
        dj_database_url.parse(
            env.required("DATABASE_URL"),
            conn_max_age=env.integer("DB_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    )
}

REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(
        "De omgevingsvariabele REDIS_URL moet met redis://, rediss:// of unix:// beginnen "
        "(environment variable REDIS_URL must be a Redis URL)."
    )
if REDIS_URL:
    # Degrades while Redis is down (home.resilient_cache): pages render from the database,
    # sessions are in the database, and the version keys restart once Redis answers again.
    CACHES = {
        "default": {
            "BACKEND": "home.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bounce",
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 1.0,
                "RESET_KEYS": VERSION_KEYS,  # noqa: F405 (base)
            },
        }
    }
else:
    # One host without Redis: a file cache that every worker process on this host shares, so
    # the content version (publishing invalidates the page cache) and the rate limits hold for
    # all workers. Several hosts need REDIS_URL: a file cache is not shared between machines.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", "").strip() or str(BASE_DIR / "var" / "cache"),  # noqa: F405
            "KEY_PREFIX": "bounce",
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }
CACHES.update(VERSIONED_CACHES)  # noqa: F405

# Media and H5P packages in S3-compatible buckets when AWS_STORAGE_BUCKET_NAME / H5P_S3_BUCKET are
# set, the local file system otherwise (bounce.settings.object_storage says why two buckets).
STORAGES = object_storage.storages(STORAGES)  # noqa: F405
if STORAGES["default"]["BACKEND"] == object_storage.S3_BACKEND:
    WAGTAILDOCS_SERVE_METHOD = "serve_view"  # every download passes the teacher-material check

# Reverse proxies in front of the app servers that append to X-Forwarded-For (0: none, the
# client connects directly). Too high lets visitors choose their own address; see home.client_ip.
TRUSTED_PROXY_COUNT = env.integer("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "De omgevingsvariabele TRUSTED_PROXY_COUNT mag niet negatief zijn "
        "(environment variable TRUSTED_PROXY_COUNT must be 0 or more)."
    )

# HTTPS only
SECURE_SSL_REDIRECT = env.boolean("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.integer("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.boolean("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# E-mail over SMTP
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env.integer("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.boolean("EMAIL_USE_TLS", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}
