"""Uploads are checked by type, content and size; documents are served safely."""

import io

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

import pytest
from PIL import Image as PILImage

from tregks.security.uploads import check_document

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
DOCX = b"PK\x03\x04" + b"\x14\x00\x06\x00" + b"\x00" * 60
HTML = (
    b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
)
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg">'
    b"<script>alert(1)</script></svg>"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 100
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 100
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x00" * 100


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser(
        "upload-admin", "upload-admin@example.com", "irrelevant-Passw0rd"
    )
    # The admin speaks the editor's language; the messages below are the English ones.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


@pytest.fixture
def root_collection():
    return Collection.get_first_root_node()


@pytest.fixture
def public_collection():
    """Network material: served to everyone (files elsewhere wait for a live page,
    docs/editorial-workflow.md, "Files under embargo")."""
    from tregks.editorial.setup import shared_collection

    return shared_collection()


def upload_document(admin_client, root_collection, name, content):
    return admin_client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection.pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bericht.pdf", HTML, "web page code"),
        ("bericht.txt", HTML, "web page code"),
        ("grafik.txt", SVG, "web page code"),
        ("tabelle.csv", b"Name;Wert\n<svg onload=alert(1)>;2\n", "web page code"),
        ("programm.pdf", EXE, "is a program"),
        ("programm.zip", ELF, "is a program"),
        ("skript.txt", b"#!/bin/sh\nrm -rf /\n", "is a program"),
        ("bericht.pdf", DOCX, "does not match its name"),
        ("bericht.docx", PDF, "does not match its name"),
        ("daten.csv", b"\x00\x01\x02\x03binary", "not plain text"),
    ],
)
def test_disguised_documents_are_rejected_with_a_clear_message(
    admin_client, root_collection, name, content, message
):
    response = upload_document(admin_client, root_collection, name, content)
    assert response.status_code == 200  # the form again
    assert message in response.content.decode()
    assert not get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bericht.pdf", PDF),
        ("bericht.docx", DOCX),
        ("liste.csv", b"Ort;Betriebe\nKassel;12\nBaunatal;3\n"),
        ("notiz.txt", "Grüße aus Kassel".encode("cp1252")),
    ],
)
def test_genuine_documents_are_accepted(admin_client, root_collection, name, content):
    response = upload_document(admin_client, root_collection, name, content)
    assert response.status_code == 302
    assert get_document_model().objects.filter(title=name).exists()


def test_document_types_outside_the_list_are_rejected(admin_client, root_collection):
    response = upload_document(admin_client, root_collection, "seite.html", HTML)
    assert response.status_code == 200
    assert "is not allowed" in response.content.decode()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_document_size_limit(admin_client, root_collection):
    response = upload_document(
        admin_client, root_collection, "gross.pdf", PDF + b"0" * 2048
    )
    assert response.status_code == 200
    assert "too big" in response.content.decode()


def test_multiple_upload_checks_the_content_too(admin_client, root_collection):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("bericht.pdf", HTML),
            "collection": root_collection.pk,
        },
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert "web page code" in data["error_message"]


def upload_image(admin_client, root_collection, name, content):
    return admin_client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection.pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bild.png", HTML, "Not a valid .png image"),
        ("bild.svg", SVG, "Not a supported image format"),
        ("bild.html", HTML, "Not a supported image format"),
        ("bild.gif", png_bytes(), "The extension does not match the file format"),
    ],
)
def test_images_must_be_images(admin_client, root_collection, name, content, message):
    response = upload_image(admin_client, root_collection, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.filter(title=name).exists()


def test_genuine_images_are_accepted(admin_client, root_collection):
    response = upload_image(admin_client, root_collection, "echt.png", png_bytes())
    assert response.status_code == 302


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=20)
def test_image_size_limit(admin_client, root_collection):
    assert len(png_bytes()) > 20
    response = upload_image(admin_client, root_collection, "gross.png", png_bytes())
    assert response.status_code == 200
    assert "too big" in response.content.decode()


def upload_media(admin_client, root_collection, media_type, name, content):
    return admin_client.post(
        f"/admin/media/{media_type}/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection.pk,
            "duration": "12",
        },
    )


