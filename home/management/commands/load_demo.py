"""Build the bilingual demo site. Idempotent: a second run adds nothing."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tregks.demo.build import build_demo


class Command(BaseCommand):
    help = (
        "Builds the German demo site and its English translation (through wagtail-localize). "
        "Safe to run again: existing content is kept, nothing is added twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-accounts",
            action="store_true",
            help="Do not create the demo accounts (they are never created with DEBUG off).",
        )
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help=(
                "After the demo, add a large archive for benchmarks: N press releases, "
                "N/20 episodes, N/50 video stories, 3N/100 profiles, in both languages "
                "(bulk inserts; meant for PostgreSQL, see docs/PERFORMANCE.md)."
            ),
        )

    def handle(self, *args, **options):
        if options["scale"] < 0:
            raise CommandError("--scale must be a positive number.")
        with transaction.atomic():
            build_demo(options, self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Demo content is ready (German and English).")
        )
        if options["scale"]:
            from home.scale import build_scale

            build_scale(options["scale"], self.stdout)
