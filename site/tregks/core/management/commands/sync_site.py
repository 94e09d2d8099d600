"""Point the default Wagtail site at BASE_URL, so that absolute links are right."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand

from wagtail.models import Site


class Command(BaseCommand):
    help = "Sets the default site's host name and port from BASE_URL."

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            self.stdout.write("No default site yet; nothing to do.")
            return
        parts = urlsplit(settings.BASE_URL)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if (site.hostname, site.port) != (parts.hostname, port):
            site.hostname, site.port = parts.hostname, port
            site.save()
        self.stdout.write(f"Default site: {parts.scheme}://{site.hostname}:{site.port}")
