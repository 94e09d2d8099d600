"""Recurring work of the apps: retention deletions, reminders.

Apps register tasks with the Wagtail hook `register_scheduled_task`:

    @hooks.register("register_scheduled_task")
    def purge_old_registrations():
        return ScheduledTask("registrations.purge", purge_function)

A task's `run()` takes no arguments, is idempotent and cheap when nothing is due, and
returns a short summary ("3 registrations deleted"). The Procfile's scheduler process
runs every task once an hour (`publish_scheduled_loop`); `manage.py run_scheduled_tasks`
runs them once, for cron and for operators. One failing task does not stop the others.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScheduledTask:
    name: str
    run: Callable[[], str]


def registered_tasks():
    tasks = [hook() for hook in hooks.get_hooks("register_scheduled_task")]
    return sorted(tasks, key=lambda task: task.name)


def run_tasks(only=None):
    """Run the registered tasks (or those named in `only`); [(name, summary, succeeded)]."""
    results = []
    for task in registered_tasks():
        if only and task.name not in only:
            continue
        try:
            summary = task.run()
        except (
            Exception
        ) as error:  # one app's fault must not stop the others' deletions
            logger.exception("Scheduled task %s failed", task.name)
            results.append((task.name, f"failed: {error}", False))
            continue
        logger.info("Scheduled task %s: %s", task.name, summary)
        results.append((task.name, summary, True))
    return results
