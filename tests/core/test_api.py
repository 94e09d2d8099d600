"""The read-only API v2: live pages only, with the fields an app or newsletter needs.

Each test builds the releases and partners it reads with the apps' factories.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
)
from wagtail.rich_text import RichText

import pytest

from home.factories import home_page
from news.factories import PressReleasePageFactory, news_section
from news.models import PressReleasePage
from partners.factories import PartnerProfilePageFactory
from partners.models import PartnerRole
from tregks.core.factories import make_image, topics
from tregks.core.models import Topic

pytestmark = pytest.mark.django_db


def api(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en")).specific


def test_press_releases_carry_newsletter_fields_in_the_readers_language(client):
    partner = PartnerProfilePageFactory(english=True)
    german_topics = topics("arbeitsbeziehungen", "digitalisierung")
    release = PressReleasePageFactory(
        parent=news_section(partner),
        release_date=datetime.date(2031, 6, 6),  # the newest of all
        image=make_image("Pressebild", (1200, 675)),
        issuing_partners=[partner],
        topics=german_topics,
        body=[("paragraph", RichText("<p>Der erste Absatz.</p>"))],
        english={
            "title": "The network takes stock",
            "slug": "the-network-takes-stock",
            "lead": "At the annual event the partners looked back.",
        },
    )
    data = api(
        client,
        "/api/v2/pages/",
        type="news.PressReleasePage",
        locale="en",
        fields="release_date,lead,image_thumbnail,api_partners,api_topics,body",
        order="-release_date",
    )
    live_english = PressReleasePage.objects.filter(locale__language_code="en").live()
    assert data["meta"]["total_count"] == live_english.count()
    newest = data["items"][0]
    translated = english(release)
    assert newest["id"] == translated.pk
    assert newest["title"] == "The network takes stock"
    assert newest["release_date"] == "2031-06-06"
    assert newest["lead"] == "At the annual event the partners looked back."
    assert newest["meta"]["html_url"] == translated.get_full_url()
    assert newest["meta"]["html_url"].endswith("/the-network-takes-stock/")
    assert newest["image_thumbnail"]["url"].endswith(".jpg")
    assert newest["image_thumbnail"]["width"] == 1200
    assert newest["api_partners"][0]["code"] == partner.code
    # The reader's (English) profile, not the German one the field points to.
    assert newest["api_partners"][0]["url"] == english(partner).get_full_url()
    assert "/en/" in newest["api_partners"][0]["url"]
    english_names = {
        topic.name
        for topic in Topic.objects.filter(
            locale__language_code="en",
            translation_key__in=[t.translation_key for t in german_topics],
        )
    }
    assert len(english_names) == 2
    assert english_names.isdisjoint(t.name for t in german_topics)
    assert {t["name"] for t in newest["api_topics"]} == english_names
    assert newest["body"][0]["type"] == "paragraph"


def test_partner_profiles_and_home_pages_expose_their_fields(client):
    lead = PartnerProfilePageFactory(
        role=PartnerRole.LEAD,
        contact_email="netzwerk@example.org",
        logo=make_image("Logo", (400, 200)),
    )
    leader = PartnerProfilePageFactory(expert_groups=topics("arbeitsbeziehungen"))
    partners = api(
        client,
        "/api/v2/pages/",
        type="partners.PartnerProfilePage",
        locale="de",
        limit=50,
        fields="short_name,code,role,logo_rendition,contact_email,api_expert_groups",
    )
    by_code = {item["code"]: item for item in partners["items"]}
    assert by_code[lead.code]["role"] == "lead"
    assert by_code[lead.code]["short_name"] == lead.short_name
    assert by_code[lead.code]["contact_email"] == "netzwerk@example.org"
    assert by_code[lead.code]["logo_rendition"]["url"]
    assert [g["slug"] for g in by_code[leader.code]["api_expert_groups"]] == [
        "arbeitsbeziehungen"
    ]
    home_page("en")  # the German home page and its translation
    homes = api(client, "/api/v2/pages/", type="home.HomePage", fields="hero_title")
    assert {item["meta"]["locale"] for item in homes["items"]} == {"de", "en"}
    assert all(item["hero_title"] for item in homes["items"])


def test_only_live_pages_are_served(client):
    section = news_section()
    draft = PressReleasePageFactory(
        parent=section, title="Geheimer Entwurf", live=False
    )
    withdrawn = PressReleasePageFactory(parent=section, title="Zurückgezogen")
    still_live = PressReleasePageFactory(parent=section)
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
    assert api(client, f"/api/v2/pages/{still_live.pk}/")["id"] == still_live.pk
    everything = api(client, "/api/v2/pages/", limit=50, search="Geheimer")
    assert all(item["id"] != draft.pk for item in everything["items"])


def test_images_and_documents_endpoints_answer(client):
    image = make_image("Öffentliches Bild")
    document = get_document_model().objects.create(
        title="Öffentliches Dokument", file=ContentFile(b"Text.\n", name="text.txt")
    )
    # Offered by a live release (a file that only unreleased pages use is embargoed).
    PressReleasePageFactory(downloads=[("document", {"document": document})])
    images = api(client, "/api/v2/images/", order="-id")
    documents = api(client, "/api/v2/documents/", order="-id")
    assert image.pk in {item["id"] for item in images["items"]}
    assert document.pk in {item["id"] for item in documents["items"]}
    assert api(client, "/api/v2/images/")["meta"]["total_count"] > 0
    assert api(client, "/api/v2/documents/")["meta"]["total_count"] > 0


def test_unknown_type_is_a_clear_400(client):
    response = client.get("/api/v2/pages/", {"type": "news.Nothing"})
    assert response.status_code == 400
    assert "type" in response.json()["message"]


def test_related_pages_come_in_the_readers_language(client):
    section = news_section(english=True)
    founded = PressReleasePageFactory(
        parent=section,
        english={"title": "Network founded", "slug": "network-founded"},
    )
    release = PressReleasePageFactory(
        parent=section,
        related_pages=[("page", founded)],
        english={"title": "Expert groups start", "slug": "expert-groups-start"},
    )
    data = api(
        client,
        "/api/v2/pages/",
        type="news.PressReleasePage",
        locale="en",
        slug="expert-groups-start",
        fields="api_related_pages",
    )
    (item,) = data["items"]
    assert item["id"] == english(release).pk
    (related,) = item["api_related_pages"]
    assert related["url"] == english(founded).get_full_url()
    assert related["url"].endswith("/network-founded/")
    assert related["title"] == "Network founded"


def test_downloads_give_apps_an_address_but_hide_private_documents(client):
    fact_sheet = get_document_model().objects.create(
        title="Faktenblatt",
        file=ContentFile(b"Zahlen und Fakten.\n", name="faktenblatt.txt"),
    )
    release = PressReleasePageFactory(
        downloads=[("document", {"document": fact_sheet, "label": "Das Faktenblatt"})]
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
    assert download["label"] == "Das Faktenblatt"
    assert download["url"].startswith("http")
    assert download["file_extension"] == "txt"
    path = download["url"].split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200
    assert "Internes Protokoll" not in str(data["api_downloads"])
