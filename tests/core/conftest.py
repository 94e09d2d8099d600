"""Fixtures of the core tests."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtailmedia.models import get_media_model

import pytest
from PIL import Image as PILImage

from home.factories import ContentPageFactory


@pytest.fixture
def site_with_history():
    """The demo site plus a draft revision, an uploaded document, image and audio."""
    page = ContentPageFactory(title="Impressum im Test")
    page.save_revision().publish()
    page.title = "Impressum (Entwurf zur Sicherung)"
    page.save_revision()
    root = Collection.get_first_root_node()
    get_document_model().objects.create(
        title="Jahresbericht 2025",
        file=ContentFile(b"%PDF-1.4\nJahresbericht\n%%EOF\n", name="jahresbericht.pdf"),
        collection=root,
    )
    picture = io.BytesIO()
    PILImage.new("RGB", (8, 6), "teal").save(picture, "PNG")
    get_image_model().objects.create(
        title="Netzwerktreffen",
        file=ImageFile(io.BytesIO(picture.getvalue()), name="netzwerktreffen.png"),
        collection=root,
    )
    get_media_model().objects.create(
        title="Folge zur Sicherung",
        type="audio",
        duration=12,
        file=ContentFile(
            b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb" * 64, name="folge.mp3"
        ),
        collection=root,
    )
    return page
