"""Embargo: files that only unreleased pages use are not served to the public.

A document attached to a draft, or the audio of an episode draft, answers 404 to
anonymous visitors and to other partners, is served to the partner's own people, and
is served to everyone from the moment a page that uses it goes live. The API lists
only what anonymous visitors may download.
"""

import datetime

from django.core.files.base import ContentFile
from django.http import Http404

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page
from wagtailmedia.models import get_media_model

import pytest

from podcast.factories import PodcastEpisodePageFactory, PodcastShowPageFactory
from tregks.core.factories import make_image, silent_mp3

from .conftest import make_release
from .test_media_collections import collection_of, shared

pytestmark = pytest.mark.django_db


def document_in(collection, name):
    document = get_document_model()(title=f"Anhang {name}", collection=collection)
    document.file.save(f"{name}.txt", ContentFile(b"Sperrfrist bis Freitag.\n"))
    return document


def audio_in(collection, name):
    media = get_media_model()(title=f"Ton {name}", type="audio", collection=collection)
    media.file.save(f"{name}.mp3", ContentFile(silent_mp3()), save=False)
    media.save()
    return media


def downloads(document):
    return [("document", {"document": document, "label": "Faktenblatt"})]


def status(client, url, user=None, **headers):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url, headers=headers).status_code


def publish(page):
    Page.objects.get(pk=page.pk).get_latest_revision().publish()


def test_a_document_of_a_draft_is_served_only_once_the_page_is_live(client, users):
    document = document_in(collection_of("alpha"), "sperrfrist")
    release = make_release(
        "alpha", "mit-anhang", users["alpha-editor"], downloads=downloads(document)
    )
    assert not release.live
    assert status(client, document.url) == 404
    assert status(client, document.url, users["beta-editor"]) == 404
    assert status(client, document.url, users["alpha-editor"]) == 200
    assert status(client, document.url, users["alpha-approver"]) == 200

    publish(release)
    assert status(client, document.url) == 200


def test_a_document_added_in_a_draft_of_a_live_page_stays_embargoed(client, users):
    release = make_release("alpha", "schon-live", users["alpha-approver"], publish=True)
    document = document_in(collection_of("alpha"), "nachtrag")
    page = Page.objects.get(pk=release.pk).specific
    page.downloads = downloads(document)
    page.save_revision(user=users["alpha-editor"])
    assert status(client, document.url) == 404

    publish(page)
    assert status(client, document.url) == 200


def test_unpublishing_the_only_page_puts_the_document_back_under_embargo(client, users):
    document = document_in(collection_of("alpha"), "zurueck")
    release = make_release(
        "alpha",
        "wieder-offline",
        users["alpha-approver"],
        publish=True,
        downloads=downloads(document),
    )
    assert status(client, document.url) == 200
    Page.objects.get(pk=release.pk).unpublish()
    assert status(client, document.url) == 404


def test_network_material_in_gemeinsam_is_public(client, users):
    document = document_in(shared(), "netzwerk-logo")
    assert status(client, document.url) == 200


def episode_draft(media, number=97):
    """A draft episode with this audio, in a podcast of the test's own."""
    episode = PodcastEpisodePageFactory(
        parent=PodcastShowPageFactory(),
        title=f"Folge mit Sperrfrist {number}",
        slug=f"folge-sperrfrist-{number}",
        episode_number=number,
        release_date=datetime.date(2026, 5, 1),
        summary="Eine Folge, die noch nicht erschienen ist.",
        audio=media,
        live=False,
    )
    episode.save_revision()
    return episode


