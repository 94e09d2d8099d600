"""Renditions made in Python survive an image whose source file is gone."""

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from tregks.core.funding import LOGO_RENDITION
from tregks.core.images import rendition_or_none


@pytest.fixture
def image(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return get_image_model().objects.create(
        title="Logo", file=get_test_image_file(filename="logo.png")
    )


def test_an_image_with_its_file_gives_a_rendition(image):
    rendition = rendition_or_none(image, LOGO_RENDITION)
    assert rendition is not None
    assert rendition.url.endswith(".png")


def test_a_missing_source_file_gives_none_and_a_log_line(image, caplog):
    image.file.storage.delete(image.file.name)
    assert rendition_or_none(image, LOGO_RENDITION) is None
    assert "No rendition of image" in caplog.text


def test_no_image_gives_none(db):
    assert rendition_or_none(None, LOGO_RENDITION) is None
