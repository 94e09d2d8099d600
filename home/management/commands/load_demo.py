"""Build the bilingual demo site. Idempotent: a second run adds nothing."""

import contextlib
import logging

from django.core.management.base import BaseCommand
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

    def handle(self, *args, **options):
        # Wagtail logs every page it creates, edits and publishes (hundreds of lines
        # that would bury the address `make run` prints); -v 2 shows them.
        quiet = options["verbosity"] < 2
        logs = quiet_wagtail_log() if quiet else contextlib.nullcontext()
        with logs, transaction.atomic():
            build_demo(options, self.stdout)
        self.stdout.write(
            self.style.SUCCESS("Demo content is ready (German and English).")
        )


@contextlib.contextmanager
def quiet_wagtail_log():
    logger = logging.getLogger("wagtail")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