def test_the_audio_of_an_episode_draft_is_served_only_once_it_is_live(client, users):
    media = audio_in(collection_of("alpha"), "folge-sperrfrist")
    episode = episode_draft(media)
    url = media.url
    assert url.startswith("/media/")
    assert status(client, url) == 404
    assert status(client, url, Range="bytes=0-99") == 404
    client.logout()
    assert client.head(url).status_code == 404
    assert status(client, url, users["beta-editor"]) == 404

    client.force_login(users["alpha-editor"])
    preview = client.get(url)
    assert preview.status_code == 200
    # Served to an editor under embargo: no shared cache may keep it.
    assert "private" in preview["Cache-Control"]

    publish(episode)
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public")
    ranged = client.get(url, headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206
    assert len(b"".join(ranged.streaming_content)) == 100


def image_in(collection, title):
    image = make_image(title, (64, 48))
    image.collection = collection
    image.save()
    return image


def test_the_pictures_of_a_draft_are_served_only_once_it_is_live(client, users):
    """Original and renditions alike: their addresses are guessable (upload name and
    the templates' filter specs)."""
    image = image_in(collection_of("alpha"), "Bild unter Sperrfrist")
    release = make_release("alpha", "mit-bild", users["alpha-editor"], image=image)
    assert not release.live
    rendition = image.get_rendition("fill-32x24")
    urls = [image.file.url, rendition.url]
    for url in urls:
        assert url.startswith("/media/")
        assert status(client, url) == 404
        assert status(client, url, users["beta-editor"]) == 404
        client.force_login(users["alpha-editor"])
        preview = client.get(url)
        assert preview.status_code == 200
        assert "private" in preview["Cache-Control"]

    publish(release)
    for url in urls:
        client.logout()
        response = client.get(url)
        assert response.status_code == 200
        assert response["Cache-Control"].startswith("public")


def test_pictures_in_gemeinsam_are_public(client, users):
    image = image_in(shared(), "Netzwerkfoto")
    assert status(client, image.get_rendition("fill-32x24").url) == 200


def test_a_collection_privacy_setting_holds_for_media_even_when_live(client, users):
    media = audio_in(collection_of("alpha"), "nur-intern")
    episode = episode_draft(media, number=98)
    publish(episode)
    assert status(client, media.url) == 200
    restriction = CollectionViewRestriction.objects.create(
        collection=collection_of("alpha"),
        restriction_type=CollectionViewRestriction.LOGIN,
    )
    try:
        assert status(client, media.url) == 404
    finally:
        restriction.delete()


def api_ids(client, path="/api/v2/documents/"):
    client.logout()
    return {item["id"] for item in client.get(path).json()["items"]}


def test_the_api_lists_only_documents_the_public_may_download(client, users):
    embargoed = document_in(collection_of("alpha"), "api-sperrfrist")
    release = make_release(
        "alpha", "api-anhang", users["alpha-editor"], downloads=downloads(embargoed)
    )
    network = document_in(shared(), "api-netzwerk")
    other_unused = document_in(collection_of("beta"), "api-beta-intern")

    listed = api_ids(client)
    assert network.pk in listed
    assert embargoed.pk not in listed
    assert other_unused.pk not in listed
    hidden = client.get(f"/api/v2/documents/{embargoed.pk}/", follow=True)
    assert hidden.status_code == 404
    assert embargoed.title not in hidden.content.decode()

    publish(release)
    assert embargoed.pk in api_ids(client)
    assert client.get(f"/api/v2/documents/{embargoed.pk}/").status_code == 200


def s3_storage():
    from tregks.core.storage_s3 import MediaS3Storage

    # Signing happens locally in boto3: no request leaves the machine.
    return MediaS3Storage(
        bucket_name="tregks-test",
        region_name="eu-central-1",
        access_key="AKIAEXAMPLEEXAMPLE",
        secret_key="example-secret",  # noqa: S106
        custom_domain="cdn.example.org",
        querystring_auth=False,
    )


def test_with_s3_audio_urls_point_at_the_site_and_pictures_at_the_cdn():
    storage = s3_storage()
    assert storage.url("media/folge.mp3") == "/media/media/folge.mp3"
    assert storage.url("images/bild.png") == "https://cdn.example.org/images/bild.png"
    signed = storage.signed_url("media/folge.mp3", expire=120)
    assert signed.startswith("https://tregks-test.s3.")
    assert "X-Amz-Signature=" in signed
    assert "X-Amz-Expires=120" in signed


def test_with_s3_the_site_checks_the_embargo_before_redirecting(rf, users):
    from unittest import mock

    from django.contrib.auth.models import AnonymousUser

    from tregks.core import media as media_views

    media = audio_in(collection_of("alpha"), "s3-sperrfrist")
    episode = episode_draft(media, number=99)
    request = rf.get(f"/media/{media.file.name}")
    request.user = AnonymousUser()
    with mock.patch.object(media_views, "default_storage", s3_storage()):
        with pytest.raises(Http404):
            media_views.redirect_to_object_store(request, media.file.name)
        publish(episode)
        response = media_views.redirect_to_object_store(request, media.file.name)
    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"]
    assert response["Cache-Control"] == "public, max-age=60"
