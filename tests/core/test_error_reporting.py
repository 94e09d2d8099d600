"""Production errors reach people: ADMINS by e-mail, Sentry or GlitchTip by SENTRY_DSN;
the 500 page claims a notification only when one of them is set up."""

import gzip
import json
import socketserver
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.exceptions import ImproperlyConfigured

import pytest

from tests.serving import ROOT, copy_of_demo_database, site_env
from tregks.core.error_reporting import admins_from_env

NOTIFIED = ("Das Team wurde benachrichtigt.", "The team has been notified.")
LOGGED = (
    "Der Fehler wurde im Protokoll des Servers festgehalten.",
    "The error has been recorded in the server's log.",
)


def test_admins_come_from_one_environment_variable():
    assert admins_from_env("Ops <ops@example.org>, dev@example.org") == [
        ("Ops", "ops@example.org"),
        ("dev@example.org", "dev@example.org"),
    ]
    assert admins_from_env("") == []
    assert admins_from_env("  ") == []


@pytest.mark.parametrize("value", ["ops-at-example.org", "Ops <ops example.org>"])
def test_a_mistyped_admin_address_stops_the_start(value):
    with pytest.raises(ImproperlyConfigured, match="ADMINS must be"):
        admins_from_env(value)


def render_500(rf):
    from tregks.core.views import server_error

    response = server_error(rf.get("/de/"))
    assert response.status_code == 500
    return response.content.decode()


MAIL_LOGGING = {
    "version": 1,
    "handlers": {"mail_admins": {"class": "django.utils.log.AdminEmailHandler"}},
}


def test_the_500_page_claims_nothing_without_error_reporting(rf):
    page = render_500(rf)
    for claim in NOTIFIED:
        assert claim not in page
    for truth in LOGGED:
        assert truth in page


def test_admins_without_a_mail_server_notify_nobody(rf, settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    settings.LOGGING = MAIL_LOGGING
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert NOTIFIED[0] not in render_500(rf)


def test_admins_with_a_mail_server_are_notified(rf, settings):
    settings.ADMINS = [("Ops", "ops@example.org")]
    settings.LOGGING = MAIL_LOGGING
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    page = render_500(rf)
    for claim in NOTIFIED:
        assert claim in page


# --- a production process with a real SMTP server and a Sentry endpoint on loopback --

FAILING_REQUEST = """
import json
import sentry_sdk
from django.test import Client
from tregks.core import views

def broken(request):
    raise RuntimeError("Absichtlicher Testfehler 17")

views.robots_txt = broken  # before the URLconf is loaded
response = Client(raise_request_exception=False).get(
    "/robots.txt", HTTP_COOKIE="sessionid=geheim-4711", REMOTE_ADDR="203.0.113.9"
)
sentry_sdk.flush(5)
print(json.dumps({"status": response.status_code, "page": response.content.decode()}))
"""


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP to receive one message per connection."""

    messages = []

    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        self.reply("220 localhost test SMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 localhost")
            elif command == "DATA":
                self.reply("354 end with .")
                data = []
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data.append(chunk)
                SMTPHandler.messages.append(b"".join(data).decode(errors="replace"))
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class SentryHandler(BaseHTTPRequestHandler):
    envelopes = []

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        SentryHandler.envelopes.append(body.decode())
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def smtp_server():
    SMTPHandler.messages = []
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), SMTPHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


@pytest.fixture
def sentry_server():
    SentryHandler.envelopes = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), SentryHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()


def fail_in_production(**environment):
    env = site_env(
        DJANGO_SETTINGS_MODULE="tregks.settings.production",
        DATABASE_URL=f"sqlite:///{copy_of_demo_database()}",
        SECRET_KEY="test-only-error-reporting-key",
        ALLOWED_HOSTS="testserver",
        SECURE_SSL_REDIRECT="false",
        **environment,
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", FAILING_REQUEST],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1]), result.stderr


def events_in(envelopes):
    """The event items of Sentry envelopes (header line, then item header + payload)."""
    events = []
    for envelope in envelopes:
        lines = envelope.splitlines()
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                events.append(json.loads(payload))
    return events


@pytest.mark.slow
@pytest.mark.served
def test_a_production_error_is_mailed_to_the_admins(smtp_server):
    answer, log = fail_in_production(
        ADMINS="Ops <ops@example.org>",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_server.server_address[1]),
        EMAIL_USE_TLS="false",
    )
    assert answer["status"] == 500
    assert NOTIFIED[0] in answer["page"] and NOTIFIED[1] in answer["page"]
    assert len(SMTPHandler.messages) == 1
    mail = SMTPHandler.messages[0]
    assert "ops@example.org" in mail
    assert "Absichtlicher Testfehler 17" in mail
    assert "Absichtlicher Testfehler 17" in log  # and in the server's log


@pytest.mark.slow
@pytest.mark.served
def test_a_production_error_reaches_sentry_without_personal_data(sentry_server):
    port = sentry_server.server_address[1]
    answer, _ = fail_in_production(
        SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/17",
        SENTRY_ENVIRONMENT="staging",
        SENTRY_RELEASE="tregks@test-17",
    )
    assert answer["status"] == 500
    assert NOTIFIED[0] in answer["page"]
    events = events_in(SentryHandler.envelopes)
    errors = [
        event
        for event in events
        if "Absichtlicher Testfehler 17" in json.dumps(event.get("exception", {}))
    ]
    assert errors, SentryHandler.envelopes
    event = errors[0]
    assert event["environment"] == "staging"
    assert event["release"] == "tregks@test-17"
    # The process's command line is this test's script, cookie included: not sent data.
    event.get("extra", {}).pop("sys.argv", None)
    sent = json.dumps(event)
    assert "geheim-4711" not in sent  # no cookies
    assert "203.0.113.9" not in sent  # no IP address
    assert "vars" not in json.dumps(event["exception"])  # no local variables


@pytest.mark.slow
@pytest.mark.served
def test_production_without_reporting_says_only_what_is_true():
    answer, log = fail_in_production()
    assert answer["status"] == 500
    assert NOTIFIED[0] not in answer["page"]
    assert LOGGED[0] in answer["page"] and LOGGED[1] in answer["page"]
    assert "Absichtlicher Testfehler 17" in log
