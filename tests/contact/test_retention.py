"""Messages are deleted CONTACT_RETENTION_DAYS after they arrived."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest

from contact.factories import ContactMessageFactory
from contact.models import ContactMessage

pytestmark = pytest.mark.django_db


def aged(days):
    return ContactMessageFactory(
        created_at=timezone.now() - datetime.timedelta(days=days)
    )


def test_the_scheduled_task_deletes_messages_past_the_retention_period(settings):
    settings.CONTACT_RETENTION_DAYS = 180
    old, answered_old = aged(181), aged(400)
    answered_old.status = "answered"
    answered_old.save()
    recent, edge = aged(10), aged(179)
    out = io.StringIO()
    call_command("run_scheduled_tasks", "--only", "contact.purge", stdout=out)
    left = set(ContactMessage.objects.values_list("pk", flat=True))
    assert old.pk not in left and answered_old.pk not in left
    assert {recent.pk, edge.pk} <= left
    assert "contact.purge: 2 " in out.getvalue()
    # Idempotent: a second run finds nothing to do.
    call_command("run_scheduled_tasks", "--only", "contact.purge", stdout=io.StringIO())
    assert {recent.pk, edge.pk} <= set(
        ContactMessage.objects.values_list("pk", flat=True)
    )


def test_the_period_is_a_setting(settings):
    settings.CONTACT_RETENTION_DAYS = 7
    week_old, new = aged(8), aged(6)
    call_command("run_scheduled_tasks", "--only", "contact.purge", stdout=io.StringIO())
    assert not ContactMessage.objects.filter(pk=week_old.pk).exists()
    assert ContactMessage.objects.filter(pk=new.pk).exists()


def test_the_task_is_registered():
    from tregks.core.scheduled import registered_tasks

    assert "contact.purge" in {task.name for task in registered_tasks()}
