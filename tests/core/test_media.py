"""The local media view: HEAD, byte ranges, content types and refusal of other paths."""

import pytest

from tregks.core.media import Unsatisfiable, parse_range

SIZE = 1000
CONTENT = bytes(range(256)) * 3 + bytes(SIZE - 768)


@pytest.fixture
def media_file(settings, tmp_path, db):
    """A 1000-byte MP3-named file in a private MEDIA_ROOT; returns its URL.

    (Database access: the embargo looks the file up among the audio/video items;
    this one is no item's file, so it is served as it is.)"""
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "episode.mp3").write_bytes(CONTENT)
    (tmp_path / "media" / "episode.m4a").write_bytes(CONTENT)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "private.pdf").write_bytes(b"%PDF-1.4 private")
    return "/media/media/episode.mp3"


def test_head_gives_length_and_accepts_ranges(client, media_file):
    response = client.head(media_file)
    assert response.status_code == 200
    assert response["Content-Length"] == str(SIZE)
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Type"] == "audio/mpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content == b""


def test_full_get_returns_the_whole_file(client, media_file):
    response = client.get(media_file)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(SIZE)


def test_first_hundred_bytes(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=0-99"})
    assert response.status_code == 206
    body = b"".join(response.streaming_content)
    assert body == CONTENT[:100]
    assert response["Content-Length"] == "100"
    assert response["Content-Range"] == f"bytes 0-99/{SIZE}"
    assert response["Content-Type"] == "audio/mpeg"


def test_range_in_the_middle_and_head_with_range(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=200-299"})
    assert b"".join(response.streaming_content) == CONTENT[200:300]
    head = client.head(media_file, headers={"Range": "bytes=200-299"})
    assert head.status_code == 206
    assert head["Content-Range"] == f"bytes 200-299/{SIZE}"
    assert head["Content-Length"] == "100"


def test_open_ended_range(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=900-"})
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == CONTENT[900:]
    assert response["Content-Range"] == f"bytes 900-{SIZE - 1}/{SIZE}"
    assert response["Content-Length"] == "100"


def test_suffix_range(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=-50"})
    assert response.status_code == 206
    assert b"".join(response.streaming_content) == CONTENT[-50:]
    assert response["Content-Range"] == f"bytes 950-999/{SIZE}"


def test_range_past_the_end_is_clipped(client, media_file):
    response = client.get(media_file, headers={"Range": "bytes=990-5000"})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes 990-999/{SIZE}"
    assert b"".join(response.streaming_content) == CONTENT[990:]


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=5000-6000", "bytes=-0"])
def test_unsatisfiable_range(client, media_file, header):
    response = client.get(media_file, headers={"Range": header})
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{SIZE}"
    assert b"outside the file" in response.content


@pytest.mark.parametrize("header", ["bytes=0-9,20-29", "items=0-9", "bytes=abc"])
def test_unsupported_or_malformed_range_sends_the_whole_file(
    client, media_file, header
):
    response = client.get(media_file, headers={"Range": header})
    assert response.status_code == 200
    assert response["Content-Length"] == str(SIZE)


def test_range_for_another_version_sends_the_whole_file(client, media_file):
    response = client.get(
        media_file, headers={"Range": "bytes=0-9", "If-Range": '"old-etag"'}
    )
    assert response.status_code == 200
    etag = response["ETag"]
    response = client.get(media_file, headers={"Range": "bytes=0-9", "If-Range": etag})
    assert response.status_code == 206


def test_m4a_is_announced_as_audio_mp4(client, media_file):
    response = client.head("/media/media/episode.m4a")
    assert response["Content-Type"] == "audio/mp4"


@pytest.mark.parametrize(
    "path",
    [
        "/media/../manage.py",
        "/media/media/../../README.md",
        "/media/%2e%2e/pyproject.toml",
        "/media//etc/passwd",
        "/media/media/missing.mp3",
        "/media/media/",
        "/media/documents/private.pdf",
    ],
)
def test_other_paths_are_not_found(client, db, media_file, path):
    """Paths outside media storage, missing files and documents give the 404 page."""
    # LocaleMiddleware may first redirect to /de/…, which is not found either.
    assert client.get(path, follow=True).status_code == 404


def test_only_safe_methods(client, media_file):
    assert client.post(media_file).status_code == 405


def test_parse_range_rules():
    assert parse_range("bytes=0-99", 1000) == (0, 99)
    assert parse_range("bytes=-1", 1000) == (999, 999)
    assert parse_range("bytes=-5000", 1000) == (0, 999)
    assert parse_range("bytes=10-5", 1000) is None
    with pytest.raises(Unsatisfiable):
        parse_range("bytes=0-", 0)
