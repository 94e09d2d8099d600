"""load_demo gives one upcoming event registrations in every state, once."""

import pytest
import yaml

from registrations import demo
from registrations.models import Registration, RegistrationState

pytestmark = pytest.mark.django_db


def test_the_demo_event_has_every_state_and_a_second_run_adds_nothing():
    data = yaml.safe_load(demo.DATA.read_text(encoding="utf-8"))
    event = demo.pick_event(data["event"])
    assert event is not None and not event.is_past
    registrations = Registration.objects.filter(event=event)
    assert set(registrations.values_list("state", flat=True)) == set(
        RegistrationState.values
    )
    before = registrations.count()
    demo.build({})
    assert registrations.count() == before
    assert all(r.email.endswith(".invalid") for r in registrations)
