"""Barrier reports end to end: form page, stored, mailed to the lead, visible only to
the lead's staff, due six weeks after receipt, one reminder a week before."""

import datetime

from django.core import mail
from django.test import Client
from django.utils import timezone

import pytest

from barriers.models import BarrierReport, BarrierReportPage, safe_page_path
from barriers.notify import send_reminders
from tregks.core.form_protection import aged_token
from tregks.core.scheduled import run_tasks
from tregks.demo.pages import get_or_create_child

pytestmark = pytest.mark.django_db

LEAD_ADDRESS = "barrieren-test@tregks.invalid"


@pytest.fixture
def form_page(home_de, settings):
    settings.BARRIER_REPORT_EMAIL = LEAD_ADDRESS
    BarrierReportPage.objects.filter(locale=home_de.locale).delete()
    return get_or_create_child(
        home_de, BarrierReportPage, "test-barriere", title="Barriere (Test)"
    )


def report(client, target, language="de", **fields):
    data = {
        "page": "/de/presse/",
        "description": "Der Knopf hat keinen Namen.",
        "name": "",
        "email": "ida@example.org",
        "form_token": aged_token("barrier-report", 10),
        **fields,
    }
    return client.post(
        f"/{language}/barriers/{target.pk}/report/", data, REMOTE_ADDR="192.0.2.9"
    )


def test_the_form_page_is_labelled_cookie_free_and_prefilled_from_a_safe_page(
    form_page,
):
    client = Client()
    response = client.get(form_page.url + "?page=/de/presse/")
    html = response.content.decode()
    assert response.status_code == 200 and not response.cookies
    assert 'value="/de/presse/"' in html
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html
    assert '<label for="id_description">' in html
    assert "csrfmiddlewaretoken" not in html
    assert client.get(form_page.url + "?page=/de/presse/")["X-Page-Cache"] == "hit"
    # Another site's address prefills nothing.
    foreign = client.get(form_page.url + "?page=https://evil.example/x").content
    assert b"evil.example" not in foreign


def test_the_referer_prefills_the_form_and_that_answer_is_not_shared(form_page):
    client = Client()
    came = client.get(form_page.url, HTTP_REFERER="http://testserver/de/presse/")
    assert came.status_code == 302
    assert came.url == form_page.url + "?page=%2Fde%2Fpresse%2F"
    plain = client.get(form_page.url)
    assert plain.status_code == 200
    assert "private" in plain["Cache-Control"]
    foreign = client.get(form_page.url, HTTP_REFERER="https://evil.example/de/")
    assert foreign.status_code == 200


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/de/presse/", "/de/presse/"),
        ("http://testserver/en/press/?page=2", "/en/press/?page=2"),
        ("https://evil.example/de/", ""),
        ("//evil.example/de/", ""),
        ("javascript:alert(1)", ""),
        ("/de/\x00", ""),
        ("/" + "a" * 600, ""),
    ],
)
def test_only_pages_of_this_site_prefill_the_form(value, expected):
    assert safe_page_path(value, "testserver") == expected


def test_a_report_is_stored_mailed_to_the_lead_and_due_in_six_weeks(form_page):
    response = report(Client(), form_page, "en", name="Ida")
    assert response.status_code == 302
    assert response.url == "/en/barriers/thanks/"
    stored = BarrierReport.objects.get()
    assert stored.description == "Der Knopf hat keinen Namen."
    assert stored.page_url == "/de/presse/" and stored.name == "Ida"
    assert stored.language == "en"
    assert stored.status == BarrierReport.Status.NEW
    received = timezone.localdate(stored.received_at)
    assert stored.due_date == received + datetime.timedelta(weeks=6)
    (message,) = mail.outbox
    assert message.to == [LEAD_ADDRESS]
    assert message.reply_to == ["ida@example.org"]
    assert "Der Knopf hat keinen Namen." in message.body
    assert stored.due_date.strftime("%d.%m.%Y") in message.subject
    assert f"/admin/barrier_reports/edit/{stored.pk}/" in message.body
    assert message.alternatives[0][1] == "text/html"


def test_the_lead_address_comes_from_the_lead_partners_profile(form_page, settings):
    from partners.factories import PartnerProfilePageFactory

    settings.BARRIER_REPORT_EMAIL = ""
    PartnerProfilePageFactory(role="lead", contact_email="leitung@example.org")
    report(Client(), form_page)
    assert mail.outbox[0].to == ["leitung@example.org"]


def test_only_the_leads_staff_and_administrators_see_reports(
    form_page, lead_user, partner_user, admin_user
):
    stored = BarrierReport.objects.create(
        description="Vertrauliche Meldung 4711", page_url="/de/"
    )
    listing = "/admin/barrier_reports/"
    urls = [
        listing,
        f"/admin/barrier_reports/edit/{stored.pk}/",
        f"/admin/barrier_reports/inspect/{stored.pk}/",
    ]
    for user in (lead_user, admin_user):
        client = Client()
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (user, url)
        assert "4711" in client.get(urls[2]).content.decode()
        assert (
            stored.due_date.strftime("%d.%m.%Y") in client.get(listing).content.decode()
        )
    client = Client()
    client.force_login(partner_user)
    for url in urls:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"4711" not in response.content
    assert client.post(urls[1], {"status": "answered"}).status_code in (302, 403)
    stored.refresh_from_db()
    assert stored.status == BarrierReport.Status.NEW


