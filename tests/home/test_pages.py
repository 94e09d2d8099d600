"""Tree rules, creation through the admin and rendering of the home app's page types."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from home.factories import ContentPageFactory, HomePageFactory, home_page
from home.models import ContentPage, HomePage
from tests.utils import soup
from tregks.core.factories import footer_links, make_image, translate_page


class TestHomeTreeRules(WagtailPageTestCase):
    def test_home_page_only_below_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_content_page_below_home_or_content(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_content_page_can_be_created_through_the_admin_form(self):
        self.login()
        home = home_page("de")
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
        home_page("en")
        ContentPageFactory(english=True)
        for page in [*ContentPage.objects.all(), *HomePage.objects.all()]:
            self.assertPageIsRenderable(page)

    def test_content_page_previews(self):
        page = ContentPageFactory(slug="impressum")
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
        page = home_page("de")
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
def test_home_page_speaks_its_language(client, home_en, path, lang, other_url):
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
    translate_page(home_page("de"), "en", hero_title="Heading out together")
    text = soup(client.get("/en/")).h1.get_text()
    assert "Heading out together" in text
    assert HomePageFactory.hero_title not in text


@pytest.mark.django_db
def test_language_switcher_links_to_the_translated_slug(client):
    ContentPageFactory(
        slug="impressum", english={"title": "Legal notice", "slug": "legal-notice"}
    )
    html = soup(client.get("/de/impressum/"))
    link = html.select_one('.language-switcher a[hreflang="en"]')
    assert link["href"] == "/en/legal-notice/"


@pytest.mark.django_db
def test_footer_links_lead_to_legal_pages_in_the_readers_language(client):
    slugs = {
        "imprint_page": ("impressum", "legal-notice"),
        "privacy_page": ("datenschutz", "privacy"),
        "accessibility_page": ("barrierefreiheit", "accessibility"),
        "contact_page": ("kontakt", "contact"),
    }
    footer_links(
        **{
            field: ContentPageFactory(slug=german, english={"slug": english})
            for field, (german, english) in slugs.items()
        }
    )
    german = [
        a["href"] for a in soup(client.get("/de/")).select(".site-footer__links a")
    ]
    english = [
        a["href"] for a in soup(client.get("/en/")).select(".site-footer__links a")
    ]
    assert german == [f"/de/{german}/" for german, _english in slugs.values()]
    assert english == [f"/en/{english}/" for _german, english in slugs.values()]
    for url in german + english:
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_main_navigation_lists_live_pages_of_the_current_locale(client):
    about = ContentPageFactory(
        title="Über das Netzwerk",
        show_in_menus=True,
        english={"title": "About the network", "slug": "about"},
    )
    ContentPageFactory(title="Nicht im Menü", english=True)
    draft = ContentPageFactory(title="Noch ein Entwurf", show_in_menus=True)
    draft.unpublish()
    german = [a.get_text() for a in soup(client.get("/de/")).select(".main-nav a")]
    english = [a.get_text() for a in soup(client.get("/en/")).select(".main-nav a")]
    assert "Über das Netzwerk" in german and "About the network" not in german
    assert "About the network" in english
    assert "Nicht im Menü" not in german and "Noch ein Entwurf" not in german
    assert about.title in german


@pytest.mark.django_db
def test_timeline_is_editable_content_in_both_languages(client):
    home = home_page("de")
    home.timeline = [
        ("milestone", {"date": "2023-06-30", "title": "Auftakt", "text": "Start."}),
        ("milestone", {"date": "2024-03-01", "title": "Fünf Fachgruppen", "text": ""}),
    ]
    home.save_revision().publish()
    english = translate_page(home, "en")
    english.timeline = [
        ("milestone", {"date": "2023-06-30", "title": "Kick-off", "text": "Start."}),
        (
            "milestone",
            {"date": "2024-03-01", "title": "Five expert groups", "text": ""},
        ),
    ]
    english.save_revision().publish()
    german_text = soup(client.get("/de/")).select_one(".timeline").get_text()
    english_text = soup(client.get("/en/")).select_one(".timeline").get_text()
    assert "Fünf Fachgruppen" in german_text
    assert "Five expert groups" in english_text and "Fünf" not in english_text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, alt",
    [("/de/", "Linien in Petrol"), ("/en/", "Petrol-blue lines")],
)
def test_hero_image_alt_text_is_in_the_pages_language(client, path, alt):
    home = home_page("de")
    home.hero_image = make_image()
    home.hero_image_alt = "Linien in Petrol"
    home.save_revision().publish()
    translate_page(home, "en", hero_image_alt="Petrol-blue lines")
    assert soup(client.get(path)).select_one("img.hero__image")["alt"] == alt


@pytest.mark.django_db
def test_hero_image_alt_text_falls_back_to_the_images_description(home_en):
    home_en.hero_image = make_image()
    home_en.hero_image_alt = ""
    assert home_en.hero_image_alt_text == home_en.hero_image.default_alt_text
