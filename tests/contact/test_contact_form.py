"""The contact form from the visitor's side: send, store, e-mail, and what goes wrong."""

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from contact.models import ContactMessage, MessageStatus
from contact.recipients import lead_profile
from tests.utils import soup
from tregks.core.form_protection import TOKEN_MAX_AGE, aged_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_messages(db):
    """Messages stored during the test (the demo has its own)."""
    before = set(ContactMessage.objects.values_list("pk", flat=True))
    return lambda: ContactMessage.objects.exclude(pk__in=before)


def action(page):
    with translation.override(page.locale.language_code):
        return reverse("contact_submit", args=[page.pk])


def form_data(**changes):
    data = {
        "form_token": aged_token("contact", 10),
        "website": "",
        "recipient": "test-partner-a",
        "name": "Erika Muster",
        "email": "erika@example.org",
        "organisation": "Musterbetrieb",
        "subject": "Frage zur Fachgruppe",
        "message": "Wie kann ich mitmachen?",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def send(page, client=None, **changes):
    return (client or Client()).post(action(page), form_data(**changes))


def test_the_page_sets_no_cookie_has_no_csrf_token_and_is_cached(network, settings):
    settings.PAGE_CACHE_ENABLED = True
    page = network["page"]["de"]
    client = Client()
    first, second = client.get(page.url), client.get(page.url)
    assert first.status_code == second.status_code == 200
    assert not first.cookies and not second.cookies
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    html = soup(second)
    assert html.select_one("input[name=csrfmiddlewaretoken]") is None
    assert html.select_one("form.message-form")["action"] == action(page)


def test_the_form_offers_the_network_and_each_partner_with_labels_and_autocomplete(
    network,
):
    html = soup(Client().get(network["page"]["de"].url))
    form = html.select_one("form.message-form")
    assert form.select_one("fieldset legend").get_text().startswith("An wen?")
    choices = {
        radio["value"]: form.select_one(f"label[for={radio['id']}]").get_text()
        for radio in form.select("input[name=recipient]")
    }
    assert choices["test-partner-a"] == "Partnerorganisation A"
    assert choices["test-partner-b"] == "Partnerorganisation B"
    lead = lead_profile()
    assert lead.title in choices[lead.code]
    assert list(choices)[0] == lead.code  # "the network in general" first
    expected = {"name": "name", "email": "email", "organisation": "organization"}
    for name, hint in expected.items():
        field = form.select_one(f"[name={name}]")
        assert field["autocomplete"] == hint
        assert form.select_one(f"label[for={field['id']}]")
    for name in ("subject", "message", "consent"):
        field = form.select_one(f"[name={name}]")
        assert form.select_one(f"label[for={field['id']}]")


def test_a_message_is_stored_sent_to_the_partner_and_confirmed_to_the_sender(network):
    response = send(network["page"]["de"])
    assert response.status_code == 302
    assert response["Location"].endswith("/thanks/")
    message = ContactMessage.objects.get(email="erika@example.org")
    assert message.recipient_code == "test-partner-a"
    assert message.status == MessageStatus.NEW
    assert message.expert_group is None
    assert (message.subject, message.organisation, message.language) == (
        "Frage zur Fachgruppe",
        "Musterbetrieb",
        "de",
    )
    to_partner, confirmation = mail.outbox
    assert to_partner.to == ["formulare-a@example.org"]
    assert to_partner.reply_to == ["erika@example.org"]
    assert "Wie kann ich mitmachen?" in to_partner.body
    assert reverse("contact_messages:detail", args=[message.pk]) in to_partner.body
    assert confirmation.to == ["erika@example.org"]
    assert "vielen Dank" in confirmation.body
    assert confirmation.alternatives[0][1] == "text/html"
    assert message.mail_delivered
    thanks = Client().get(response["Location"])
    assert thanks.status_code == 200
    assert not thanks.cookies


def test_the_english_page_confirms_in_english_and_the_partner_reads_german(network):
    response = send(network["page"]["en"], recipient="test-partner-b")
    assert response.status_code == 302
    message = ContactMessage.objects.get(email="erika@example.org")
    assert (message.recipient_code, message.language) == ("test-partner-b", "en")
    to_partner, confirmation = mail.outbox
    assert to_partner.to == ["formulare-b@example.org"]
    assert "Nachricht" in to_partner.subject
    assert "thank you" in confirmation.body


def test_without_a_form_address_the_public_address_receives_the_message(network):
    partner = network["partners"]["b"]["de"]
    type(partner).objects.filter(code=partner.code).update(contact_form_email="")
    assert send(network["page"]["de"], recipient="test-partner-b").status_code == 302
    assert mail.outbox[0].to == ["info-b@example.org"]


@pytest.mark.parametrize(
    ("changes", "field", "text"),
    [
        ({"name": ""}, "name", "Name: Dieses Feld muss ausgefüllt werden."),
        ({"email": "keine-adresse"}, "email", "gültige E-Mail-Adresse"),
        ({"message": "x" * 5001}, "message", "höchstens 5000 Zeichen"),
        ({"subject": "x" * 201}, "subject", "höchstens 200 Zeichen"),
        ({"recipient": "gibt-es-nicht"}, "recipient", "Empfänger"),
        ({"consent": None}, "consent", "Einwilligung: Bitte stimmen Sie"),
        ({"message": " "}, "message", "Nachricht: Dieses Feld muss ausgefüllt"),
    ],
)
def test_bad_input_gets_a_german_message_linked_from_the_summary(
    new_messages, network, changes, field, text
):
    response = send(network["page"]["de"], **changes)
    assert response.status_code == 400
    html = soup(response)
    summary = html.select_one("#error-summary")
    assert summary["role"] == "alert"
    assert text in summary.get_text()
    anchor = summary.select_one("a")["href"].lstrip("#")
    target = html.find(id=anchor)
    assert target is not None and target.get("name") == field
    # What was typed comes back; nothing is stored or sent.
    if field != "name":
        assert html.select_one("[name=name]")["value"] == "Erika Muster"
    assert not new_messages().exists()
    assert mail.outbox == []


def test_an_invalid_field_points_to_its_error_for_screen_readers(network):
    html = soup(send(network["page"]["de"], email="kaputt"))
    field = html.select_one("[name=email]")
    assert field["aria-invalid"] == "true"
    described = field["aria-describedby"].split()
    assert "id_email_error" in described
    assert "gültige" in html.find(id="id_email_error").get_text()


def test_messages_come_in_the_readers_language(network):
    response = send(network["page"]["en"], email="kaputt")
    assert response.status_code == 400
    assert "valid e-mail address" in soup(response).select_one("#error-summary").text


@pytest.mark.parametrize(
    ("token", "text"),
    [
        ("kaputt", "konnte nicht geprüft werden"),
        (aged_token("expert-group", 10), "konnte nicht geprüft werden"),
        (aged_token("contact", TOKEN_MAX_AGE + 60), "zu lange geöffnet"),
    ],
)
def test_a_broken_foreign_or_expired_token_is_explained(
    new_messages, network, token, text
):
    response = send(network["page"]["de"], form_token=token)
    assert response.status_code == 400
    assert text in soup(response).select_one("#error-summary").get_text()
    assert not new_messages().exists()


def test_a_replayed_form_is_refused(new_messages, network):
    token = aged_token("contact", 10)
    assert send(network["page"]["de"], form_token=token).status_code == 302
    again = send(network["page"]["de"], form_token=token)
    assert again.status_code == 400
    assert "bereits abgeschickt" in again.content.decode()
    assert new_messages().count() == 1


@pytest.mark.parametrize(
    "trap",
    ["honeypot", "too fast"],
)
def test_a_bot_gets_the_same_answer_and_nothing_is_stored_or_sent(
    new_messages, network, trap
):
    page = network["page"]["de"]
    if trap == "honeypot":
        bot = send(page, website="http://spam.example")
    else:  # sent a second after the form was shown
        bot = send(page, form_token=aged_token("contact", 1))
    assert bot.status_code == 302
    assert bot["Location"].endswith("/thanks/")
    assert not new_messages().exists()
    assert mail.outbox == []


def test_a_flood_from_one_address_is_stopped_with_a_message(
    new_messages, network, settings
):
    settings.FORM_RATE_LIMIT = (2, 600)
    page = network["page"]["de"]
    codes = [send(page, email=f"person{n}@example.org").status_code for n in range(4)]
    assert codes == [302, 302, 429, 429]
    assert new_messages().count() == 2
    last = send(page, email="noch-jemand@example.org")
    assert "zu viele Anfragen" in last.content.decode()


def test_a_post_from_another_site_is_refused(new_messages, network):
    response = Client().post(
        action(network["page"]["de"]),
        form_data(),
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert not new_messages().exists()


def test_an_unknown_or_unpublished_page_is_a_404(new_messages, network):
    page = network["page"]["de"]
    assert (
        Client().post(reverse("contact_submit", args=[0]), form_data()).status_code
        == 404
    )
    page.unpublish()
    assert send(page).status_code == 404
    assert not new_messages().exists()
