"""Settings for WattWijs, read from the environment.

SQLite under var/ is the embedded default; set DATABASE_URL for PostgreSQL.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("WATTWIJS_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "csp",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "wattwijs.core",
    "wattwijs.framework",
    "wattwijs.library",
    "wattwijs.training",
    "wattwijs.pathways",
    "wattwijs.practice",
    "wattwijs.capacity",
    "wattwijs.matching",
    "wattwijs.interop",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wattwijs.urls"
WSGI_APPLICATION = "wattwijs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "wattwijs" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wattwijs.core.context_processors.shell",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'wattwijs.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # Django's default is off; a check costs a round trip per request. Turn it on where the database
        # may drop idle connections (e.g. behind a proxy that closes them).
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Write-ahead logging: pages are read while another process writes, and a commit is one append
            # (synchronised at checkpoints) instead of a rewrite of the journal.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            # Take the write lock when a transaction starts, so two writers queue instead of failing.
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "wattwijs.core.backends.MembershipModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "core:profile"
LOGOUT_REDIRECT_URL = "core:home"

# Lock an account/IP combination out after repeated failed logins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The login form posts the e-mail address in the field "username".
AXES_USERNAME_FORM_FIELD = "username"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "wattwijs" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "wattwijs" / "static",
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
    ("vendor/pico", NODE_MODULES / "@picocss" / "pico" / "css"),
    ("vendor/chartjs", NODE_MODULES / "chart.js" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"
# Static files are served from the finders, so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "WattWijs <noreply@wattwijs.example>")
# The address the site is reached on, for links in e-mails sent outside a request (background tasks).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Secure transport outside DEBUG; SECURE_COOKIES=false allows plain http behind a local proxy.
SECURE_COOKIES = env_bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_SECURE = SECURE_COOKIES
CSRF_COOKIE_SECURE = SECURE_COOKIES
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Background work: tasks are stored in the database and run by `manage.py db_worker`; periodic tasks are put
# on the queue by `manage.py enqueue_due_tasks` (see wattwijs/core/schedule.py). The tests use the same
# backend, so what they enqueue is what production stores.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Page size of directory lists.
PAGE_SIZE = 25

# Overlap detection in the training map: two offers overlap when their regions' reference points are at most
# this far apart and at least this share of their work processes (Jaccard) is the same.
TRAINING_OVERLAP_MAX_DISTANCE_KM = float(os.environ.get("TRAINING_OVERLAP_MAX_DISTANCE_KM", "40"))
TRAINING_OVERLAP_MIN_SHARE = float(os.environ.get("TRAINING_OVERLAP_MIN_SHARE", "0.6"))
# Transitiehuis: months after a candidate's route ended before `purge_expired` removes their personal data.
PATHWAYS_RETENTION_MONTHS = int(os.environ.get("PATHWAYS_RETENTION_MONTHS", "24"))

# OAI-PMH provider (/oai): the repository identifier in OAI identifiers (oai:<id>:<resource id>) does not depend
# on the host name the site is served under; records per ListRecords/ListIdentifiers response; how long a
# resumption token stays valid.
OAI_REPOSITORY_ID = os.environ.get("OAI_REPOSITORY_ID", "wattwijs.nl")
OAI_REPOSITORY_NAME = os.environ.get("OAI_REPOSITORY_NAME", "WattWijs leermiddelenbank")
OAI_ADMIN_EMAIL = os.environ.get("OAI_ADMIN_EMAIL", "beheer@wattwijs.example")
OAI_PAGE_SIZE = int(os.environ.get("OAI_PAGE_SIZE", "100"))
OAI_RESUMPTION_TOKEN_MAX_AGE = int(os.environ.get("OAI_RESUMPTION_TOKEN_MAX_AGE", str(24 * 3600)))
# OAI-PMH harvester: whether harvest sources may be on private, loopback, link-local or reserved addresses
# (off: a source must be on the public internet).
HARVEST_ALLOW_PRIVATE_ADDRESSES = env_bool("HARVEST_ALLOW_PRIVATE_ADDRESSES")
# A harvest queued or running for longer than this (seconds) was left behind by a stopped worker: it is marked
# failed, so that the source can be harvested again.
HARVEST_STALE_AFTER_SECONDS = int(os.environ.get("HARVEST_STALE_AFTER_SECONDS", str(3 * 3600)))

# Bulk import of learning materials from CSV/XLSX: the largest file (bytes) and the most rows one upload may hold.
INTEROP_IMPORT_MAX_BYTES = int(os.environ.get("INTEROP_IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
INTEROP_IMPORT_MAX_ROWS = int(os.environ.get("INTEROP_IMPORT_MAX_ROWS", "1000"))
# A checked import file waits this many seconds for the user's choice; then the periodic task removes it.
INTEROP_IMPORT_PENDING_MAX_AGE_SECONDS = int(os.environ.get("INTEROP_IMPORT_PENDING_MAX_AGE_SECONDS", str(24 * 3600)))
# CSV import of workforce-capacity figures (drivers, labour intensities, adoption): the largest file (bytes) and
# the most rows one upload may hold; 35 regions × all units × 10 years of drivers fit well within both.
CAPACITY_IMPORT_MAX_BYTES = int(os.environ.get("CAPACITY_IMPORT_MAX_BYTES", str(2 * 1024 * 1024)))
CAPACITY_IMPORT_MAX_ROWS = int(os.environ.get("CAPACITY_IMPORT_MAX_ROWS", "20000"))
# An export holds at most this many search results (the first ones, in the order shown): a spreadsheet of the
# whole library would keep a request busy for minutes.
INTEROP_EXPORT_MAX_ROWS = int(os.environ.get("INTEROP_EXPORT_MAX_ROWS", "10000"))
# REST API (/api/v1/): calls allowed per window, per personal API token and, for calls without one, per IP
# address ("<number>/<second|minute|hour|day>"; empty switches the limit off). Over the limit: 429 + Retry-After.
API_RATE_LIMITS = {
    "token": os.environ.get("API_RATE_LIMIT_TOKEN", "600/minute"),
    "ip": os.environ.get("API_RATE_LIMIT_IP", "120/minute"),
}
# Proxies in front of the site that append to X-Forwarded-For; 0 counts calls per REMOTE_ADDR (a client could
# otherwise choose its own address in that header).
NINJA_NUM_PROXIES = int(os.environ.get("NINJA_NUM_PROXIES", "0"))
