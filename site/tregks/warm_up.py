"""What a new process would otherwise load during its first requests.

gunicorn loads the application once and forks its workers from it (`preload_app`,
gunicorn.conf.py), and recycles each worker now and then. Django loads much of
itself lazily: the cache backend (redis-py: 0.17 s of CPU to import), the URL
patterns of each language, the translation catalogues, the template engine with its
tag libraries and every template, the code's fingerprint for the cache keys. Done in
each worker, that made its first uncached page cost 250 to 300 ms of CPU instead of
15 to 25, behind which the requests sent to it waited (the tail of the benchmark's
uncached runs). Done here, before the fork, every worker starts with it.

Nothing here opens a connection: a socket made before the fork would be shared by
every worker. The cache backends are imported, not created; no query runs.
"""

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string

from tregks.cache.code_version import code_version

# A URL name of every language's patterns (i18n_patterns): reversing it builds them.
PUBLIC_URL_NAME = "search"


def warm_up():
    code_version()
    for cache in settings.CACHES.values():
        import_string(cache["BACKEND"])
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse(PUBLIC_URL_NAME)
    for engine in engines.all():
        for name in project_template_names(engine):  # found by its own loaders
            engine.get_template(name)


def project_template_names(engine):
    """Names of the project's own templates (the public pages use them; Wagtail's
    admin templates are left for the editors' first requests)."""
    root = Path(settings.BASE_DIR).resolve()
    names = set()
    for folder in engine.template_dirs:
        folder = Path(folder).resolve()
        installed = "site-packages" in folder.parts  # a virtualenv inside the project
        if folder.is_dir() and folder.is_relative_to(root) and not installed:
            names |= {str(path.relative_to(folder)) for path in folder.rglob("*.html")}
    return sorted(names)
