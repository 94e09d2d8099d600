"""Helpers of the editorial journey tests: accounts in the served database, logins,
and the clicks every journey shares (dashboard rows, review actions, the footer).

The served database is a copy of the demo site (tests/serving.py); tests run with
DEBUG off, so the demo accounts are not there: `make_accounts` adds one user per role
to the partner's groups, with German as their admin language.
"""

import json

from tests.serving import manage, served_env

PASSWORD = "Journey-Test-Passw0rd-2026"

MAKE_ACCOUNTS = """
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
accounts = {accounts!r}
for username, group in accounts.items():
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={{"email": username + "@tregks.invalid"}}
    )
    user.first_name, user.last_name = username, "(Test)"
    user.set_password({password!r})
    user.save()
    user.groups.set([Group.objects.get(name=group)])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
print("ok")
"""

PAGE_STATE = """
import json
from wagtail.models import Page
rows = []
for page in Page.objects.filter(title={title!r}).specific():
    latest = page.get_latest_revision_as_object()
    state = page.current_workflow_state
    rows.append({{
        "live": page.live,
        "url": page.url,
        "contact_role": getattr(latest, "contact_role", None),
        "topics": [t.slug for t in latest.topics.all()] if hasattr(latest, "topics") else [],
        "partners": [p.code for p in latest.issuing_partners.all()] if hasattr(latest, "issuing_partners") else [],
        "workflow": state.status if state else None,
        "task": state.current_task_state.task.name if state else None,
    }})
print(json.dumps(rows))
"""

TOPIC_NAMES = """
import json
from tregks.core.models import Topic
print(json.dumps({
    code: sorted(Topic.objects.filter(locale__language_code=code).values_list("name", flat=True))
    for code in ("de", "en")
}))
"""


def shell(database, code):
    output = manage("shell", "-c", code, env=served_env(database))
    return output.strip().splitlines()[-1]


def make_accounts(database, accounts):
    shell(database, MAKE_ACCOUNTS.format(accounts=accounts, password=PASSWORD))


def page_state(database, title):
    return json.loads(shell(database, PAGE_STATE.format(title=title)))


def topic_names(database):
    return json.loads(shell(database, TOPIC_NAMES))


def log_in(browser, live_site, username):
    """A German admin session of `username`, logged in through the login form."""
    context = browser.new_context(
        base_url=live_site.url, locale="de-DE", viewport={"width": 1400, "height": 1000}
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/login/" not in page.url
    return context, page


def messages(page):
    return " ".join(page.locator(".messages").all_inner_texts())


def wait_until_form_watches(page):
    """Wagtail notes the form's initial state two seconds after it loads; typing
    before that would not count as a change (and not be autosaved)."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2500)


def footer_action(page, name):
    """Click a page action from the editor's footer (the main one or its menu)."""
    button = page.locator(f"footer button[name='{name}']")
    if not button.is_visible():
        page.locator("footer .w-dropdown__toggle").first.click()
    # A new document, not the autosave's history.replaceState (a same-document
    # navigation) to the new page's edit address.
    with page.expect_event("load", timeout=30000):
        button.click()
    page.wait_for_load_state("networkidle")


def open_new_release_form(page):
    page.goto("/admin/")
    shortcuts = page.locator("[id^=editorial-new-content]").first
    shortcuts.get_by_role("link", name="Pressemitteilung in").first.click()
    wait_until_form_watches(page)
    assert "/admin/pages/add/news/pressreleasepage/" in page.url


def dashboard_row_action(page, title, action):
    """On the dashboard, open the row menu of `title` and choose `action`."""
    row = page.locator("tr", has_text=title)
    row.locator(".w-dropdown__toggle").click()
    page.locator("[data-w-dropdown-target=content]:visible").get_by_role(
        "button", name=action, exact=True
    ).click()


def fill_release(page, title, lead, contact_role, network_wide=False):
    """Fill a new press release; ticks the first topic and the first partner."""
    page.fill("#id_title", title)
    page.fill("#id_release_date", "2026-12-01")
    page.fill("#id_lead", lead)
    page.fill("#id_contact_role", contact_role)
    page.locator("#id_topics input[type=checkbox]").first.check()
    page.locator("#id_issuing_partners input[type=checkbox]").first.check()
    if network_wide:
        page.locator("#id_network_wide").check()
