"""Duration and size come from the audio file; audio URLs answer HEAD and ranges."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

import mutagen
import pytest

from podcast.models import PodcastEpisodePage

from .utils import demo_mp3, make_audio
from .utils import own_episode as episode

# The show of tests/podcast/utils.py, built once for the module (tests/podcast/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_podcast")]


def mutagen_seconds(media):
    with default_storage.open(media.file.name, "rb") as handle:
        return round(mutagen.File(handle).info.length)


@pytest.mark.parametrize("number", [1, 2, 3])
def test_episodes_take_duration_and_size_from_their_files(number):
    for language in ("de", "en"):
        page = episode(number, language)
        assert page.file_size == default_storage.size(page.audio.file.name)
        assert page.duration == mutagen_seconds(page.audio)
        assert 10 <= page.duration <= 30
        assert page.file_size < 250_000


def test_new_audio_file_is_measured_on_save():
    page = episode(1)
    replacement = make_audio(demo_mp3(3), "replacement.mp3")
    page.audio = replacement
    page.save_revision().publish()
    page = PodcastEpisodePage.objects.get(pk=page.pk)
    assert page.file_size == len(demo_mp3(3))
    assert page.duration == mutagen_seconds(replacement) == 19


def test_replaced_file_of_a_media_item_updates_its_episodes():
    """An editor uploads a new file into the same media item."""
    page = episode(2)
    media = page.audio
    old_size = page.file_size
    media.file.save("kassel-faehrt-voraus-neu.mp3", ContentFile(demo_mp3(1)))
    page.refresh_from_db()
    assert page.file_size == len(demo_mp3(1)) != old_size
    assert page.duration == 23


def test_head_on_an_audio_url(client):
    page = episode(1)
    response = client.head(page.audio.url)
    assert response.status_code == 200
    assert response["Content-Length"] == str(page.file_size)
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"


def test_range_on_an_audio_url(client):
    page = episode(1)
    size = page.file_size
    response = client.get(page.audio.url, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    body = b"".join(response.streaming_content)
    assert len(body) == 100
    assert body == demo_mp3(1)[:100]
    assert response["Content-Range"] == f"bytes 0-99/{size}"
    assert response["Content-Length"] == "100"

    tail = client.get(page.audio.url, headers={"Range": "bytes=-10"})
    assert tail.status_code == 206
    assert b"".join(tail.streaming_content) == demo_mp3(1)[-10:]
    assert tail["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"

    rest = client.get(page.audio.url, headers={"Range": f"bytes={size - 5}-"})
    assert b"".join(rest.streaming_content) == demo_mp3(1)[-5:]

    beyond = client.get(page.audio.url, headers={"Range": f"bytes={size}-"})
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{size}"


def test_media_view_refuses_traversal_next_to_audio(client):
    page = episode(1)
    url = page.audio.url.rsplit("/", 1)[0] + "/../../pyproject.toml"
    assert client.get(url, follow=True).status_code == 404
