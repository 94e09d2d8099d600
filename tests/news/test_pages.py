"""Tree rules, admin creation, rendering and preview of the news page types."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage
from news.models import NewsIndexPage, PressReleasePage
from partners.models import PartnerProfilePage, PartnerSectionPage
from tests.utils import news_section, soup
from tregks.core.models import Topic


class TestNewsPageTypes(WagtailPageTestCase):
    def test_index_only_below_home_and_holds_sections(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {PartnerSectionPage})

    def test_release_only_inside_a_partner_section(self):
        self.assertAllowedParentPageTypes(PressReleasePage, {PartnerSectionPage})
        self.assertAllowedSubpageTypes(PressReleasePage, set())

    def test_second_index_below_the_same_home_is_refused(self):
        home = HomePage.objects.get(locale__language_code="de")
        assert not NewsIndexPage.can_create_at(home)

    def test_release_can_be_created_through_the_admin_form(self):
        self.login()
        section = news_section("vsb")
        vsb = PartnerProfilePage.objects.get(locale__language_code="de", code="vsb")
        topic = Topic.objects.get(locale__language_code="de", slug="qualifizierung")
        founding = PressReleasePage.objects.get(
            slug="transformationsnetzwerk-region-kassel-gegruendet"
        )
        data = nested_form_data(
            {
                "title": "Mentoring-Programm startet",
                "slug": "mentoring-programm-startet",
                "release_date": "2024-02-01",
                "lead": "Erfahrene Fachkräfte begleiten Nachwuchskräfte.",
                "body": streamfield(
                    [("paragraph", rich_text("<p>Anmeldung ab sofort.</p>"))]
                ),
                "image_caption": "",
                "image_credit": "",
                "contact_role": "Pressestelle, VSB",
                "contact_phone": "",
                "contact_email": "",
                "downloads": streamfield([]),
                "related_pages": streamfield([("page", founding.pk)]),
            }
        )
        # Many-to-many values are lists of ids (nested_form_data would number them).
        data["issuing_partners"] = [vsb.pk]
        data["topics"] = [topic.pk]
        self.assertCanCreate(section, PressReleasePage, data)
        created = PressReleasePage.objects.get(slug="mentoring-programm-startet")
        assert list(created.issuing_partners.all()) == [vsb]
        assert created.related_pages[0].value.pk == founding.pk

    def test_all_news_pages_render(self):
        pages = [*NewsIndexPage.objects.all(), *PressReleasePage.objects.all()]
        assert len(pages) >= 2 + 12
        for page in pages:
            self.assertPageIsRenderable(page)

    def test_release_previews(self):
        page = PressReleasePage.objects.get(slug="fuenf-fachgruppen-starten")
        data = nested_form_data(
            {
                "title": "Fünf Fachgruppen (Entwurf)",
                "slug": page.slug,
                "release_date": "2023-07-13",
                "lead": "Vorschau",
                "body": streamfield([("paragraph", rich_text("<p>Vorschau</p>"))]),
                "image_caption": "",
                "image_credit": "",
                "contact_role": "",
                "contact_phone": "",
                "contact_email": "",
                "downloads": streamfield([]),
                "related_pages": streamfield([]),
            }
        )
        self.assertPageIsPreviewable(page, post_data=data)

    def test_index_previews(self):
        page = NewsIndexPage.objects.get(locale__language_code="de")
        data = nested_form_data(
            {"title": "Presse", "slug": "presse", "intro": rich_text("<p>Neu</p>")}
        )
        self.assertPageIsPreviewable(page, post_data=data)


FOUNDING_DE = "/de/presse/wfg/transformationsnetzwerk-region-kassel-gegruendet/"
FOUNDING_EN = "/en/press/wfg/kassel-region-transformation-network-founded/"


@pytest.mark.django_db
def test_release_page_shows_what_journalists_need(client):
    html = soup(client.get(FOUNDING_DE))
    assert len(html.find_all("h1")) == 1
    assert "Transformationsnetzwerk Region Kassel gegründet" in html.h1.get_text()
    assert html.select_one("time[datetime='2023-04-12']")
    partner_link = html.select_one(".press-release__partners a")
    assert partner_link["href"] == "/de/partner/wirtschaftsfoerderung-region-kassel/"
    assert html.select_one("figure img")["alt"]
    assert "tregks" in html.select_one("figure figcaption .credit").get_text()
    contact = html.select_one(".press-contact")
    assert contact.select_one("a[href='tel:+495617073350']")
    assert contact.select_one("a[href='mailto:tregks@wfg-kassel.de']")
    download = html.select_one(".document-link a")
    assert download["href"].startswith("/documents/")
    assert client.get(download["href"]).status_code == 200
    topic_links = [a["href"] for a in html.select("#topics-heading + ul a")]
    assert "/de/presse/?topic=arbeitsbeziehungen" in topic_links


@pytest.mark.django_db
def test_english_release_links_english_profiles_and_topics(client):
    html = soup(client.get(FOUNDING_EN))
    assert html.html["lang"] == "en"
    assert "founded" in html.h1.get_text()
    partner_link = html.select_one(".press-release__partners a")
    assert partner_link["href"] == "/en/partners/kassel-region-business-development/"
    topics = [a.get_text() for a in html.select("#topics-heading + ul a")]
    assert "Industrial relations" in topics
    assert "Arbeitsbeziehungen" not in topics
    assert html.select_one("#topics-heading + ul a")["href"].startswith("/en/press/?")
    assert "Fact sheet on the founding" in html.select_one(".document-link").get_text()


@pytest.mark.django_db
def test_related_pages_link_to_the_readers_language(client):
    html = soup(client.get("/en/press/wfg/five-expert-groups-start/"))
    links = [a["href"] for a in html.select("#related-heading + ul a")]
    assert links == [FOUNDING_EN]


@pytest.mark.django_db
def test_home_page_lists_the_latest_releases(client):
    html = soup(client.get("/en/"))
    titles = [a.get_text() for a in html.select(".latest .card__title a")]
    assert "“tregks im Dialog”: the network takes stock" in titles


@pytest.mark.django_db
def test_demo_has_releases_in_both_languages():
    german = PressReleasePage.objects.filter(locale__language_code="de").live()
    english = PressReleasePage.objects.filter(locale__language_code="en").live()
    assert german.count() >= 6
    assert english.count() == german.count()
    assert german.filter(network_wide=True).exists()
    founding = german.get(release_date="2023-04-12")
    assert founding.title.startswith("Fahrzeugindustrie wandelt sich")
    assert [p.code for p in founding.issuing_partners.all()] == ["wfg"]
    for page in english:
        german_slug = page.get_translation(german.first().locale).slug
        assert page.slug != german_slug


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "alt"),
    [
        (FOUNDING_DE, "Grafik in Farbe mit dem Schriftzug „Gründung“"),
        (FOUNDING_EN, "Colour graphic with the lettering “Gründung”"),
    ],
)
def test_lead_image_alt_text_is_in_the_pages_language(client, url, alt):
    html = soup(client.get(url))
    assert html.select_one("figure img")["alt"] == alt


@pytest.mark.django_db
def test_without_its_own_alt_text_a_release_uses_the_images_description(client):
    page = PressReleasePage.objects.get(slug="fuenf-fachgruppen-starten")
    page.image_alt = ""
    page.save_revision().publish()
    html = soup(client.get(page.url))
    assert html.select_one("figure img")["alt"] == page.image.default_alt_text != ""


@pytest.mark.django_db
def test_api_gives_the_alt_text_in_the_readers_language(client):
    response = client.get(
        "/api/v2/pages/",
        {"type": "news.PressReleasePage", "locale": "en", "fields": "image_alt_text"},
    )
    alts = {item["image_alt_text"] for item in response.json()["items"]}
    assert "Colour graphic with the lettering “Gründung”" in alts
    assert not any("Schriftzug" in alt for alt in alts)
