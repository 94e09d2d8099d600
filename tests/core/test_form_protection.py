"""Spam protection of the public forms (tregks.core.form_protection), the e-mail helper
and the scheduled tasks, on a small form of the test's own behind a test URL."""

import gzip
import re

from django import forms
from django.core import mail
from django.core.management import CommandError, call_command
from django.http import HttpResponse
from django.template import engines
from django.test import Client, override_settings
from django.urls import path

from wagtail import hooks

import pytest

from tregks.core.form_protection import (
    TOKEN_MAX_AGE,
    ProtectedForm,
    aged_token,
    public_form_view,
    read_token,
    refresh_form_tokens,
    screen,
)
from tregks.core.mail import send_templated_mail
from tregks.core.scheduled import ScheduledTask

pytestmark = pytest.mark.django_db


class MessageForm(ProtectedForm):
    form_scope = "test-message"
    email = forms.EmailField(label="E-Mail")
    message = forms.CharField(label="Nachricht", max_length=200)


STORED = []

PAGE = engines["django"].from_string(
    '<form method="post" action="/senden/">'
    '{% include "core/includes/form_error_summary.html" %}'
    "{% for field in form.visible_fields %}"
    '{% include "core/includes/form_field.html" %}{% endfor %}'
    '{% include "core/includes/protected_form_fields.html" %}'
    "<button>Senden</button></form>"
)


def show_form(request):
    return HttpResponse(PAGE.render({"form": MessageForm()}, request))


@public_form_view
def send(request):
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        verdict = screen(request, form, rate_keys=[form.cleaned_data["email"]])
        if verdict.rejected:
            return HttpResponse(PAGE.render({"form": form}), status=verdict.status)
        if verdict.accepted:
            STORED.append(form.cleaned_data["message"])
        return HttpResponse("Danke, Ihre Nachricht ist angekommen.")
    return HttpResponse(PAGE.render({"form": form}), status=400)


urlpatterns = [path("formular/", show_form), path("senden/", send)]


@pytest.fixture(autouse=True)
def test_urls(settings):
    settings.ROOT_URLCONF = __name__
    settings.FORM_MIN_FILL_SECONDS = 3
    settings.FORM_RATE_LIMIT = (3, 600)
    STORED.clear()


def token_of(response):
    return re.search(rb'name="form_token" value="([^"]+)"', response.content)[
        1
    ].decode()


def submit(client, token, **fields):
    data = {"email": "ida@example.org", "message": "Hallo", "form_token": token}
    data.update(fields)
    return client.post("/senden/", data, REMOTE_ADDR=fields.pop("address", "192.0.2.1"))


def test_a_person_who_took_their_time_is_accepted():
    response = submit(Client(), aged_token("test-message", 10))
    assert response.status_code == 200
    assert STORED == ["Hallo"]


def test_the_form_page_sets_no_cookie_and_is_cached_with_a_fresh_token_per_reader():
    client = Client()
    first = client.get("/formular/")
    second = client.get("/formular/")
    assert not first.cookies and not second.cookies
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert token_of(first) != token_of(second)
    # Everything else is the stored page; both tokens belong to this form.
    assert first.content.replace(token_of(first).encode(), b"") == (
        second.content.replace(token_of(second).encode(), b"")
    )
    assert read_token(token_of(second))[0] == "test-message"


def test_a_compressed_cached_form_page_gets_a_fresh_token_per_reader_too():
    """The page cache keeps the page compressed in pieces around the token and joins
    them around a new token for each reader (tregks.core.compression.gzip_joined)."""
    client = Client(HTTP_ACCEPT_ENCODING="gzip")
    first, second, third = (client.get("/formular/") for _reader in range(3))
    assert [r["X-Page-Cache"] for r in (first, second, third)] == ["miss", "hit", "hit"]
    pages = []
    for response in (first, second, third):
        assert response["Content-Encoding"] == "gzip"
        assert response["Content-Length"] == str(len(response.content))
        pages.append(gzip.decompress(response.content))
    tokens = [
        re.search(rb'name="form_token" value="([^"]+)"', page)[1] for page in pages
    ]
    assert len(set(tokens)) == 3
    assert all(read_token(token.decode())[0] == "test-message" for token in tokens)
    assert (
        len(
            {
                page.replace(token, b"")
                for page, token in zip(pages, tokens, strict=True)
            }
        )
        == 1
    )


def test_the_form_is_labelled_and_the_trap_hidden_from_people_and_screen_readers():
    html = Client().get("/formular/").content.decode()
    assert '<label for="id_email">E-Mail' in html
    assert 'class="form-trap" aria-hidden="true"' in html
    assert 'tabindex="-1"' in html


@pytest.mark.parametrize(
    "trap",
    [
        {"website": "http://spam.example"},  # the honeypot filled in
        {"form_token": None},  # sent within a second of seeing the form
    ],
)
def test_a_bot_gets_the_same_answer_and_nothing_is_stored(trap):
    token = trap.pop("form_token", aged_token("test-message", 10)) or aged_token(
        "test-message", 1
    )
    person = submit(Client(), aged_token("test-message", 10), message="echt")
    bot = submit(Client(), token, **trap)
    assert bot.status_code == person.status_code == 200
    assert bot.content == person.content
    assert STORED == ["echt"]


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ("kaputt", "konnte nicht geprüft werden"),
        (aged_token("test-message", 10)[:-3] + "abc", "konnte nicht geprüft werden"),
        (aged_token("another-form", 10), "konnte nicht geprüft werden"),
        (aged_token("test-message", TOKEN_MAX_AGE + 60), "zu lange geöffnet"),
        ("", "konnte nicht geprüft werden"),
    ],
)
def test_a_tampered_foreign_or_expired_token_gets_a_message_and_nothing_is_stored(
    token, message
):
    response = submit(Client(), token)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert STORED == []
    # The form comes back with what was typed and a new token to send it again.
    assert 'value="ida@example.org"' in response.content.decode()
    assert read_token(token_of(response))[0] == "test-message"