def test_the_lead_sets_the_status(form_page, lead_user):
    stored = BarrierReport.objects.create(description="x", page_url="/de/")
    client = Client()
    client.force_login(lead_user)
    response = client.post(
        f"/admin/barrier_reports/edit/{stored.pk}/", {"status": "in_progress"}
    )
    assert response.status_code == 302
    stored.refresh_from_db()
    assert stored.status == BarrierReport.Status.IN_PROGRESS
    assert client.get("/admin/barrier_reports/new/").status_code in (302, 403)


def test_a_reminder_goes_out_once_a_week_before_the_due_date(settings, lead_user):
    settings.BARRIER_REPORT_EMAIL = LEAD_ADDRESS
    now = timezone.now()
    due_soon = BarrierReport.objects.create(
        description="bald fällig", received_at=now - datetime.timedelta(days=35)
    )
    BarrierReport.objects.create(
        description="noch Zeit", received_at=now - datetime.timedelta(days=20)
    )
    BarrierReport.objects.create(
        description="erledigt",
        received_at=now - datetime.timedelta(days=40),
        status=BarrierReport.Status.ANSWERED,
    )
    results = {
        name: summary for name, summary, _ok in run_tasks(only=["barriers.remind"])
    }
    assert results["barriers.remind"].startswith("1 ")
    (message,) = mail.outbox
    # The lead's address and everyone in the lead's group (whoever else the site has).
    assert LEAD_ADDRESS in message.to and lead_user.email in message.to
    lead_staff = {user.email for user in lead_user.groups.get().user_set.all()}
    assert set(message.to) == {LEAD_ADDRESS} | lead_staff
    assert due_soon.due_date.strftime("%d.%m.%Y") in message.subject
    due_soon.refresh_from_db()
    assert due_soon.reminder_sent_at is not None
    # Once per report: the next runs send nothing more.
    assert send_reminders().startswith("0 ")
    assert len(mail.outbox) == 1


def test_a_bot_gets_the_same_answer_and_nothing_is_stored_or_sent(form_page):
    person = report(Client(), form_page)
    bot = report(Client(), form_page, website="http://spam.example")
    too_fast = report(Client(), form_page, form_token=aged_token("barrier-report", 0))
    assert bot.status_code == too_fast.status_code == person.status_code == 302
    assert bot.url == too_fast.url == person.url
    assert BarrierReport.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("fields", "language", "message"),
    [
        ({"description": ""}, "de", "Bitte beschreiben Sie die Barriere."),
        ({"description": "x" * 5001}, "en", "at most 5000 characters"),
        ({"email": "nicht-gültig"}, "de", "gültige E-Mail-Adresse"),
        ({"name": "n" * 201}, "en", "at most 200 characters"),
        ({"page": "/" * 501}, "en", "at most 500 characters"),
        ({"form_token": "kaputt"}, "en", "could not be checked"),
    ],
)
def test_bad_input_gets_a_message_in_the_readers_language(
    form_page, fields, language, message
):
    response = report(Client(), form_page, language, **fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'class="form-error-summary"' in html
    assert not BarrierReport.objects.exists() and not mail.outbox


def test_a_flood_and_a_replay_are_refused(form_page, settings):
    settings.FORM_RATE_LIMIT = (2, 600)
    client = Client()
    token = aged_token("barrier-report", 10)
    assert report(client, form_page, form_token=token).status_code == 302
    assert report(client, form_page, form_token=token).status_code == 400
    assert report(client, form_page).status_code == 429
    assert BarrierReport.objects.count() == 1


def test_a_missing_form_page_is_a_404_not_a_500(form_page):
    response = report(Client(), form_page)
    assert response.status_code == 302
    missing = Client().post("/de/barriers/999999/report/", {})
    assert missing.status_code == 404


def test_the_footer_links_the_form_with_the_current_page(form_page):
    html = Client().get("/de/").content.decode()
    assert f'href="{form_page.url}?page=%2Fde%2F"' in html


def test_answered_reports_are_deleted_after_the_retention_period_open_ones_stay(
    settings,
):
    settings.BARRIER_REPORT_RETENTION_DAYS = 365
    long_ago = timezone.now() - datetime.timedelta(days=400)
    answered_old = BarrierReport.objects.create(
        description="Alt und beantwortet",
        email="alt@example.org",
        received_at=long_ago,
        status=BarrierReport.Status.ANSWERED,
    )
    open_old = BarrierReport.objects.create(
        description="Alt und offen", received_at=long_ago
    )
    answered_recent = BarrierReport.objects.create(
        description="Neu und beantwortet", status=BarrierReport.Status.ANSWERED
    )
    results = {
        name: summary for name, summary, _ok in run_tasks(only=["barriers.purge"])
    }
    assert results["barriers.purge"].startswith("1 ")
    remaining = set(BarrierReport.objects.values_list("pk", flat=True))
    assert answered_old.pk not in remaining
    assert {open_old.pk, answered_recent.pk} <= remaining
