"""WSGI entry point for gunicorn: `gunicorn --pythonpath site tregks.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.production")

application = get_wsgi_application()