def test_a_replayed_form_is_refused_once_it_was_accepted():
    token = aged_token("test-message", 10)
    assert submit(Client(), token).status_code == 200
    again = submit(Client(), token)
    assert again.status_code == 400
    assert "bereits abgeschickt" in again.content.decode()
    assert STORED == ["Hallo"]


def test_a_flood_from_one_address_is_stopped_with_a_message():
    codes = [
        submit(
            Client(), aged_token("test-message", 10), email=f"p{n}@example.org"
        ).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]
    assert len(STORED) == 3
    last = submit(Client(), aged_token("test-message", 10), email="q@example.org")
    assert "zu viele Anfragen" in last.content.decode()


def test_one_e_mail_address_from_many_addresses_is_limited_too():
    codes = [
        submit(
            Client(), aged_token("test-message", 10), address=f"198.51.100.{n}"
        ).status_code
        for n in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]


def test_messages_come_in_the_readers_language():
    response = Client().post(
        "/senden/", {"form_token": "kaputt"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "could not be checked" in response.content.decode()


def test_a_post_from_another_site_is_refused_with_a_reason():
    client = Client()
    token = aged_token("test-message", 10)
    foreign = client.post(
        "/senden/", {"form_token": token}, HTTP_ORIGIN="https://evil.example"
    )
    fetched = client.post(
        "/senden/", {"form_token": token}, HTTP_SEC_FETCH_SITE="cross-site"
    )
    assert foreign.status_code == fetched.status_code == 403
    assert "eigenen Website" in foreign.content.decode()
    own = client.post(
        "/senden/",
        {"email": "a@example.org", "message": "x", "form_token": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert own.status_code == 200
    assert client.put("/senden/").status_code == 405


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "tregks.cache.backend.ResilientRedisCache",
            # Nothing listens here: every call fails at once.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.05, "SOCKET_TIMEOUT": 0.05},
        }
    }
)
def test_without_the_shared_cache_people_still_get_through():
    codes = [
        submit(Client(), aged_token("test-message", 10)).status_code for _ in range(5)
    ]
    assert codes == [200] * 5
    # The honeypot still works.
    assert (
        submit(Client(), aged_token("test-message", 10), website="x").status_code == 200
    )
    assert len(STORED) == 5


def test_refreshing_leaves_pages_without_forms_and_foreign_values_alone():
    page = b"<p>Kein Formular</p>"
    assert refresh_form_tokens(page) is page
    odd = b'<input name="form_token" value="not-ours">'
    assert refresh_form_tokens(odd) == odd


# --- e-mail in the reader's language -------------------------------------------------

MAIL_TEMPLATES = {
    "hello_subject.txt": "{% load i18n %}{% translate 'Search' %}\n",
    "hello.txt": "{% load i18n %}{% translate 'Search' %}: {{ name }}",
    "hello.html": "{% load i18n %}<p>{% translate 'Search' %}: {{ name }}</p>",
}


@pytest.fixture
def mail_templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [("django.template.loaders.locmem.Loader", MAIL_TEMPLATES)]
            },
        }
    ]


@pytest.mark.usefixtures("mail_templates")
def test_a_mail_goes_out_in_the_recipients_language_as_text_and_html():
    assert send_templated_mail(
        "hello",
        context={"name": "Ida"},
        to=["ida@example.org"],
        language="en",
        attachments=[("termin.ics", b"BEGIN:VCALENDAR", "text/calendar")],
        headers={"List-Unsubscribe": "<https://example.org/u>"},
    )
    sent = mail.outbox[-1]
    assert sent.subject == "Search"
    assert sent.body == "Search: Ida"
    assert sent.alternatives[0][0] == "<p>Search: Ida</p>"
    assert sent.attachments[0][0] == "termin.ics"
    assert sent.extra_headers["List-Unsubscribe"] == "<https://example.org/u>"


@pytest.mark.usefixtures("mail_templates")
def test_a_mail_server_that_does_not_answer_is_reported_not_raised(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 1
    settings.EMAIL_USE_TLS = False
    assert not send_templated_mail(
        "hello", context={"name": "Ida"}, to=["ida@example.org"], language="de"
    )


# --- scheduled tasks -------------------------------------------------------------------


def test_scheduled_tasks_run_once_and_a_failing_one_does_not_stop_the_others(capsys):
    runs = []

    def broken():
        raise RuntimeError("disk full")

    def tidy():
        runs.append("tidy")
        return "2 deleted"

    with (
        hooks.register_temporarily(
            "register_scheduled_task", lambda: ScheduledTask("a.broken", broken)
        ),
        hooks.register_temporarily(
            "register_scheduled_task", lambda: ScheduledTask("b.tidy", tidy)
        ),
    ):
        with pytest.raises(CommandError, match="failed"):
            call_command("run_scheduled_tasks")
        assert runs == ["tidy"]
        call_command("run_scheduled_tasks", only=["b.tidy"])
        assert runs == ["tidy", "tidy"]
        with pytest.raises(CommandError, match="Unknown"):
            call_command("run_scheduled_tasks", only=["c.missing"])
    output = capsys.readouterr().out
    assert "b.tidy: 2 deleted" in output
    assert "a.broken: failed: disk full" in output
