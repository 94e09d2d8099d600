"""WSGI entry point for gunicorn: `gunicorn --pythonpath site tregks.wsgi`.

Plain page cache hits are answered before Django's handler (tregks.cache.wsgi);
everything else goes to Django. What the first requests would load is loaded here
(tregks.warm_up), in gunicorn's master process when it preloads the application, and
then kept out of the garbage collector's passes.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tregks.settings.production")

django_application = get_wsgi_application()

# Imported once the apps are loaded (get_wsgi_application sets Django up).
from tregks.cache.wsgi import CachedPagesFirst  # noqa: E402
from tregks.warm_up import warm_up  # noqa: E402

application = CachedPagesFirst(django_application)
warm_up()
# What is loaded now lives as long as the process: leave it out of the garbage
# collector's full passes, which otherwise scanned these ~240,000 objects in every
# worker for some 80 ms (a stall in the middle of a request), and which would also
# copy the memory pages the workers share with gunicorn's master (gc.freeze, Python
# docs: "call gc.freeze() right before fork()").
gc.freeze()
