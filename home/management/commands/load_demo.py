"""Build the bilingual demo site. Idempotent: a second run adds nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail import hooks

from home import demo as home_demo


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
            context = home_demo.build_site()
            # Content apps register (order, builder) pairs; builders get the shared context
            # (German and English home pages and the page tree made so far).
            builders = sorted(
                (hook() for hook in hooks.get_hooks("load_demo_content")),
                key=lambda pair: pair[0],
            )
            for _order, builder in builders:
                builder(context, options=options, stdout=self.stdout)
            home_demo.finish_site(context)
            if options["skip_accounts"]:
                pass
            elif settings.DEBUG:
                home_demo.create_admin_account(self.stdout)
            else:
                self.stdout.write("DEBUG is off: no demo accounts were created.")
        self.stdout.write(
            self.style.SUCCESS("Demo content is ready (German and English).")
        )
        if options["scale"]:
            from home.scale import build_scale

            build_scale(options["scale"], self.stdout)
