"""Create the editorial groups, permissions and workflows (Procfile `release` runs it)."""

from django.core.management.base import BaseCommand

from tregks.editorial.setup import setup_editorial


class Command(BaseCommand):
    help = (
        "Creates or completes the editorial groups, page permissions, partner sections "
        "and workflows for every consortium partner. Safe to run on every deploy."
    )

    def handle(self, *args, **options):
        setup_editorial(stdout=self.stdout)
