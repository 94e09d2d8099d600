"""wagtail-localize's whole-site "Translations" report, by clicks, in the German admin.

It names every translation's source, other partners' drafts included, so only an
administrator finds it under "Berichte" and opens it; a partner's editor and approver,
the consortium lead and the translator find it neither in the menu nor by its address.
"""

import json

import pytest

from .journeys import log_in, make_accounts, messages, shell

REPORT = "/admin/localize/reports/translations/"

ROLES = """
import json
from tregks.editorial.setup import (
    LEAD_GROUP, TRANSLATOR_GROUP, approver_group_name, consortium_partners,
    editor_group_name,
)
short = consortium_partners()[0].short_name
print(json.dumps({
    "report-editor": editor_group_name(short),
    "report-approver": approver_group_name(short),
    "report-lead": LEAD_GROUP,
    "report-translator": TRANSLATOR_GROUP,
}))
"""

ADMINISTRATOR = """
from django.contrib.auth import get_user_model
user = get_user_model().objects.get(username="report-admin")
user.is_superuser = True
user.groups.clear()
user.save()
print("ok")
"""


@pytest.fixture(scope="module")
def accounts(site_database):
    roles = json.loads(shell(site_database, ROLES))
    # The administrator starts as a translator and is made superuser.
    make_accounts(site_database, {**roles, "report-admin": roles["report-translator"]})
    shell(site_database, ADMINISTRATOR)
    return roles


def report_entries_in_menu(page):
    """The entries under "Berichte" (none where a role sees no report at all)."""
    page.locator("nav").first.wait_for()
    reports = page.get_by_role("button", name="Berichte")
    if not reports.count():
        return ""
    reports.click()
    panel = page.locator(".sidebar-sub-menu-panel")
    panel.first.wait_for()
    return panel.first.inner_text()


@pytest.mark.parametrize(
    "username",
    ["report-editor", "report-approver", "report-lead", "report-translator"],
)
def test_staff_find_no_whole_site_translations_report(
    browser, live_site, accounts, username
):
    context, page = log_in(browser, live_site, username)
    try:
        menu = report_entries_in_menu(page)
        assert "Übersetzungen" not in menu
        page.goto(REPORT)
        assert page.url.endswith("/admin/"), page.url
        assert "keinen Zugang" in messages(page)
    finally:
        context.close()


def test_the_administrator_opens_the_report_from_the_menu(browser, live_site, accounts):
    context, page = log_in(browser, live_site, "report-admin")
    try:
        assert "Übersetzungen" in report_entries_in_menu(page)
        page.locator(".sidebar-sub-menu-panel").get_by_role(
            "link", name="Übersetzungen"
        ).click()
        page.wait_for_url(f"**{REPORT}")
        assert page.locator("h1").first.inner_text().strip() == "Übersetzungen"
        assert page.locator("table tbody tr").count() > 0
    finally:
        context.close()
