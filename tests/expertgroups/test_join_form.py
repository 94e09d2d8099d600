""" "Mitmachen": a message to the partner leading the group, stored like a contact
message and marked as coming from that group."""

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from contact.models import ContactMessage
from contact.recipients import lead_profile
from partners.models import PartnerRole
from tests.utils import soup
from tregks.core.form_protection import aged_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_messages(db):
    """Messages stored during the test (the demo has its own)."""
    before = set(ContactMessage.objects.values_list("pk", flat=True))
    return lambda: ContactMessage.objects.exclude(pk__in=before)


def join(page, **changes):
    data = {
        "form_token": aged_token("expert-group", 10),
        "website": "",
        "name": "Max Beispiel",
        "organisation": "Beispiel AG",
        "email": "max@example.org",
        "message": "Wir möchten in der Gruppe mitarbeiten.",
        "consent": "on",
    }
    data.update(changes)
    with translation.override(page.locale.language_code):
        url = reverse("expertgroups_join", args=[page.pk])
    return Client().post(url, {k: v for k, v in data.items() if v is not None})


@pytest.fixture
def led_group(group):
    leader = group["network"]["partners"]["b"]
    for language in ("de", "en"):
        leader[language].expert_groups.add(group["topic"])
        leader[language].save()
    return group


def test_a_message_reaches_the_leading_partner_marked_with_the_group(led_group):
    page = led_group["page"]["en"]
    response = join(page)
    assert response.status_code == 302
    assert response["Location"] == page.url + "thanks/"
    message = ContactMessage.objects.get(email="max@example.org")
    assert message.recipient_code == "test-partner-b"
    assert message.expert_group == led_group["topic"]
    assert led_group["topic"].name in message.subject
    assert (message.organisation, message.language) == ("Beispiel AG", "en")
    to_partner, confirmation = mail.outbox
    assert to_partner.to == ["formulare-b@example.org"]
    assert led_group["topic"].name in to_partner.body
    assert confirmation.to == ["max@example.org"]
    assert "thank you" in confirmation.body
    thanks = Client().get(response["Location"])
    assert thanks.status_code == 200
    assert "Test group" in thanks.content.decode()


def test_a_group_led_by_two_partners_reaches_both_and_confirms_once(led_group):
    also_leading = led_group["network"]["partners"]["a"]
    for language in ("de", "en"):
        also_leading[language].role = PartnerRole.PARTNER  # a consortium partner
        also_leading[language].expert_groups.add(led_group["topic"])
        also_leading[language].save()
    page = led_group["page"]["de"]
    assert join(page).status_code == 302
    messages = ContactMessage.objects.filter(email="max@example.org")
    assert sorted(m.recipient_code for m in messages) == [
        "test-partner-a",
        "test-partner-b",
    ]
    to_partners = [m.to for m in mail.outbox if m.to != ["max@example.org"]]
    assert sorted(to_partners) == [
        ["formulare-a@example.org"],
        ["formulare-b@example.org"],
    ]
    (confirmation,) = [m for m in mail.outbox if m.to == ["max@example.org"]]
    assert "Partnerorganisation A und Partnerorganisation B" in confirmation.body


def test_the_leading_partners_staff_see_it_in_the_admin_and_others_do_not(led_group):
    join(led_group["page"]["de"])
    message = ContactMessage.objects.get(email="max@example.org")
    staff = led_group["network"]["staff"]
    url = reverse("contact_messages:detail", args=[message.pk])
    own, other = Client(), Client()
    own.force_login(staff["b"]["editor"])
    other.force_login(staff["a"]["approver"])
    shown = own.get(url)
    assert shown.status_code == 200
    assert "Fachgruppe" in shown.content.decode()
    refused = other.get(url)
    assert refused.status_code == 404
    assert message.subject not in refused.content.decode()
    listing = other.get(reverse("contact_messages:index")).content.decode()
    assert message.subject not in listing


def test_a_group_nobody_leads_sends_to_the_consortium_lead(group):
    assert join(group["page"]["de"]).status_code == 302
    lead = lead_profile()
    message = ContactMessage.objects.get(email="max@example.org")
    assert message.recipient_code == lead.code
    assert mail.outbox[0].to == [lead.contact_form_email or lead.contact_email]


@pytest.mark.parametrize(
    ("changes", "text"),
    [
        ({"email": "max@"}, "gültige E-Mail-Adresse"),
        ({"name": "x" * 151}, "höchstens 150 Zeichen"),
        ({"message": ""}, "Nachricht: Dieses Feld muss ausgefüllt werden."),
        ({"form_token": "kaputt"}, "konnte nicht geprüft werden"),
        ({"form_token": aged_token("contact", 10)}, "konnte nicht geprüft werden"),
    ],
)
def test_bad_input_is_explained_in_german_and_nothing_is_kept(
    new_messages, led_group, changes, text
):
    response = join(led_group["page"]["de"], **changes)
    assert response.status_code == 400
    summary = soup(response).select_one("#error-summary")
    assert text in summary.get_text()
    assert not new_messages().exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "trap",
    ["honeypot", "too fast"],
)
def test_a_bot_is_thanked_like_a_person_and_nothing_is_kept(
    new_messages, led_group, trap
):
    page = led_group["page"]["de"]
    if trap == "honeypot":
        response = join(page, website="spam")
    else:  # sent within a second of seeing the form
        response = join(page, form_token=aged_token("expert-group", 0))
    assert response.status_code == 302
    assert response["Location"] == page.url + "thanks/"
    assert not new_messages().exists()
    assert mail.outbox == []


def test_a_flood_is_stopped(new_messages, led_group, settings):
    settings.FORM_RATE_LIMIT = (1, 600)
    page = led_group["page"]["de"]
    first = join(page, email="a@example.org")
    second = join(page, email="b@example.org")
    assert (first.status_code, second.status_code) == (302, 429)
    assert "zu viele Anfragen" in second.content.decode()
    assert new_messages().count() == 1
