"""Build the bilingual demo site. Idempotent: a second run adds nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand
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

    def handle(self, *args, **options):
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
