"""Write database content and media files to one archive (docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tregks.core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Writes the whole site (database content and media files) to a .tar.gz archive "
        "that restore_site reads back into an empty database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Archive to write (default: tregks-backup-<date>.tar.gz here).",
        )

    def handle(self, *args, **options):
        output = options["output"] or (
            f"tregks-backup-{timezone.now():%Y-%m-%d-%H%M%S}.tar.gz"
        )
        try:
            create_backup(output, stdout=self.stdout)
        except (BackupError, OSError) as error:
            raise CommandError(f"No backup was written: {error}") from error
