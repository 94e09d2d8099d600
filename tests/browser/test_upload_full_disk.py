"""Journey: a partner editor uploads a document onto a full media disk.

The site runs in gunicorn with MEDIA_ROOT on a 1 MiB tmpfs that this test mounts
(root, as in CI). The editor logs in, fills in the document form and uploads a 2 MiB
PDF: the form comes back in German with the reason, the title and collection as typed,
and neither a file on the disk nor a document in the database.
"""

import json
import os
import re

import pytest

from tests.serving import SiteServer, copy_of_demo_database, manage, site_env
from tests.utils import CHROMIUM, launch_chromium, mounted_tmpfs

PASSWORD = "Upload-Weg-2026"  # noqa: S105 - a throwaway account in a copied database
TITLE = "Protokoll Werkstattgespräch"
MIB = 1024 * 1024

EDITOR = f"""
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
group = Group.objects.filter(name__startswith="Redaktion").order_by("name").first()
user = get_user_model().objects.create_user(
    "upload-walker", "upload-walker@tregks.invalid", "{PASSWORD}"
)
user.groups.add(group)
# A second collection, so that the form offers a choice to keep.
from wagtail.models import Collection
root = Collection.get_first_root_node()
if not root.get_children().exists():
    root.add_child(name="Pressefotos")
print(group.name)
"""

FACTS = f"""
import json
from wagtail.documents import get_document_model
print(json.dumps(get_document_model().objects.filter(title="{TITLE}").count()))
"""


@pytest.fixture
def full_media_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "media") as folder:
        yield folder


@pytest.fixture
def site_on_full_disk(full_media_disk):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    database = f"sqlite:///{copy_of_demo_database()}"
    # The development settings read MEDIA_ROOT from the environment (the test
    # settings pin it); DEBUG stays off as in production. The account is made with
    # the same settings, so that its password hash is one the server knows.
    settings = {
        "DJANGO_SETTINGS_MODULE": "tregks.settings.dev",
        "DEBUG": "false",
        "MEDIA_ROOT": str(full_media_disk),
    }
    manage("shell", "-c", EDITOR, env=site_env(DATABASE_URL=database, **settings))
    with SiteServer(database, workers=1, **settings) as server:
        server.database = database
        yield server


def test_an_editor_keeps_the_form_when_the_media_disk_is_full(
    site_on_full_disk, full_media_disk, tmp_path
):
    from playwright.sync_api import expect, sync_playwright

    site = site_on_full_disk
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(base_url=site.url, locale="de-DE")
        page.goto("/admin/login/")
        page.fill("#id_username", "upload-walker")
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "/admin/login/" not in page.url

        page.goto("/admin/documents/add/")
        page.set_input_files(
            "#id_file",
            {
                "name": "protokoll.pdf",
                "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n" + b"0" * (2 * MIB) + b"\n%%EOF\n",
            },
        )
        # Wagtail fills the title from the file name; typing before that fill ran
        # ended as "protokollProtokoll …". A person sees it, then types over it.
        expect(page.locator("#id_title")).to_have_value("protokoll")
        page.fill("#id_title", TITLE)
        # A partner's editor may add to one collection only: Wagtail then shows no
        # collection field; with several, the last one is chosen and must stay.
        collections = page.locator("#id_collection option")
        chosen = None
        if collections.count():
            chosen = collections.nth(collections.count() - 1).get_attribute("value")
            page.select_option("#id_collection", chosen)
        page.get_by_role(
            "button", name=re.compile("^(Hochladen|Speichern)")
        ).first.click()
        page.wait_for_load_state("networkidle")

        message = page.get_by_text(re.compile("der Speicher für Uploads voll ist"))
        expect(message).to_be_visible()
        expect(page.get_by_text(re.compile("Ihre übrigen Angaben"))).to_be_visible()
        expect(page.locator("#id_title")).to_have_value(TITLE)
        if chosen is not None:
            expect(page.locator("#id_collection")).to_have_value(chosen)
        assert "Technischer Fehler" not in page.content()
        page.screenshot(path=str(tmp_path / "full-disk.png"), full_page=True)
        if os.environ.get("TREGKS_SCREENSHOTS"):
            page.screenshot(path=os.environ["TREGKS_SCREENSHOTS"], full_page=True)
        browser.close()

    assert [path for path in full_media_disk.rglob("*") if path.is_file()] == []
    count = manage("shell", "-c", FACTS, env=site_env(DATABASE_URL=site.database))
    assert json.loads(count.strip().splitlines()[-1]) == 0
