"""Double opt-in, unsubscribe by link and by RFC 8058 one-click POST, spam protection."""

import datetime

from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest

from newsletter.models import Subscription
from newsletter.signup import purge_expired
from newsletter.tokens import confirm_token, unsubscribe_token
from tregks.core.scheduled import run_tasks

from .conftest import links_in, path_of, sign_up, without_tokens

pytestmark = pytest.mark.django_db


def test_sign_up_counts_only_after_the_confirmation_link_is_clicked_and_pressed():
    client = Client()
    response = sign_up(client, "Ida@Example.org", "en")
    assert response.status_code == 302
    assert response.url == "/en/newsletter/requested/"
    subscription = Subscription.objects.get(email="ida@example.org")
    assert subscription.language == "en"
    assert subscription.consent_version and subscription.requested_at
    assert not Subscription.objects.confirmed().filter(pk=subscription.pk).exists()

    (message,) = mail.outbox
    assert message.to == ["ida@example.org"]
    assert "Please confirm" in message.subject  # the English mail for an English page
    assert message.alternatives[0][1] == "text/html"
    confirm_url = next(url for url in links_in(message) if "/confirm/" in url)

    # Opening the link (a mail scanner does too) changes nothing ...
    page = client.get(path_of(confirm_url))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert not Subscription.objects.confirmed().exists()
    # ... the button does.
    done = client.post(path_of(confirm_url))
    assert done.status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert Subscription.objects.confirmed().get() == subscription
    # Pressing again is harmless and keeps the first confirmation time.
    first = subscription.confirmed_at
    assert client.post(path_of(confirm_url)).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at == first


def test_every_newsletter_mail_carries_one_click_unsubscribe_headers():
    sign_up(Client(), "ida@example.org")
    subscription = Subscription.objects.get()
    subscription.confirmed_at = timezone.now()
    subscription.last_mail_at = None
    subscription.save()
    sign_up(Client(), "ida@example.org")  # already subscribed: a notice, no link
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        header = message.extra_headers["List-Unsubscribe"]
        assert header.startswith("<http://testserver/de/newsletter/unsubscribe/")
        assert message.extra_headers["List-Unsubscribe-Post"] == (
            "List-Unsubscribe=One-Click"
        )
        assert header.strip("<>") in message.body  # and a link in the text
    assert "/confirm/" not in mail.outbox[1].body


def test_unsubscribe_link_shows_a_button_and_the_button_unsubscribes():
    subscription = Subscription.objects.create(
        email="ida@example.org",
        language="de",
        consent_version="2026-12",
        confirmed_at=timezone.now(),
    )
    url = f"/de/newsletter/unsubscribe/{unsubscribe_token(subscription)}/"
    client = Client()
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="List-Unsubscribe" value="One-Click"' in page.content
    assert not Subscription.objects.unsubscribed().exists()  # a GET changes nothing
    assert client.post(url, {"List-Unsubscribe": "One-Click"}).status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    assert not Subscription.objects.confirmed().exists()


def test_rfc8058_one_click_post_works_without_csrf_token_or_origin_and_is_idempotent():
    subscription = Subscription.objects.create(
        email="ida@example.org",
        language="en",
        consent_version="2026-12",
        confirmed_at=timezone.now(),
    )
    url = f"/en/newsletter/unsubscribe/{unsubscribe_token(subscription)}/"
    # A mail provider's server: CSRF checks on, another site's origin, no cookie.
    client = Client(enforce_csrf_checks=True)
    body = "List-Unsubscribe=One-Click"
    kwargs = {
        "content_type": "application/x-www-form-urlencoded",
        "HTTP_ORIGIN": "https://mail.example.net",
    }
    first = client.post(url, body, **kwargs)
    assert first.status_code == 200
    subscription.refresh_from_db()
    when = subscription.unsubscribed_at
    assert when is not None
    again = client.post(url, body, **kwargs)
    assert again.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at == when
    # Even after the retention deletion the link answers the same.
    Subscription.objects.all().delete()
    assert client.post(url, body, **kwargs).status_code == 200


