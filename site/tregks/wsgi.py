"""WSGI entry point for gunicorn: `gunicorn --pythonpath site tregks.wsgi`.

Plain page cache hits are answered before Django's handler (tregks.cache.wsgi);
everything else goes to Django. What the first requests would load is loaded here
(tregks.warm_up), in gunicorn's master process when it preloads the application.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.production")

django_application = get_wsgi_application()

# Imported once the apps are loaded (get_wsgi_application sets Django up).
from tregks.cache.wsgi import CachedPagesFirst  # noqa: E402
from tregks.warm_up import warm_up  # noqa: E402

application = CachedPagesFirst(django_application)
warm_up()
