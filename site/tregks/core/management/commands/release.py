"""What a deploy runs once before new web processes start (Procfile `release`)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from wagtail import hooks


class Command(BaseCommand):
    help = (
        "Applies migrations, points the Wagtail site at BASE_URL and runs the release "
        "steps of the apps (groups, permissions and workflows). Safe to run on every deploy."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=options["verbosity"])
        call_command("sync_site", verbosity=options["verbosity"])
        # Apps register idempotent steps, e.g. the editorial groups and workflows.
        for step in hooks.get_hooks("release_steps"):
            step(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Release steps done."))
