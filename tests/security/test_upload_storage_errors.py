"""A full, read-only or refusing media storage during an upload: the editor gets the
form back with a clear message and everything typed, and no file or row is left.

The faults are real: a 1 MiB tmpfs mounted by the test as MEDIA_ROOT fills up, a
tmpfs mounted read-only answers EROFS, and an S3 endpoint on loopback refuses the PUT.
Mounting needs root (as in CI); without it these tests fail rather than skip.
"""

import io
import json
import os
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile
from wagtailmedia.models import get_media_model

import pytest
from PIL import Image as PILImage

from tests.utils import mounted_tmpfs

pytestmark = pytest.mark.django_db

MIB = 1024 * 1024
TITLE = "Werkstattgespräch Baunatal"
TAGS = "Netzwerktreffen, Weiterbildung"

MESSAGES = {
    ("en", "full"): "the storage for uploads is full",
    ("de", "full"): "der Speicher für Uploads voll ist",
    ("en", "read_only"): "read-only at the moment",
    ("de", "read_only"): "gerade schreibgeschützt ist",
    ("en", "refused"): "the file storage refused it",
    ("de", "refused"): "der Dateispeicher sie abgelehnt hat",
}
KEPT = {
    "en": "your other entries are still in the form",
    "de": "Ihre übrigen Angaben stehen weiter im Formular",
}


def noisy_png(size_bytes):
    """A real PNG that does not compress: random pixels."""
    side = int((size_bytes / 3) ** 0.5) + 1
    pixels = random.Random(17).randbytes(side * side * 3)  # noqa: S311
    buffer = io.BytesIO()
    PILImage.frombytes("RGB", (side, side), pixels).save(buffer, "PNG")
    return buffer.getvalue()


PDF_3MB = (
    b"%PDF-1.4\n" + b"0" * (3 * MIB) + b"\n%%EOF\n"
)  # above the 2.5 MiB in-memory limit
MP3_2MB = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * (MIB // 2)

# kind: (add URL, model getter, file name, content, extra form data)
KINDS = {
    "image": ("/admin/images/add/", get_image_model, "werkstatt.png", None, {}),
    "document": (
        "/admin/documents/add/",
        get_document_model,
        "protokoll.pdf",
        PDF_3MB,
        {},
    ),
    "audio": (
        "/admin/media/audio/add/",
        get_media_model,
        "folge.mp3",
        MP3_2MB,
        {"duration": "12"},
    ),
}


@pytest.fixture
def full_disk(tmp_path, settings):
    """MEDIA_ROOT on a 1 MiB tmpfs: any upload above 1 MiB fills it."""
    with mounted_tmpfs(tmp_path / "media-full") as folder:
        settings.MEDIA_ROOT = str(folder)
        yield folder


@pytest.fixture
def read_only_disk(tmp_path, settings):
    with mounted_tmpfs(tmp_path / "media-read-only", "ro") as folder:
        settings.MEDIA_ROOT = str(folder)
        yield folder


class RefusingS3(BaseHTTPRequestHandler):
    """An S3 endpoint that knows no object and refuses every upload."""

    protocol_version = "HTTP/1.1"
    puts = []

    def do_HEAD(self):  # noqa: N802 - http.server's naming
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_PUT(self):  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        RefusingS3.puts.append(self.path)
        body = (
            b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code>'
            b"<Message>Access Denied</Message></Error>"
        )
        self.send_response(403)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_PUT  # noqa: N815 - multipart uploads start with a POST

    def log_message(self, *args):
        pass


@pytest.fixture
def refusing_s3(settings):
    from botocore.config import Config

    RefusingS3.puts = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), RefusingS3)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "tregks.core.storage_s3.MediaS3Storage",
            "OPTIONS": {
                "bucket_name": "tregks-media",
                "endpoint_url": f"http://127.0.0.1:{server.server_port}",
                "region_name": "eu-central-1",
                "access_key": "test-key",
                "secret_key": "test-secret",
                "file_overwrite": False,
                "client_config": Config(
                    connect_timeout=2, read_timeout=5, retries={"max_attempts": 1}
                ),
            },
        },
    }
    yield RefusingS3
    server.shutdown()


@pytest.fixture
def collection():
    return Collection.get_first_root_node().add_child(name="Pressefotos")


