"""Tree rules, admin creation, rendering and preview of the news page types."""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage
from news.factories import PressReleasePageFactory, news_index, news_section
from news.models import NewsIndexPage, PressReleasePage
from partners.factories import PartnerProfilePageFactory, partner_index
from partners.models import PartnerSectionPage
from tests.utils import data_for_scope, fresh, soup
from tregks.core.factories import expert_group_topic, make_image, translate_page

RELEASE_FORM = {
    "image_caption": "",
    "image_credit": "",
    "contact_role": "",
    "contact_phone": "",
    "contact_email": "",
    "downloads": streamfield([]),
    "related_pages": streamfield([]),
}


class TestNewsPageTypes(WagtailPageTestCase):
    def test_index_only_below_home_and_holds_sections(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {PartnerSectionPage})

    def test_release_only_inside_a_partner_section(self):
        self.assertAllowedParentPageTypes(PressReleasePage, {PartnerSectionPage})
        self.assertAllowedSubpageTypes(PressReleasePage, set())

    def test_second_index_below_the_same_home_is_refused(self):
        home = news_index("de").get_parent().specific
        assert not NewsIndexPage.can_create_at(home)

    def test_release_can_be_created_through_the_admin_form(self):
        self.login()
        partner = PartnerProfilePageFactory()
        section = news_section(partner)
        topic = expert_group_topic("qualifizierung")
        earlier = PressReleasePageFactory(parent=section)
        data = nested_form_data(
            {
                **RELEASE_FORM,
                "title": "Mentoring-Programm startet",
                "slug": "mentoring-programm-startet",
                "release_date": "2024-02-01",
                "lead": "Erfahrene Fachkräfte begleiten Nachwuchskräfte.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>Anmeldung ab sofort.</p>"))]
                ),
                "contact_role": "Pressestelle",
                "related_pages": streamfield([("page", earlier.pk)]),
            }
        )
        # Many-to-many values are lists of ids (nested_form_data would number them).
        data["issuing_partners"] = [partner.pk]
        data["topics"] = [topic.pk]
        self.assertCanCreate(section, PressReleasePage, data)
        created = PressReleasePage.objects.get(slug="mentoring-programm-startet")
        assert list(created.issuing_partners.all()) == [partner]
        assert created.related_pages[0].value.pk == earlier.pk

    def test_news_pages_render_in_both_languages(self):
        release = PressReleasePageFactory(english=True)
        english = release.get_translation(Locale.objects.get(language_code="en"))
        for page in (news_index("de"), news_index("en"), release, english):
            self.assertPageIsRenderable(page)

    def test_release_previews(self):
        page = PressReleasePageFactory()
        data = nested_form_data(
            {
                **RELEASE_FORM,
                "title": "Eine Mitteilung (Entwurf)",
                "slug": page.slug,
                "release_date": "2023-07-13",
                "lead": "Vorschau",
                "body": streamfield([("paragraph", rich_text("<p>Vorschau</p>"))]),
            }
        )
        self.assertPageIsPreviewable(page, post_data=data)

    def test_index_previews(self):
        page = news_index("de")
        data = nested_form_data(
            {"title": page.title, "slug": page.slug, "intro": rich_text("<p>Neu</p>")}
        )
        self.assertPageIsPreviewable(page, post_data=data)


def fact_sheet():
    document = get_document_model()(title="Faktenblatt")
    document.file.save("faktenblatt.txt", ContentFile(b"Fakten"), save=False)
    document.save()
    return document


@pytest.fixture(scope="module")
def release_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_release()


@pytest.fixture
def release(db, release_of_module):
    """A German release with everything journalists look for, and its translation
    (built once per module, read afresh for each test)."""
    return fresh(release_of_module)


def build_release():
    # The English indexes with their English slugs (made on the way by a translation,
    # they would keep the German ones).
    partner_index("en")
    news_index("en")
    partner = PartnerProfilePageFactory(
        title="Werkzeugbau Nord GmbH",
        slug="werkzeugbau-nord",
        english={"title": "Werkzeugbau Nord Ltd", "slug": "toolmakers-north"},
    )
    topic = expert_group_topic("arbeitsbeziehungen")
    page = PressReleasePageFactory(
        parent=news_section(partner, english=True),
        title="Werkzeugbau Nord eröffnet eine Lernwerkstatt",
        release_date=datetime.date(2023, 4, 12),
        image=make_image("Pressebild Werkstatt"),
        image_alt="Eine Werkbank mit Werkzeugen",
        image_credit="tregks",
        contact_role="Pressestelle",
        contact_phone="+49 561 70733-50",
        contact_email="presse@werkzeugbau.example",
        downloads=[
            ("document", {"document": fact_sheet(), "label": "Faktenblatt (Text)"})
        ],
        issuing_partners=[partner],
        topics=[topic],
    )
    english = translate_page(
        page,
        "en",
        title="Werkzeugbau Nord opens a learning workshop",
        slug="learning-workshop-opens",
        image_alt="A workbench with tools",
        downloads=[
            (
                "document",
                {
                    "document": page.downloads[0].value["document"],
                    "label": "Fact sheet (text)",
                },
            )
        ],
    )
    return page, english