def test_re_subscription_gives_the_same_answer_and_at_most_one_mail_per_interval():
    client = Client()
    Subscription.objects.create(
        email="known@example.org",
        language="de",
        consent_version="2026-12",
        confirmed_at=timezone.now(),
    )
    known = sign_up(client, "known@example.org")
    new = sign_up(client, "new@example.org")
    assert (known.status_code, known.url) == (new.status_code, new.url)
    page_known = client.get(known.url)
    assert without_tokens(page_known.content) == without_tokens(
        client.get(new.url).content
    )
    assert len(mail.outbox) == 2
    # Asking again straight away sends nothing more, for either address.
    for _ in range(3):
        assert sign_up(Client(), "new@example.org").status_code == 302
    assert len(mail.outbox) == 2
    assert Subscription.objects.filter(email="new@example.org").count() == 1


def test_re_subscription_after_unsubscribing_needs_a_new_confirmation():
    subscription = Subscription.objects.create(
        email="ida@example.org",
        language="de",
        consent_version="2000-01",
        confirmed_at=timezone.now() - datetime.timedelta(days=30),
        unsubscribed_at=timezone.now() - datetime.timedelta(days=2),
    )
    sign_up(Client(), "ida@example.org")
    subscription.refresh_from_db()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.consent_version != "2000-01"
    assert len(mail.outbox) == 1 and "/confirm/" in mail.outbox[0].body


def test_a_bot_gets_the_same_answer_and_nothing_is_stored_or_sent():
    person = sign_up(Client(), "person@example.org")
    bot = sign_up(Client(), "bot@example.org", website="http://spam.example")
    assert (bot.status_code, bot.url) == (person.status_code, person.url)
    assert list(Subscription.objects.values_list("email", flat=True)) == [
        "person@example.org"
    ]
    assert [message.to for message in mail.outbox] == [["person@example.org"]]


def test_a_flood_from_one_address_is_refused_with_a_message(settings):
    settings.FORM_RATE_LIMIT = (3, 600)
    client = Client()
    answers = [
        sign_up(client, f"flood{number}@example.org").status_code for number in range(5)
    ]
    assert answers[:3] == [302, 302, 302]
    assert answers[3:] == [429, 429]
    refused = sign_up(client, "one-more@example.org")
    assert "zu viele Anfragen" in refused.content.decode()
    assert Subscription.objects.count() == 3


