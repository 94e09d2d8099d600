"""Run Wagtail's publish_scheduled every minute (Procfile `scheduler`)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections


class Command(BaseCommand):
    help = (
        "Publishes and unpublishes pages whose go-live or expiry time has come, once a "
        "minute, for platforms without cron. With cron, call publish_scheduled instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between runs."
        )
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, **options):
        while True:
            close_old_connections()
            call_command("publish_scheduled", verbosity=options["verbosity"])
            if options["once"]:
                return
            time.sleep(options["interval"])
