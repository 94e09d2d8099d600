"""Tree rules, creation through the admin and rendering of the home app's page types."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.models import ContentPage, HomePage
from tests.utils import soup


class TestHomeTreeRules(WagtailPageTestCase):
    def test_home_page_only_below_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_content_page_below_home_or_content(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_content_page_can_be_created_through_the_admin_form(self):
        self.login()
        home = HomePage.objects.get(locale__language_code="de")
        self.assertCanCreate(
            home,
            ContentPage,
            nested_form_data(
                {
                    "title": "Presseakkreditierung",
                    "slug": "presseakkreditierung",
                    "lead": "So melden Sie sich an.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Anmeldung", "level": "h2"}),
                            ("paragraph", rich_text("<p>Bitte per E-Mail.</p>")),
                        ]
                    ),
                }
            ),
        )

    def test_pages_render(self):
        for page in [*ContentPage.objects.all(), *HomePage.objects.all()]:
            self.assertPageIsRenderable(page)

    def test_content_page_previews(self):
        page = ContentPage.objects.get(slug="impressum")
        data = nested_form_data(
            {
                "title": "Impressum (Entwurf)",
                "slug": "impressum",
                "lead": "Neu",
                "body": streamfield([("paragraph", rich_text("<p>Vorschau</p>"))]),
            }
        )
        self.assertPageIsPreviewable(page, post_data=data)

    def test_home_page_previews(self):
        page = HomePage.objects.get(locale__language_code="de")
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "hero_title": "Vorschau",
                "hero_text": "",
                "intro": rich_text("<p>Vorschau</p>"),
                "timeline_title": "Meilensteine",
                "timeline": streamfield(
                    [
                        (
                            "milestone",
                            {"date": "2023-06-30", "title": "Start", "text": ""},
                        )
                    ]
                ),
            }
        )
        self.assertPageIsPreviewable(page, post_data=data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "lang", "other_url"),
    [("/de/", "de", "/en/"), ("/en/", "en", "/de/")],
)
def test_home_page_speaks_its_language(client, path, lang, other_url):
    response = client.get(path)
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == lang
    assert len(html.find_all("h1")) == 1
    switcher = html.select_one(".language-switcher")
    assert switcher.find("a")["href"] == other_url
    alternates = {
        link["hreflang"]: link["href"]
        for link in html.select('link[rel="alternate"][hreflang]')
    }
    assert set(alternates) == {"de", "en", "x-default"}
    assert alternates["x-default"].endswith("/de/")
    assert html.select_one('a.skip-link[href="#main-content"]')
    assert html.select_one("main#main-content")
    form = html.select_one('form[role="search"]')
    assert form.select_one('input[name="q"]')


@pytest.mark.django_db
def test_english_home_has_english_text(client):
    html = soup(client.get("/en/"))
    assert "Heading for tomorrow together" in html.h1.get_text()
    assert "Meilensteine" not in html.get_text()


@pytest.mark.django_db
def test_language_switcher_links_to_the_translated_slug(client):
    html = soup(client.get("/de/impressum/"))
    link = html.select_one('.language-switcher a[hreflang="en"]')
    assert link["href"] == "/en/legal-notice/"


@pytest.mark.django_db
def test_footer_links_lead_to_legal_pages_in_the_readers_language(client):
    german = [
        a["href"] for a in soup(client.get("/de/")).select(".site-footer__links a")
    ]
    english = [
        a["href"] for a in soup(client.get("/en/")).select(".site-footer__links a")
    ]
    assert german == [
        "/de/impressum/",
        "/de/datenschutz/",
        "/de/barrierefreiheit/",
        "/de/kontakt/",
    ]
    assert english == [
        "/en/legal-notice/",
        "/en/privacy/",
        "/en/accessibility/",
        "/en/contact/",
    ]
    for url in german + english:
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_main_navigation_lists_live_pages_of_the_current_locale(client):
    german = [a.get_text() for a in soup(client.get("/de/")).select(".main-nav a")]
    english = [a.get_text() for a in soup(client.get("/en/")).select(".main-nav a")]
    assert "Über das Netzwerk" in german and "About the network" not in german
    assert "About the network" in english


@pytest.mark.django_db
def test_timeline_is_editable_content_in_both_languages(client):
    home = HomePage.objects.get(locale__language_code="de")
    assert len(home.timeline) >= 8
    english = soup(client.get("/en/"))
    assert "Five expert groups" in english.select_one(".timeline").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, alt",
    [
        ("/de/", "Stilisierte Linien in Petrol mit dem Schriftzug tregks"),
        ("/en/", "Stylised petrol-blue lines with the word tregks"),
    ],
)
def test_hero_image_alt_text_is_in_the_pages_language(client, path, alt):
    assert soup(client.get(path)).select_one("img.hero__image")["alt"] == alt


@pytest.mark.django_db
def test_hero_image_alt_text_falls_back_to_the_images_description(home_en):
    home_en.hero_image_alt = ""
    assert home_en.hero_image_alt_text == home_en.hero_image.default_alt_text
