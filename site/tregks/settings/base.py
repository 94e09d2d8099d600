"""Settings shared by every environment. Configuration comes from the environment only."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

PROJECT_DIR = Path(__file__).resolve().parent.parent  # site/tregks
BASE_DIR = PROJECT_DIR.parent.parent  # repository root


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_int(name, default):
    value = os.environ.get(name, "")
    try:
        return int(value) if value else default
    except ValueError as error:
        raise ImproperlyConfigured(
            f"{name} must be a whole number, not {value!r}."
        ) from error


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Public address of the site without trailing slash; used in e-mails, feeds and sitemaps.
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL
# Where to report a vulnerability (/.well-known/security.txt): "mailto:…" or https.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "").strip()

INSTALLED_APPS = [
    # Project apps: the core first, then one app per kind of content.
    "tregks.core",
    "tregks.security",  # upload checks (docs/security.md)
    "tregks.cache",  # full-page cache for anonymous readers and its invalidation
    "tregks.editorial",  # partner groups, permissions and workflows (issue 4)
    "home",
    "partners",
    "news",
    "stories",
    "podcast",
    "events",  # events with calendar files (issue 14)
    "registrations",  # registrations for events (double opt-in, places, waiting list)
    "search",
    "contact",  # contact page and form messages to the partners (issue 15)
    "expertgroups",  # one page per expert group with its "Mitmachen" form (issue 15)
    "newsletter",  # double opt-in sign-up, export for the sending tool (issue 15)
    "barriers",  # barrier reports to the lead (issue 15)
    # Wagtail and its contrib apps
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtailmedia",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # German for Wagtail's "vor 3 Minuten" (naturaltime): its catalogue loads only with the app.
    "django.contrib.humanize",
    "csp",
    "axes",
]

MIDDLEWARE = [
    # gzip for anonymous readers' pages, feeds and sitemaps (BREACH: core/compression).
    "tregks.core.compression.PublicGZipMiddleware",
    # Anonymous readers get pages from the shared cache before any other work
    # (docs/PERFORMANCE.md). It stores the headers of the middlewares below with each
    # page, so a hit skips them, here and in the WSGI fast path in front of Django
    # (tregks.cache.wsgi); it compresses what it serves as the gzip middleware would.
    "tregks.cache.middleware.PageCacheMiddleware",
    # Security headers on every response, the 503 page included (docs/security.md).
    "django.middleware.security.SecurityMiddleware",
    "tregks.core.middleware.SiteCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # LocaleMiddleware that leaves admin 404s in the admin (editorial.middleware).
    "tregks.editorial.middleware.AdminAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A 404 for admin URLs naming a page the user may not open (editorial.isolation).
    "tregks.editorial.isolation.AdminIsolationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns admin login lockouts into the lockout page.
    "axes.middleware.AxesMiddleware",
    # Last, so that its process_exception runs first: database down -> static 503.
    "tregks.core.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "tregks.urls"
WSGI_APPLICATION = "tregks.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


def with_prepared_statements(database):
    """PostgreSQL: bind parameters on the server and prepare statements that repeat.

    Every page type runs the same few queries with other values. Prepared, they are
    planned once per connection instead of on every request: a video story's page
    query joins eight tables and took 5 ms to plan and 0.4 ms to run. Switch off with
    DATABASE_PREPARED_STATEMENTS=false behind a pooler in transaction mode that cannot
    keep prepared statements (PgBouncer before 1.21).

    Each execution is still planned for its values (plan_cache_mode): a generic plan
    guesses that `path LIKE $1` (every tree query of Wagtail's) matches one row, and
    after a few executions PostgreSQL switched the admin search's count to such a
    plan, 2.6 s instead of 7 ms on the large site (docs/PERFORMANCE.md, admin).
    """
    if database.get("ENGINE") == "django.db.backends.postgresql" and env_bool(
        "DATABASE_PREPARED_STATEMENTS", True
    ):
        options = database.setdefault("OPTIONS", {})
        options.update(server_side_binding=True, prepare_threshold=5)
        options["options"] = (
            f"{options.get('options', '')} -c plan_cache_mode=force_custom_plan"
        ).strip()
    return database


def without_jit(database):
    """PostgreSQL: no JIT compilation (DATABASE_JIT=true keeps the server's setting).

    The admin's listings (explorer, search, the translators' list) cost more than
    PostgreSQL's jit_above_cost on a large site, so each request compiled some 190
    functions: 0.8 s of a 0.9 s query, for a plan that then ran in 60 ms
    (docs/PERFORMANCE.md, admin). Short queries like these never win the time back.
    """
    if database.get("ENGINE") == "django.db.backends.postgresql" and not env_bool(
        "DATABASE_JIT", False
    ):
        options = database.setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database


# Database: a SQLite file in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": without_jit(
        with_prepared_statements(
            dj_database_url.config(
                default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
                conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
                conn_health_checks=True,
            )
        )
    )
}
if DATABASES["default"].get("ENGINE") == "django.db.backends.sqlite3":
    # The admin writes from several requests at once (the form, its autosave, editing
    # session pings): take SQLite's write lock when a transaction starts and wait for
    # it, instead of failing with "database is locked" when two upgrade at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default; REDIS_URL (or CACHE_URL) makes it shared across processes.
# Redis gets short timeouts and a circuit breaker: when it does not answer, pages are
# served uncached and Redis is not asked again for CACHE_BREAKER_SECONDS
# (tregks/cache/backend.py, docs/RELIABILITY.md).
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL", "")
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "tregks.cache.backend.ResilientRedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tregks"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": env_int("CACHE_CONNECT_TIMEOUT_MS", 50)
                / 1000,
                "SOCKET_TIMEOUT": env_int("CACHE_TIMEOUT_MS", 50) / 1000,
                "BREAKER_SECONDS": env_int("CACHE_BREAKER_SECONDS", 5),
            },
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured(
        f"CACHE_URL must start with redis://, rediss:// or unix://, not {CACHE_URL!r}."
    )
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tregks",
        }
    }

# Seconds between checks for invalidations another process could not deliver to the
# shared cache (tregks/cache/generation.py); right after an outage it is checked at once.
CACHE_INVALIDATION_CHECK_SECONDS = env_int("CACHE_INVALIDATION_CHECK_SECONDS", 1)

# Newsletter (docs/newsletter.md): at most one confirmation mail per address in this
# many minutes, however often the form is sent.
NEWSLETTER_MAIL_INTERVAL_MINUTES = env_int("NEWSLETTER_MAIL_INTERVAL_MINUTES", 15)
# Barrier reports go to this address; unset: the contact address of the lead
# partner's profile (barriers/notify.py).
BARRIER_REPORT_EMAIL = os.environ.get("BARRIER_REPORT_EMAIL", "").strip()
# Answered barrier reports (with the reader's optional name and address) are deleted
# this many days after they arrived by the scheduled task "barriers.purge".
BARRIER_REPORT_RETENTION_DAYS = env_int("BARRIER_REPORT_RETENTION_DAYS", 365)

# Full-page cache (tregks.cache): anonymous GET pages in the default cache, invalidated
# by a generation counter on publish, unpublish, move, delete and snippet changes.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)  # seconds an entry is kept
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)  # browsers (Cache-Control)
# Query parameters that pages read (p: sitemap part); others bypass the cache.
PAGE_CACHE_QUERY_PARAMETERS = ["page", "partner", "topic", "year", "kind", "q", "p"]
# Cookies whose value changes a page (e.g. a server-side consent choice) go in the key;
# any other cookie except csrftoken and django_language bypasses the cache.
PAGE_CACHE_KEY_COOKIES = env_list("PAGE_CACHE_KEY_COOKIES")
# Benchmarks only: requests with this header skip the cache (unset: no bypass).
PAGE_CACHE_BYPASS_HEADER = os.environ.get("PAGE_CACHE_BYPASS_HEADER", "")
# Benchmarks only: route /bench/ping, a trivial view (tregks.cache.views.bench_ping).
BENCH_PING = env_bool("BENCH_PING", False)

# CDN purge through wagtail.contrib.frontend_cache: FRONTEND_CACHE=cloudflare,
# cloudfront or http (a Varnish/nginx purge endpoint). Published pages and the
# listings above them are purged; the CDN may then keep pages for PAGE_CACHE_S_MAXAGE.
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "").strip().lower()
if FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
        }
    }
elif FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ.get("FRONTEND_CACHE_LOCATION", ""),
        }
    }
elif FRONTEND_CACHE:
    raise ImproperlyConfigured(
        f"FRONTEND_CACHE must be cloudflare, cloudfront or http, not {FRONTEND_CACHE!r}."
    )
for _name, _config in globals().get("WAGTAILFRONTENDCACHE", {}).items():
    _missing = [key for key, value in _config.items() if value == ""]
    if _missing:
        raise ImproperlyConfigured(
            f"FRONTEND_CACHE={_name} needs {', '.join(_missing)} "
            "(see docs/PERFORMANCE.md)."
        )
# Shared caches (CDN) keep pages longer only when publishing purges them.
PAGE_CACHE_S_MAXAGE = env_int(
    "PAGE_CACHE_S_MAXAGE", 3600 if FRONTEND_CACHE else PAGE_CACHE_MAX_AGE
)

# django-axes watches logins first and refuses locked-out ones; Django then authenticates.
# AxesBackend (not the standalone one) can also load the user of a session, which
# Wagtail's test helpers expect of the first backend.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# Per account and address: one wrong-typing colleague behind a shared office NAT
# does not lock out the others, and a guesser cannot lock an editor out everywhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
# Behind N trusted proxies the client address comes from X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0) or None
if AXES_IPWARE_PROXY_COUNT:
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the default, English the second; every public URL has a prefix.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static files: hashed, compressed names served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
WHITENOISE_MAX_AGE = 3600

# Media: local folder by default, S3-compatible object storage when MEDIA_STORAGE=s3.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "local").lower()
# Both storages remove what a failed write left and raise one error type, which the
# upload forms show to the editor (tregks.core.storage, tregks.core.upload_forms).
# MEDIA_STORAGE=s3: how long a signed address of a private audio or video file holds.
MEDIA_SIGNED_URL_SECONDS = env_int("MEDIA_SIGNED_URL_SECONDS", 300)
if MEDIA_STORAGE == "s3":
    # Only here: botocore is heavy to import and a local-storage site never needs it.
    from botocore.config import Config as _BotoConfig

    _media_backend = {
        # Audio and video are private objects behind the site (embargo), and a
        # refused upload leaves nothing (tregks.core.storage_s3).
        "BACKEND": "tregks.core.storage_s3.MediaS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_STORAGE_BUCKET_NAME", ""),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            # An unreachable store fails an upload in seconds, not minutes.
            "client_config": _BotoConfig(
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
            ),
        },
    }
    if not _media_backend["OPTIONS"]["bucket_name"]:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
elif MEDIA_STORAGE == "local":
    _media_backend = {"BACKEND": "tregks.core.storage.MediaFileSystemStorage"}
else:
    raise ImproperlyConfigured(
        f"MEDIA_STORAGE must be 'local' or 's3', not {MEDIA_STORAGE!r}."
    )

STORAGES = {
    "default": _media_backend,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}


def _origin(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _s3_bucket_origin():
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if MEDIA_STORAGE != "s3" or not bucket or os.environ.get("AWS_S3_ENDPOINT_URL"):
        return None
    region = os.environ.get("AWS_S3_REGION_NAME", "")
    return f"https://{bucket}.s3.{region}.amazonaws.com".replace("..", ".")


# Where media files come from, for the CSP: MEDIA_URL, or S3's custom domain or endpoint.
_s3 = MEDIA_STORAGE == "s3"
_s3_domain = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "") if _s3 else ""
_s3_endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "") if _s3 else ""
MEDIA_ORIGINS = sorted(
    {
        origin
        for origin in (
            _origin(MEDIA_URL),
            _origin(f"https://{_s3_domain}" if _s3_domain else ""),
            _origin(_s3_endpoint),
            # Signed addresses of private audio and video use the bucket's own host.
            _s3_bucket_origin(),
        )
        if origin
    }
)

# Content-Security-Policy (django-csp 4): no inline script on the public site; video
# frames only from the privacy-enhanced hosts, loaded after consent.
VIDEO_EMBED_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_ORIGINS],
        "media-src": [SELF, *MEDIA_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": VIDEO_EMBED_ORIGINS,
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# The Wagtail admin renders inline scripts and styles and frames its own previews.
CSP_ADMIN_PATH_PREFIXES = ["/admin/"]
CSP_ADMIN_DIRECTIVES = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *MEDIA_ORIGINS],
    "media-src": [SELF, "blob:", *MEDIA_ORIGINS],
    "frame-src": [SELF, *VIDEO_EMBED_ORIGINS, "https://www.youtube.com"],
    "frame-ancestors": [SELF],
}
# Clickjacking: no framing at all; Wagtail's preview views set SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Browser features the site never uses are switched off (django-permissions-policy,
# which quotes the origins itself).
_video_allow = ["self", *VIDEO_EMBED_ORIGINS]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "autoplay": _video_allow,
    "encrypted-media": _video_allow,
    "fullscreen": _video_allow,
    "picture-in-picture": _video_allow,
}
# Seconds a client should wait after the database-down page (503).
DATABASE_DOWN_RETRY_AFTER = 30

# E-mail: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# Seconds an SMTP server may take; error mails are sent while the 500 page waits.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)

# Registrations for events (docs/privacy.md): personal data is deleted this many days
# after the event, the optional needs field this many days after it (0: the next run).
REGISTRATION_RETENTION_DAYS = env_int("REGISTRATION_RETENTION_DAYS", 30)
REGISTRATION_NEEDS_RETENTION_DAYS = env_int("REGISTRATION_NEEDS_RETENTION_DAYS", 0)
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "tregks <noreply@tregks.de>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Contact and "Mitmachen" messages (contact app, docs/privacy.md): kept this many days,
# then deleted by the scheduled task "contact.purge"; a partner without any address on
# its profile gets its messages at the fallback address.
CONTACT_RETENTION_DAYS = env_int("CONTACT_RETENTION_DAYS", 180)
CONTACT_FALLBACK_EMAIL = os.environ.get(
    "CONTACT_FALLBACK_EMAIL", "tregks@wfg-kassel.de"
)
# Workflow e-mails go to the partner's approvers and the submitter only, not to every
# superuser for all six partners (docs/editorial-workflow.md).
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# An approved workflow publishes its revision without asking the last approver for
# publish permission, so the consortium lead needs none (tregks/editorial/workflows.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "tregks.editorial.workflows.publish_approved_revision"

# Django sets a maximum of 1000 fields per form; Wagtail's editor can exceed it.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = "tregks – Transformationsnetzwerk Region Kassel"
# Search: Wagtail's database backend, made language-aware on PostgreSQL (German and
# English stemming in one index, see search/backend.py). Large installations switch to
# Elasticsearch or OpenSearch with SEARCH_BACKEND and SEARCH_URL.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database").strip().lower()
SEARCH_ENGINES = {
    "elasticsearch7",
    "elasticsearch8",
    "elasticsearch9",
    "opensearch2",
    "opensearch3",
}
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backend",
            "SEARCH_CONFIGS": {"de": "german", "en": "english"},
        }
    }
elif SEARCH_BACKEND in SEARCH_ENGINES:
    if not env_list("SEARCH_URL"):
        raise ImproperlyConfigured(f"SEARCH_BACKEND={SEARCH_BACKEND} needs SEARCH_URL.")
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URL"),
            "INDEX": os.environ.get("SEARCH_INDEX", "tregks"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    raise ImproperlyConfigured(
        "SEARCH_BACKEND must be database, elasticsearch7, elasticsearch8, "
        f"elasticsearch9, opensearch2 or opensearch3, not {SEARCH_BACKEND!r}."
    )
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",  # WebVTT caption tracks of uploaded videos (stories)
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("DOCUMENT_MAX_UPLOAD_MB", 20) * 1024 * 1024
# Content checks on upload (HTML, SVG with script, programs) and inline display for PDF
# only: everything else is served as an attachment, with nosniff and a sandboxing CSP.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "tregks.security.uploads.DocumentForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
MEDIA_MAX_UPLOAD_SIZE = env_int("MEDIA_MAX_UPLOAD_MB", 200) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "tregks.security.uploads.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatar requests to gravatar.com from the admin: privacy for the editors.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10_000  # concurrent-editing notices

WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

WAGTAILAPI_BASE_URL = BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    # Type, size (MEDIA_MAX_UPLOAD_MB) and content checks: tregks.security.uploads.
    "MEDIA_FORM_BASE": "tregks.security.uploads.MediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac"],
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm", "ogv", "mov"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}
