"""Base settings, secure by default.

DEBUG is off, cookies are HTTP-only, and nothing here is a secret: ``dev`` and ``test`` loosen
what they must, ``production`` takes everything else from the environment.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "bounce"

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # Project apps, kernel first. Their order is also the order in which ``load_demo``
    # calls each app's ``demo.load()``: an app's demo may use what an earlier one made.
    "accounts",
    "home",
    "h5p",
    "lessons",
    "schools",
    "feedback",
    "rollout",  # last: reads every app above, nothing imports it
    # Wagtail and translations
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Security
    "axes",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Security headers on every page, also on answers from the page cache further in.
    "home.security_headers.BounceCSPMiddleware",
    "home.security_headers.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Public pages for anonymous visitors, straight from the cache (home.page_cache). Inside
    # every middleware that adds headers, so a cached answer carries them too.
    # The content version (home.chrome_cache) read once per request, for every cache below.
    "home.chrome_cache.ContentVersionMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    # Which page a path serves, from the cache under the content version (home.route_cache).
    "home.route_cache.RouteCacheMiddleware",
    # Arabic, Turkish and Polish are for carers' pages only; others answer in Dutch (home.languages).
    "home.languages.CarerLanguageMiddleware",
    # Last, as django-axes asks: it inspects the response of the login views.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bounce.urls"
WSGI_APPLICATION = "bounce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite by default so a bare machine can run the site; PostgreSQL via DATABASE_URL.
def with_site_backend(database: dict) -> dict:
    """A parsed ``DATABASE_URL`` with PostgreSQL through ``home.postgresql``: Django's backend,
    with a health check that reads the socket instead of asking ``SELECT 1`` on every request.
    Production's settings use it too."""
    if database["ENGINE"] == "django.db.backends.postgresql":
        database["ENGINE"] = "home.postgresql"
    return database


DATABASES = {
    "default": with_site_backend(
        dj_database_url.config(
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
            conn_health_checks=True,
        )
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite's default deferred transactions fail a write at once with "database is locked" when
    # another connection wrote since the transaction began reading (a lesson logged while the H5P
    # player posts its first statement). IMMEDIATE takes the write lock at BEGIN, so the writer
    # waits up to ``timeout`` seconds instead of failing with a 500.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts: log in by e-mail address (accounts.User), with lock-out after repeated failures.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with the user row read by SQL built once per process (accounts.backends).
    "accounts.backends.UserBackend",
]
# Django's rules with Dutch messages of our own (accounts.password_validation).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "schools:my_groepen"  # teachers start from their groepen
LOGOUT_REDIRECT_URL = "/"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Login forms post the e-mail address in the field Django calls "username" (also Wagtail's).
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Behind this many reverse proxies (production: environment variable TRUSTED_PROXY_COUNT) the
# visitor's address comes from X-Forwarded-For. One setting for every limit: carer codes,
# registration, feedback, xAPI and the lock-out (home.client_ip, through django-ipware).
TRUSTED_PROXY_COUNT = 0
AXES_CLIENT_IP_CALLABLE = "home.client_ip.client_ip"
# The lock-out counts per address as the login form normalises it (accounts.login_names).
AXES_USERNAME_CALLABLE = "accounts.login_names.axes_username"

# Internationalisation: Dutch first, English second. Content translation with wagtail-localize.
LANGUAGE_CODE = "nl"
# Carers read five languages (home.languages): teachers' pages stay Dutch and English, and the
# admin runs in those two. Names are written in their own language for the switcher.
LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("ar", "العربية"), ("tr", "Türkçe"), ("pl", "Polski")]
TEACHER_LANGUAGES = ["nl", "en"]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = [(code, name) for code, name in LANGUAGES if code in TEACHER_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static and media files. Front-end packages come from npm (node_modules), never from a CDN.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/h5p-standalone", BASE_DIR / "node_modules" / "h5p-standalone" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bounce",
    }
}
# Entries keyed by the content version, with a worker-local copy in front of "default"
# (home.version_memo); {% cache %} uses "template_fragments". Settings that replace CACHES add
# these again.
VERSIONED_CACHES = {
    alias: {"BACKEND": "home.version_memo.VersionMemoCache", "LOCATION": "versioned", "OPTIONS": {"SHARED": "default"}}
    for alias in ("versioned", "template_fragments")
}
CACHES.update(VERSIONED_CACHES)
# The version keys cached reads key on (home.data_version): each is restarted after a Redis
# outage (RESET_KEYS, home.resilient_cache), so a write while Redis was down is never hidden.
# tests/home/test_request_versions.py checks that every registered version is listed here.
VERSION_KEYS = ["bounce:content-version", "bounce:roles-version", "rollout:data-version", "schools:register-version"]

# Security defaults that hold everywhere; production adds HTTPS-only settings.
SESSION_COOKIE_HTTPONLY = True
# Sessions in the database, never in the cache alone: logins keep working while Redis is down.
# Database sessions whose row is read by SQL built once per process (home.sessions).
SESSION_ENGINE = "home.sessions"
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the token from the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # set by the language switcher's form post, never read by scripts

# Content-Security-Policy (django-csp), strict: the site's own files only, no inline script or
# style, no plugins, no <base>, forms only to this site, never framed. home.security_headers
# adds the frames (the H5P player's path, the video block's hosts) and the Wagtail admin's
# minimum allowances. Production adds the object storage host to img-src/media-src.
CSP_VIDEO_FRAME_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [], "camera": [], "geolocation": [], "gyroscope": [], "magnetometer": [],
    "microphone": [], "payment": [], "usb": [], "browsing-topics": [],
    # The H5P player runs in a sandboxed frame with an opaque origin, which "self" does not match:
    # "*" lets the page delegate full screen to it; each iframe's own allow="fullscreen" and the CSP's
    # frame-src (only the player and the two video hosts) still decide which frames get it.
    "fullscreen": ["*"],
}

# E-mail (production overrides from the environment)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "BOUNCE online <noreply@bounce.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Wagtail
WAGTAIL_SITE_NAME = "BOUNCE online"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "home.BounceImage"
# The database backend picks PostgreSQL full-text search on PostgreSQL (Dutch stemming there).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "txt", "mp4", "webm", "vtt"]  # video + captions for lessons
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no avatars from an outside host (privacy, no CDN)
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"

# Free text (adaptations, messages, typed answers) is kept this long; see purge_free_text.
FREE_TEXT_RETENTION_DAYS = 365

# Site-wide names reused in code
COORDINATORS_GROUP = "Coördinatoren"
TEACHERS_GROUP = "Leerkrachten"

# H5P identifies a carer by their anonymous household (signed cookie), never by name.
H5P_LEARNER_RESOLVER = "schools.households.h5p_learner_key"
# Carers read "u": H5P interface strings rewritten on Dutch carers' pages (h5p.l10n).
H5P_INTERFACE_REWRITES = "schools.carer_h5p.formal_dutch"
# The standalone H5P activity page uses the site's layout (the h5p app ships a bare one).
H5P_PAGE_TEMPLATE = "base.html"
# A teacher invited for a groep joins it when accepting the invitation.
INVITATION_ACCEPTED_HOOKS = ["schools.services.link_invited_teacher"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

SITE_DESCRIPTION = _("Veerkracht voor groep 7 en 8: lessen, thuismodules en een cursus voor leerkrachten.")
