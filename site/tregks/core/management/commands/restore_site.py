"""Restore an archive written by backup_site (docs/operations.md)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from tregks.core.backup import RestoreError, check_archive, restore_backup


class Command(BaseCommand):
    help = (
        "Restores database content and media files from a backup_site archive into an "
        "empty database (migrated first). --force replaces existing content."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz archive from backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the content of a database that is not empty.",
        )

    def handle(self, *args, **options):
        try:
            # A wrong, damaged or inconsistent file is refused before the database
            # is touched.
            manifest = check_archive(options["archive"])
            call_command("migrate", interactive=False, verbosity=0)
            restore_backup(
                options["archive"],
                force=options["force"],
                stdout=self.stdout,
                manifest=manifest,
            )
        except RestoreError as error:
            raise CommandError(str(error)) from error
