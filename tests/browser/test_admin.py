"""The Wagtail admin works under its CSP, and Wagtail's accessibility checker runs for
editors on the public site under the strict one."""

import pytest

from tests.serving import manage, served_env

from .conftest import Recorder

PASSWORD = "Browser-Test-Passw0rd-2026"

CREATE_EDITOR = f"""
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile
user, _ = get_user_model().objects.get_or_create(
    username="browser-admin", defaults={{"email": "browser-admin@example.com"}}
)
user.is_staff = user.is_superuser = True
user.set_password("{PASSWORD}")
user.save()
profile = UserProfile.get_for_user(user)
profile.preferred_language = "en"
profile.save()
from wagtail.models import Page
print(Page.objects.get(slug="impressum").pk)
"""


@pytest.fixture(scope="module")
def editor_context(browser, live_site, site_database):
    output = manage(
        "shell",
        "-c",
        CREATE_EDITOR,
        env=served_env(site_database),
    )
    context = browser.new_context(base_url=live_site.url)
    context.impressum_id = int(output.strip().splitlines()[-1])
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", "browser-admin")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/admin/login/" not in page.url
    page.close()
    yield context
    context.close()


def test_page_editor_loads_without_csp_violations(editor_context):
    page = editor_context.new_page()
    recorder = Recorder(page)
    url = f"/admin/pages/{editor_context.impressum_id}/edit/"
    page.goto(url, wait_until="networkidle")
    assert page.url.endswith(url)
    # The editor's JavaScript ran: the title field and the side panels are there.
    page.wait_for_selector("#id_title")
    page.wait_for_selector("[data-side-panel-toggle]")
    assert not recorder.csp_violations, recorder.csp_violations


def test_accessibility_checker_runs_on_the_public_site(editor_context):
    page = editor_context.new_page()
    recorder = Recorder(page)
    page.goto("/de/impressum/", wait_until="networkidle")
    page.click("#wagtail-userbar-trigger")
    page.click("#checker-trigger")
    page.wait_for_selector("#checker-results", state="visible")
    assert not recorder.csp_violations, recorder.csp_violations