@pytest.mark.parametrize(
    ("fields", "language", "message"),
    [
        ({"email": ""}, "de", "Bitte geben Sie Ihre E-Mail-Adresse an."),
        ({"email": "kein-at-zeichen"}, "en", "Please enter a valid e-mail address"),
        ({"email": "a" * 250 + "@example.org"}, "en", "at most 254 characters"),
        ({"email": "=cmd@example.org"}, "en", "Please enter a valid e-mail address"),
        ({"consent": ""}, "en", "Please confirm that you would like"),
        ({"form_token": "kaputt"}, "de", "konnte nicht geprüft werden"),
    ],
)
def test_bad_input_gets_a_message_in_the_readers_language(fields, language, message):
    data = {"email": "ida@example.org", "consent": "on"}
    data.update(fields)
    client = Client()
    response = sign_up(client, language=language, **data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="form-error-summary"' in html
    assert not Subscription.objects.exists() and not mail.outbox
    assert not response.cookies


def test_a_replayed_form_is_refused():
    from tregks.core.form_protection import aged_token

    token = aged_token("newsletter", 10)
    client = Client()
    assert sign_up(client, "a@example.org", form_token=token).status_code == 302
    again = sign_up(client, "b@example.org", form_token=token)
    assert again.status_code == 400
    assert "bereits abgeschickt" in again.content.decode()


@pytest.mark.parametrize("kind", ["confirm", "unsubscribe"])
def test_tampered_or_cut_links_get_a_clear_400(kind):
    subscription = Subscription.objects.create(
        email="ida@example.org", language="de", consent_version="2026-12"
    )
    token = (confirm_token if kind == "confirm" else unsubscribe_token)(subscription)
    other = (unsubscribe_token if kind == "confirm" else confirm_token)(subscription)
    client = Client()
    for bad in (token[:-2] + "xx", token.split(":")[0], "1:abc", other, "%00"):
        for method in ("get", "post"):
            response = getattr(client, method)(f"/en/newsletter/{kind}/{bad}/")
            assert response.status_code == 400, (bad, method)
            assert "This link is not valid" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None and subscription.unsubscribed_at is None


def test_an_expired_confirmation_link_is_refused(monkeypatch):
    subscription = Subscription.objects.create(
        email="ida@example.org", language="de", consent_version="2026-12"
    )
    token = confirm_token(subscription)
    later = datetime.datetime.now().timestamp() + 8 * 24 * 3600
    monkeypatch.setattr("time.time", lambda: later)
    response = Client().post(f"/de/newsletter/confirm/{token}/")
    assert response.status_code == 400
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_retention_deletes_unconfirmed_after_seven_days_and_keeps_subscribers():
    now = timezone.now()

    def make(email, requested_days, confirmed=False, unsubscribed_days=None):
        requested = now - datetime.timedelta(days=requested_days)
        return Subscription.objects.create(
            email=email,
            language="de",
            consent_version="2026-12",
            requested_at=requested,
            confirmed_at=requested if confirmed else None,
            unsubscribed_at=(
                now - datetime.timedelta(days=unsubscribed_days)
                if unsubscribed_days is not None
                else None
            ),
        )

    make("old-pending@example.org", 8)
    young = make("young-pending@example.org", 6)
    kept = make("subscriber@example.org", 400, confirmed=True)
    recent_withdrawal = make("left-lately@example.org", 100, True, 5)
    make("left-long-ago@example.org", 100, True, 31)
    results = {
        name: summary for name, summary, _ok in run_tasks(only=["newsletter.purge"])
    }
    assert results["newsletter.purge"].startswith("2 ")
    assert set(Subscription.objects.all()) == {young, kept, recent_withdrawal}
    assert purge_expired().startswith("0 ")  # idempotent


def test_the_footer_box_is_on_every_page_without_cookie_or_csrf_token(home_de):
    client = Client()
    for url in ("/de/", "/en/", "/de/newsletter/requested/"):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'id="newsletter-footer-email"' in html, url
        assert 'autocomplete="email"' in html
        assert "csrfmiddlewaretoken" not in html
        assert not response.cookies
    home = client.get("/de/").content.decode()
    assert 'id="newsletter-home-email"' in home  # the home page's own box
    assert client.get("/de/").headers["X-Page-Cache"] == "hit"


def test_every_page_view_gets_a_box_with_its_own_token_in_the_readers_language(
    home_de, settings
):
    """The box is rendered once per process and language (newsletter_tags): each
    render still issues a new token, and each language keeps its own text."""
    from bs4 import BeautifulSoup

    from tregks.core.form_protection import read_token

    settings.PAGE_CACHE_ENABLED = False  # every request renders the page
    client = Client()

    def box(url):
        page = BeautifulSoup(client.get(url).content, "html.parser")
        return page.select_one(".newsletter-box--footer")

    tokens = [box("/de/").select_one("[name=form_token]")["value"] for _ in range(2)]
    assert tokens[0] != tokens[1]
    for token in tokens:
        scope, _nonce, age = read_token(token)
        assert scope == "newsletter"
        assert age < 60
    assert box("/de/").button.text.strip() == "Abonnieren"
    assert box("/en/").button.text.strip() == "Subscribe"
    assert box("/de/").button.text.strip() == "Abonnieren"
