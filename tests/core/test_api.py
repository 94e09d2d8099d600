"""The read-only API v2: live pages only, with the fields an app or newsletter needs."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

import pytest

from news.factories import PressReleasePageFactory
from news.models import PressReleasePage
from tests.utils import news_section

pytestmark = pytest.mark.django_db


def api(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def test_press_releases_carry_newsletter_fields_in_the_readers_language(client):
    data = api(
        client,
        "/api/v2/pages/",
        type="news.PressReleasePage",
        locale="en",
        fields="release_date,lead,image_thumbnail,api_partners,api_topics,body",
        order="-release_date",
    )
    english = PressReleasePage.objects.filter(locale__language_code="en").live()
    assert data["meta"]["total_count"] == english.count()
    newest = data["items"][0]
    assert newest["title"] == "“tregks im Dialog”: the network takes stock"
    assert newest["release_date"] == "2025-06-06"
    assert newest["lead"].startswith("At the annual event")
    assert newest["meta"]["html_url"].endswith("/en/press/wfg/tregks-in-dialogue-2025/")
    assert newest["image_thumbnail"]["url"].endswith(".jpg")
    assert newest["image_thumbnail"]["width"] == 1200
    assert newest["api_partners"][0]["code"] == "wfg"
    assert newest["api_partners"][0]["url"].endswith(
        "/en/partners/kassel-region-business-development/"
    )
    assert {t["name"] for t in newest["api_topics"]} == {
        "Industrial relations",
        "Digitalisation",
    }
    assert newest["body"][0]["type"] == "paragraph"


def test_partner_profiles_and_home_pages_expose_their_fields(client):
    partners = api(
        client,
        "/api/v2/pages/",
        type="partners.PartnerProfilePage",
        locale="de",
        fields="short_name,code,role,logo_rendition,contact_email,api_expert_groups",
    )
    wfg = next(item for item in partners["items"] if item["code"] == "wfg")
    assert wfg["role"] == "lead"
    assert wfg["contact_email"] == "tregks@wfg-kassel.de"
    assert wfg["logo_rendition"]["url"]
    agv = next(item for item in partners["items"] if item["code"] == "agv")
    assert [g["slug"] for g in agv["api_expert_groups"]] == ["arbeitsbeziehungen"]
    homes = api(client, "/api/v2/pages/", type="home.HomePage", fields="hero_title")
    assert {item["meta"]["locale"] for item in homes["items"]} == {"de", "en"}
    assert all(item["hero_title"] for item in homes["items"])


def test_only_live_pages_are_served(client):
    section = news_section("agv")
    draft = PressReleasePageFactory(
        parent=section, title="Geheimer Entwurf", live=False
    )
    withdrawn = PressReleasePage.objects.get(slug="bildungshackathon")
    withdrawn.unpublish()
    data = api(
        client, "/api/v2/pages/", type="news.PressReleasePage", limit=50, locale="de"
    )
    ids = {item["id"] for item in data["items"]}
    assert draft.pk not in ids
    assert withdrawn.pk not in ids
    assert ids, "live releases are still listed"
    for page in (draft, withdrawn):
        # The API answers 404; Django's LocaleMiddleware then offers /de/… (also 404).
        response = client.get(f"/api/v2/pages/{page.pk}/", follow=True)
        assert response.status_code == 404
        assert page.title.encode() not in response.content
    live = next(iter(ids))
    assert api(client, f"/api/v2/pages/{live}/")["id"] == live
    everything = api(client, "/api/v2/pages/", limit=50, search="Geheimer")
    assert all(item["id"] != draft.pk for item in everything["items"])


def test_images_and_documents_endpoints_answer(client):
    assert api(client, "/api/v2/images/")["meta"]["total_count"] > 0
    assert api(client, "/api/v2/documents/")["meta"]["total_count"] > 0


def test_unknown_type_is_a_clear_400(client):
    response = client.get("/api/v2/pages/", {"type": "news.Nothing"})
    assert response.status_code == 400
    assert "type" in response.json()["message"]


def test_related_pages_come_in_the_readers_language(client):
    data = api(
        client,
        "/api/v2/pages/",
        type="news.PressReleasePage",
        locale="en",
        slug="five-expert-groups-start",
        fields="api_related_pages",
    )
    (release,) = data["items"]
    (related,) = release["api_related_pages"]
    assert related["url"].endswith(
        "/en/press/wfg/kassel-region-transformation-network-founded/"
    )
    assert related["title"].endswith("Kassel Region Transformation Network founded")


def test_downloads_give_apps_an_address_but_hide_private_documents(client):

    release = PressReleasePage.objects.get(
        slug="transformationsnetzwerk-region-kassel-gegruendet"
    )
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=BaseViewRestriction.LOGIN
    )
    private = get_document_model().objects.create(
        title="Internes Protokoll",
        collection=collection,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="protokoll.pdf"),
    )
    release.downloads.append(("document", {"document": private, "label": ""}))
    release.save_revision().publish()

    data = api(client, f"/api/v2/pages/{release.pk}/")
    (download,) = data["api_downloads"]
    assert download["label"] == "Faktenblatt zur Gründung (Text)"
    assert download["url"].startswith("http")
    assert download["file_extension"] == "txt"
    path = download["url"].split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200
    assert "Internes Protokoll" not in str(data["api_downloads"])