def editor_client(client, language):
    user = get_user_model().objects.create_superuser(
        f"uploader-{language}", f"uploader-{language}@example.com", "Passw0rd-Test"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def upload(client, kind, collection):
    url, _, name, content, extra = KINDS[kind]
    content = content or noisy_png(int(1.5 * MIB))
    return client.post(
        url,
        {
            "title": TITLE,
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
            "tags": TAGS,
            **extra,
        },
    )


def files_below(folder):
    return [str(path) for path in Path(folder).rglob("*") if path.is_file()]


def assert_form_kept(response, collection, language, reason):
    assert response.status_code == 200  # the form again, not the 500 page
    page = response.content.decode()
    assert MESSAGES[(language, reason)] in page
    assert KEPT[language] in page
    assert f'value="{TITLE}"' in page
    assert f'<option value="{collection.pk}" selected>' in page
    assert "Netzwerktreffen" in page and "Weiterbildung" in page


@pytest.mark.parametrize("kind", ["image", "document", "audio"])
@pytest.mark.parametrize("language", ["de", "en"])
def test_a_full_disk_gives_the_editor_a_message_and_leaves_nothing(
    client, full_disk, collection, kind, language
):
    editor = editor_client(client, language)
    model = KINDS[kind][1]()
    rows = model.objects.count()

    response = upload(editor, kind, collection)

    assert_form_kept(response, collection, language, "full")
    assert model.objects.count() == rows
    assert files_below(full_disk) == []


@pytest.mark.parametrize("kind", ["image", "document"])
def test_a_read_only_disk_gives_the_editor_a_message(
    client, read_only_disk, collection, kind
):
    editor = editor_client(client, "de")
    model = KINDS[kind][1]()
    rows = model.objects.count()

    response = upload(editor, kind, collection)

    assert_form_kept(response, collection, "de", "read_only")
    assert model.objects.count() == rows
    assert files_below(read_only_disk) == []


@pytest.mark.parametrize("kind", ["image", "audio"])
def test_an_object_store_refusing_the_upload_gives_the_editor_a_message(
    client, refusing_s3, collection, kind
):
    editor = editor_client(client, "en")
    model = KINDS[kind][1]()
    rows = model.objects.count()

    response = upload(editor, kind, collection)

    assert refusing_s3.puts, "the upload never reached the object store"
    assert_form_kept(response, collection, "en", "refused")
    assert model.objects.count() == rows


def test_the_multiple_upload_reports_a_full_disk_per_file(
    client, full_disk, collection
):
    editor = editor_client(client, "de")
    rows = get_document_model().objects.count()
    response = editor.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("protokoll.pdf", PDF_3MB),
            "collection": collection.pk,
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert MESSAGES[("de", "full")] in data["error_message"]
    assert get_document_model().objects.count() == rows
    assert files_below(full_disk) == []


@pytest.mark.parametrize(
    ("url", "prefix", "kind"),
    [
        ("/admin/images/chooser/create/", "image-chooser-upload", "image"),
        ("/admin/documents/chooser/create/", "document-chooser-upload", "document"),
        ("/admin/media/audio/chooser/upload/", "media-chooser-upload", "audio"),
    ],
)
def test_the_chooser_upload_shows_the_message_in_the_modal(
    client, full_disk, collection, url, prefix, kind
):
    editor = editor_client(client, "en")
    _, model, name, content, extra = KINDS[kind]
    rows = model().objects.count()
    response = editor.post(
        url,
        {
            f"{prefix}-title": TITLE,
            f"{prefix}-file": SimpleUploadedFile(
                name, content or noisy_png(int(1.5 * MIB))
            ),
            f"{prefix}-collection": collection.pk,
            f"{prefix}-tags": TAGS,
            **{f"{prefix}-{key}": value for key, value in extra.items()},
        },
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    html = data.get("htmlFragment") or data["html"]  # Wagtail's / wagtailmedia's modal
    assert MESSAGES[("en", "full")] in html
    assert f'value="{TITLE}"' in html
    assert model().objects.count() == rows
    assert files_below(full_disk) == []


def test_a_storage_error_is_logged_for_the_administrators(
    client, full_disk, collection, caplog
):
    editor = editor_client(client, "en")
    with caplog.at_level("ERROR", logger="tregks.uploads"):
        upload(editor, "document", collection)
    assert any(
        record.levelname == "ERROR" and "full" in record.getMessage()
        for record in caplog.records
    )


def test_an_upload_that_fits_is_still_stored(client, full_disk, collection):
    """The storage wrapper changes nothing when the disk has room."""
    editor = editor_client(client, "en")
    response = editor.post(
        "/admin/documents/add/",
        {
            "title": "Kurzprotokoll",
            "file": SimpleUploadedFile("kurz.pdf", b"%PDF-1.4\nkurz\n%%EOF\n"),
            "collection": collection.pk,
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Kurzprotokoll")
    assert os.path.exists(Path(full_disk) / document.file.name)