def test_release_page_shows_what_journalists_need(client, release):
    page, _english = release
    html = soup(client.get(page.url))
    assert len(html.find_all("h1")) == 1
    assert html.h1.get_text(strip=True) == page.title
    assert html.select_one("time[datetime='2023-04-12']")
    partner_link = html.select_one(".press-release__partners a")
    assert partner_link["href"] == "/de/partner/werkzeugbau-nord/"
    assert html.select_one("figure img")["alt"] == "Eine Werkbank mit Werkzeugen"
    assert "tregks" in html.select_one("figure figcaption .credit").get_text()
    contact = html.select_one(".press-contact")
    assert contact.select_one("a[href='tel:+495617073350']")
    assert contact.select_one("a[href='mailto:presse@werkzeugbau.example']")
    download = html.select_one(".document-link a")
    assert download["href"].startswith("/documents/")
    assert client.get(download["href"]).status_code == 200
    topic_links = [a["href"] for a in html.select("#topics-heading + ul a")]
    assert "/de/presse/?topic=arbeitsbeziehungen" in topic_links


def test_english_release_links_english_profiles_and_topics(client, release):
    _page, english = release
    html = soup(client.get(english.url))
    assert html.html["lang"] == "en"
    assert html.h1.get_text(strip=True) == "Werkzeugbau Nord opens a learning workshop"
    partner_link = html.select_one(".press-release__partners a")
    assert partner_link["href"] == "/en/partners/toolmakers-north/"
    topics = [a.get_text() for a in html.select("#topics-heading + ul a")]
    assert "Industrial relations" in topics
    assert "Arbeitsbeziehungen" not in topics
    assert html.select_one("#topics-heading + ul a")["href"].startswith("/en/press/?")
    assert "Fact sheet (text)" in html.select_one(".document-link").get_text()


@pytest.mark.django_db
def test_related_pages_link_to_the_readers_language(client):
    section = news_section(english=True)
    earlier = PressReleasePageFactory(parent=section, english=True)
    later = PressReleasePageFactory(
        parent=section, related_pages=[("page", earlier)], english=True
    )
    english = Locale.objects.get(language_code="en")
    html = soup(client.get(later.get_translation(english).url))
    links = [a["href"] for a in html.select("#related-heading + ul a")]
    assert links == [earlier.get_translation(english).url]


@pytest.mark.django_db
def test_home_page_lists_the_latest_releases(client):
    PressReleasePageFactory(
        parent=news_section(english=True),
        release_date=datetime.date.today(),
        english={"title": "The newest release of all"},
    )
    html = soup(client.get("/en/"))
    titles = [a.get_text() for a in html.select(".latest .card__title a")]
    assert "The newest release of all" in titles


@pytest.mark.parametrize(
    ("language", "alt"),
    [("de", "Eine Werkbank mit Werkzeugen"), ("en", "A workbench with tools")],
)
def test_lead_image_alt_text_is_in_the_pages_language(client, release, language, alt):
    page = release[0] if language == "de" else release[1]
    html = soup(client.get(page.url))
    assert html.select_one("figure img")["alt"] == alt


@pytest.mark.django_db
def test_without_its_own_alt_text_a_release_uses_the_images_description(client):
    image = make_image("Pressebild ohne Alternativtext")
    image.description = "Ein Bild der Halle"
    image.save()
    page = PressReleasePageFactory(image=image, image_alt="")
    html = soup(client.get(page.url))
    assert html.select_one("figure img")["alt"] == "Ein Bild der Halle"


def test_api_gives_the_alt_text_in_the_readers_language(client, release):
    response = client.get(
        "/api/v2/pages/",
        {"type": "news.PressReleasePage", "locale": "en", "fields": "image_alt_text"},
    )
    alts = {item["image_alt_text"] for item in response.json()["items"]}
    assert "A workbench with tools" in alts
    assert "Eine Werkbank mit Werkzeugen" not in alts
