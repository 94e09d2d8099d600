"""Test runs: fast hashing, plain static storage, local-memory cache, mail in memory."""

import os

import dj_database_url

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
# A served site given CACHE_URL (tests/serving.py) keeps the shared Redis cache of
# base.py, as in production, so a change made by another process reaches its workers.
if not CACHE_URL:  # noqa: F405
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tregks-test",
        }
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A served site (tests/serving.py) writes its e-mails to files the browser journeys
# read, e.g. the registration journey's confirmation link.
if os.environ.get("TEST_EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["TEST_EMAIL_FILE_PATH"]
# A served site may shorten the form protection's minimum fill time, so that browser
# journeys wait 1 s per form instead of 3 (tests/browser/conftest.py); the check
# itself is tested in process with the default (tests/core/test_form_protection.py).
if os.environ.get("TEST_FORM_MIN_FILL_SECONDS"):
    FORM_MIN_FILL_SECONDS = float(os.environ["TEST_FORM_MIN_FILL_SECONDS"])
# Test clients log in without a request, which django-axes refuses; the lockout
# tests switch it on with override_settings(AXES_ENABLED=True).
AXES_ENABLED = False
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests run against PostgreSQL when DATABASE_URL points there (CI does both).
if os.environ.get("TEST_DATABASE_URL"):
    DATABASES = {
        "default": with_prepared_statements(  # noqa: F405
            dj_database_url.parse(os.environ["TEST_DATABASE_URL"])
        )
    }
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