@pytest.mark.parametrize(
    ("media_type", "name", "content", "message"),
    [
        ("audio", "folge.mp3", HTML, "web page code"),
        ("audio", "folge.mp3", EXE, "is a program"),
        ("audio", "folge.mp3", b"OggS" + b"\x00" * 64, "does not match its name"),
        ("audio", "folge.exe", MP3, "cannot be uploaded here"),
        ("video", "film.mp3", MP3, "cannot be uploaded here"),
        ("video", "film.mp4", SVG, "web page code"),
    ],
)
def test_disguised_media_are_rejected(
    admin_client, root_collection, media_type, name, content, message
):
    from wagtailmedia.models import get_media_model

    response = upload_media(admin_client, root_collection, media_type, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_media_model().objects.filter(title=name).exists()


def test_genuine_audio_is_accepted(admin_client, root_collection):
    from wagtailmedia.models import get_media_model

    response = upload_media(admin_client, root_collection, "audio", "folge.mp3", MP3)
    assert response.status_code == 302
    assert get_media_model().objects.filter(title="folge.mp3").exists()


@override_settings(MEDIA_MAX_UPLOAD_SIZE=100)
def test_media_size_limit(admin_client, root_collection):
    response = upload_media(admin_client, root_collection, "audio", "lang.mp3", MP3)
    assert response.status_code == 200
    assert "too big" in response.content.decode()


def test_check_document_leaves_the_file_position_alone():
    uploaded = SimpleUploadedFile("bericht.pdf", PDF)
    uploaded.read(3)
    check_document(uploaded)
    assert uploaded.tell() == 3


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [
        ("bericht.pdf", PDF, "inline"),
        ("notiz.txt", b"Hallo", "attachment"),
        ("liste.csv", b"a;b", "attachment"),
        ("bericht.docx", DOCX, "attachment"),
    ],
)
def test_documents_are_served_by_the_serve_view_with_safe_headers(
    client, public_collection, name, content, disposition
):
    document = get_document_model().objects.create(
        title=name, file=ContentFile(content, name=name), collection=public_collection
    )
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == content


def test_a_crafted_file_name_cannot_break_the_content_disposition(
    client, public_collection
):
    """Quotes, line breaks and a second extension in an uploaded name stay harmless."""
    name = 'Bericht "2025"; filename=evil.html\r\nX-Injected: 1 Übersicht.pdf'
    document = get_document_model().objects.create(
        title="Bericht", file=ContentFile(PDF, name=name), collection=public_collection
    )
    response = client.get(document.url)
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert "X-Injected" not in response.headers
    assert disposition.count("filename=") == 1, disposition
    served_name = disposition.split("filename=")[1].split(";")[0].strip('"')
    assert served_name.endswith(".pdf"), disposition
    assert response["Content-Type"] == "application/pdf"


def test_the_message_is_german_for_german_editors(admin_client, root_collection):
    user = get_user_model().objects.get(username="upload-admin")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "de"
    profile.save()
    response = upload_document(admin_client, root_collection, "bericht.pdf", HTML)
    assert "Diese Datei enthält Webseiten-Code" in response.content.decode()


def test_captions_must_be_webvtt(admin_client, root_collection):
    good = upload_document(
        admin_client,
        root_collection,
        "untertitel.vtt",
        b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n",
    )
    assert good.status_code == 302
    bad = upload_document(
        admin_client, root_collection, "falsch.vtt", b"1\n00:00:00,000"
    )
    assert bad.status_code == 200
    assert "does not match its name" in bad.content.decode()


def settings_in_a_fresh_process(**environment):
    """The upload limits as a process started with this environment sees them."""
    import subprocess
    import sys

    from tests.serving import ROOT, site_env

    return subprocess.run(  # noqa: S603
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.WAGTAILDOCS_MAX_UPLOAD_SIZE,"
            " s.WAGTAILIMAGES_MAX_UPLOAD_SIZE, s.MEDIA_MAX_UPLOAD_SIZE)",
        ],
        cwd=ROOT,
        env=site_env(**environment),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_upload_limits_come_from_the_environment():
    result = settings_in_a_fresh_process(
        DOCUMENT_MAX_UPLOAD_MB="7", IMAGE_MAX_UPLOAD_MB="3", MEDIA_MAX_UPLOAD_MB="50"
    )
    assert result.returncode == 0, result.stderr
    mib = 1024 * 1024
    assert result.stdout.split()[-3:] == [str(7 * mib), str(3 * mib), str(50 * mib)]

    wrong = settings_in_a_fresh_process(IMAGE_MAX_UPLOAD_MB="zehn")
    assert wrong.returncode != 0
    assert "IMAGE_MAX_UPLOAD_MB must be a whole number" in wrong.stderr
