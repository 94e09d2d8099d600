"""The show's editors are warned where podcast directories would refuse the show."""

import io

from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

from podcast.directory import artwork_file_problem, owner_email_problem

from .utils import make_image
from .utils import own_show as show

# The show of tests/podcast/utils.py, built once for the module (tests/podcast/conftest.py).
pytestmark = pytest.mark.usefixtures("module_podcast")


@pytest.mark.parametrize(
    "email",
    [
        "",
        "podcast@example.org",
        "podcast@example.com",
        "podcast@EXAMPLE.NET",
        "team@tregks.invalid",
        "a@mail.example.org",
        "a@localhost",
    ],
)
def test_placeholder_owner_addresses_are_named(email):
    assert owner_email_problem(email)


@pytest.mark.parametrize(
    "email", ["tregks@wfg-kassel.de", "podcast@hessenmetall.de", "a@examples.org"]
)
def test_real_owner_addresses_pass(email):
    assert owner_email_problem(email) == ""


def stored_image(mode, file_format, size=1400):
    buffer = io.BytesIO()
    PILImage.new(mode, (size, size)).save(buffer, format=file_format)
    image = get_image_model()(title=f"Artwork {mode} {file_format}")
    image.file = ImageFile(buffer, name=f"artwork.{file_format.lower()}")
    image.save()
    return image


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("mode", "file_format", "refused"),
    [
        ("RGB", "JPEG", False),
        ("RGB", "PNG", False),
        ("CMYK", "JPEG", True),
        ("L", "PNG", True),
        ("RGB", "WEBP", True),
    ],
)
def test_artwork_file_must_be_an_rgb_jpeg_or_png(mode, file_format, refused):
    assert bool(artwork_file_problem(stored_image(mode, file_format))) is refused


@pytest.mark.django_db
def test_admin_warns_about_a_placeholder_owner(admin_client):
    """An owner address on example.org: the edit form says so at once."""
    page = show()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "directory-warning" in html
    assert page.owner_email in html
    # The admin speaks German.
    assert "Platzhalter" in html


@pytest.mark.django_db
def test_warning_goes_once_owner_and_artwork_are_real(admin_client):
    page = show()
    page.owner_email = "podcast@hessenmetall.de"
    page.artwork = make_image(3000, 3000)
    page.save_revision().publish()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "directory-warning" not in response.content.decode()


@pytest.mark.django_db
def test_admin_warns_about_a_cmyk_artwork(admin_client):
    page = show()
    page.owner_email = "podcast@hessenmetall.de"
    page.artwork = stored_image("CMYK", "JPEG")
    page.save_revision().publish()
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert "CMYK" in response.content.decode()
