"""Run the apps' scheduled tasks once (retention deletions, reminders)."""

from django.core.management.base import BaseCommand, CommandError

from tregks.core.scheduled import registered_tasks, run_tasks


class Command(BaseCommand):
    help = (
        "Runs every task registered with the register_scheduled_task hook once "
        "(deletions after the retention periods, reminder e-mails). The scheduler "
        "process runs them hourly; use this from cron or by hand."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", action="append", metavar="NAME", help="Run only this task."
        )
        parser.add_argument(
            "--list", action="store_true", help="List the registered tasks and stop."
        )

    def handle(self, *args, **options):
        names = [task.name for task in registered_tasks()]
        if options["list"]:
            for name in names:
                self.stdout.write(name)
            return
        unknown = set(options["only"] or ()) - set(names)
        if unknown:
            raise CommandError(
                f"Unknown task(s): {', '.join(sorted(unknown))}. Known: {', '.join(names)}"
            )
        results = run_tasks(options["only"])
        for name, summary, _succeeded in results:
            self.stdout.write(f"{name}: {summary}")
        if not all(succeeded for _name, _summary, succeeded in results):
            raise CommandError("At least one scheduled task failed (see above).")
