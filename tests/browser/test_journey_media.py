"""Journey: a partner's editor publishes a podcast episode with an uploaded MP3.

`agv-editor` logs in, finds the AGV show through the page explorer, creates an episode,
uploads an MP3 through the audio chooser, fills the required fields and submits it for
approval; while it waits, the audio file answers 404 to anonymous visitors.
`agv-approver` approves it from the dashboard; the episode is live and its audio plays
for anonymous visitors (200, and 206 for a byte range). Clicks only, German admin.
"""

import pytest
from playwright.sync_api import expect

from tests.serving import fetch, manage, served_env

# Test settings run with DEBUG off, so load_demo made no accounts: the two the journey
# needs, in the demo's groups, with the demo's password and a German admin.
ACCOUNTS = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
from tregks.editorial.setup import approver_group_name, editor_group_name
for username, group in (
    ("agv-editor", editor_group_name("AGV")),
    ("agv-approver", approver_group_name("AGV")),
):
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={{"email": username + "@tregks.invalid"}}
    )
    user.set_password({password!r})
    user.save()
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
"""
AUDIO_URL = """
from wagtailmedia.models import get_media_model
print(get_media_model().objects.get(title={title!r}).url)
"""
PASSWORD = "tregks-demo-2026"  # noqa: S105 - the demo accounts' password (README)
EPISODE = "Folge mit Sperrfrist aus dem Browsertest"
AUDIO_TITLE = "Tonspur mit Sperrfrist aus dem Browsertest"


def silent_mp3(seconds=3):
    """MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono) of silence."""
    frame = bytes([0xFF, 0xFB, 0x90, 0xC4]) + bytes(413)
    return frame * int(seconds * 44100 / 1152)


@pytest.fixture(scope="module")
def accounts(site_database):
    env = served_env(site_database)
    manage("shell", "-c", ACCOUNTS.format(password=PASSWORD), env=env)
    return env


def log_in(browser, live_site, username):
    context = browser.new_context(
        base_url=live_site.url, locale="de-DE", viewport={"width": 1300, "height": 1000}
    )
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_load_state("networkidle")
    assert "/admin/login/" not in page.url
    return context, page


def test_editor_uploads_an_episode_with_mp3_and_the_approver_releases_it(
    browser, live_site, accounts, tmp_path
):
    mp3 = tmp_path / "folge-sperrfrist.mp3"
    mp3.write_bytes(silent_mp3())

    # The editor: explorer → show → new subpage (an episode is its only child type).
    context, page = log_in(browser, live_site, "agv-editor")
    page.get_by_role("button", name="Seiten", exact=True).click()
    page.get_by_role("link", name="Unterseiten von ‚Startseite‘ anzeigen").click()
    page.get_by_role("link", name="Kassel fährt voraus", exact=True).click()
    page.get_by_role("link", name="Unterseite hinzufügen").click()
    page.wait_for_load_state("networkidle")
    page.locator("#id_title").fill(EPISODE)
    page.locator("#id_episode_number").fill("41")
    page.locator("#id_release_date").fill("2026-05-01")
    page.locator("#id_summary").fill(
        "Eine Folge über Weiterbildung, die erst mit der Freigabe erscheint."
    )

    # The MP3 goes in through the audio chooser's upload tab.
    page.get_by_role("button", name="Audio auswählen").click()
    page.wait_for_selector(".modal-content", state="visible")
    page.get_by_role("tab", name="Audio hochladen").click()
    page.locator("#id_media-chooser-upload-title").fill(AUDIO_TITLE)
    page.set_input_files("#id_media-chooser-upload-file", str(mp3))
    page.get_by_role("button", name="Hochladen").click()
    page.wait_for_selector(".modal-content", state="hidden")
    expect(page.get_by_text(AUDIO_TITLE).first).to_be_visible()

    page.get_by_role("button", name="Mehr Aktionen").click()
    # The submit is a form post: wait for its answer, not for an idle network (which
    # a loaded machine may report before the post has even left).
    with page.expect_navigation():
        page.get_by_role("button", name="In Redaktionsablauf AGV einreichen").click()
    expect(page.get_by_text("zur Moderation eingereicht").first).to_be_visible()
    context.close()

    # Waiting for approval: the audio file is not served to the public.
    output = manage("shell", "-c", AUDIO_URL.format(title=AUDIO_TITLE), env=accounts)
    audio_path = output.strip().splitlines()[-1]
    assert audio_path.startswith("/media/")
    assert live_site.get(audio_path)[0] == 404
    assert live_site.get(audio_path, headers={"Range": "bytes=0-99"})[0] == 404

    # The approver releases it from the dashboard.
    context, page = log_in(browser, live_site, "agv-approver")
    row = page.locator("tr", has_text=EPISODE).first
    row.get_by_role("button", name="Aktionen").click()
    with page.expect_navigation():
        row.get_by_text("Freigeben", exact=True).click()
    context.close()

    # Live: an anonymous listener opens the episode and the audio plays.
    reader = browser.new_context(base_url=live_site.url, locale="de-DE")
    public = reader.new_page()
    public.goto("/de/podcast/", wait_until="networkidle")
    public.get_by_role("link", name=EPISODE).first.click()
    public.wait_for_load_state("networkidle")
    audio = public.locator("audio").first
    source = audio.evaluate("element => element.currentSrc")
    assert source.endswith(audio_path)
    status, headers, body = fetch(source)
    assert status == 200
    assert headers["Content-Type"] == "audio/mpeg"
    assert fetch(source, headers={"Range": "bytes=0-99"})[0] == 206
    audio.evaluate("element => { element.muted = true; return element.play(); }")
    public.wait_for_function(
        "() => document.querySelector('audio').currentTime > 0.2", timeout=10_000
    )
    assert audio.evaluate("element => element.error") is None
    reader.close()
