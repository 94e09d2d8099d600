"""Confirmed subscribers as CSV on standard output or into a file, for the sending tool
(docs/newsletter.md): the same file as the admin's export button."""

from django.core.management.base import BaseCommand, CommandError

from newsletter.admin_views import export_text
from newsletter.models import Subscription


class Command(BaseCommand):
    help = "Writes the confirmed newsletter subscribers as CSV (UTF-8 with BOM)."

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=["de", "en"], default=None)
        parser.add_argument("--output", metavar="FILE", default=None)

    def handle(self, *args, **options):
        text = export_text(Subscription.objects.for_export(options["language"]))
        if options["output"]:
            try:
                with open(options["output"], "w", encoding="utf-8", newline="") as out:
                    out.write(text)
            except OSError as error:
                raise CommandError(
                    f"Cannot write {options['output']}: {error}"
                ) from error
        else:
            self.stdout.write(text, ending="")
