"""Run Wagtail's publish_scheduled every minute and the apps' scheduled tasks every hour
(Procfile `scheduler`; see tregks.core.scheduled)."""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from tregks.core.scheduled import run_tasks

# Retention deletions and reminders are due by the day; hourly is soon enough.
TASK_INTERVAL = 3600


class Command(BaseCommand):
    help = (
        "Publishes and unpublishes pages whose go-live or expiry time has come, once a "
        "minute, and runs the scheduled tasks (retention, reminders) once an hour, for "
        "platforms without cron. With cron, call publish_scheduled and "
        "run_scheduled_tasks instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=int, default=60, help="Seconds between runs."
        )
        parser.add_argument("--once", action="store_true", help="Run once and stop.")

    def handle(self, *args, **options):
        tasks_due = time.monotonic()
        while True:
            close_old_connections()
            call_command("publish_scheduled", verbosity=options["verbosity"])
            if time.monotonic() >= tasks_due:
                for name, summary, _succeeded in run_tasks():
                    self.stdout.write(f"{name}: {summary}")
                tasks_due = time.monotonic() + TASK_INTERVAL
            if options["once"]:
                return
            time.sleep(options["interval"])
