"""Named image sizes (tregks.core.renditions), in templates and in Python; renditions
made in Python survive an image whose source file is gone."""

from django.template import Context, Template, TemplateSyntaxError

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from tregks.core.images import rendition_or_none
from tregks.core.renditions import FUNDING_LOGO as LOGO_RENDITION


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


def render(source, **context):
    return Template("{% load renditions %}" + source).render(Context(context)).strip()


def test_a_template_asks_for_a_size_by_name(image):
    html = render(
        '{% rendition img "teaser" as t %}{{ t.width }}x{{ t.height }}', img=image
    )
    assert html == "480x270"


def test_a_template_without_an_image_gets_nothing(db):
    assert render('{% rendition img "teaser" as t %}[{{ t }}]', img=None) == "[None]"


def test_a_missing_file_gives_a_placeholder_not_an_error(image):
    image.file.storage.delete(image.file.name)
    assert "not-found" in render(
        '{% rendition img "logo" as t %}{{ t.url }}', img=image
    )


def test_a_size_the_site_does_not_know_is_a_template_error(image):
    with pytest.raises((KeyError, TemplateSyntaxError)):
        render('{% rendition img "huge" as t %}', img=image)
