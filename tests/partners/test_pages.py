"""Partner directory and profiles: tree rules, admin, rendering, content and queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.factories import PressReleasePageFactory
from news.models import NewsIndexPage, PressReleasePage
from partners.models import (
    PartnerIndexPage,
    PartnerProfilePage,
    PartnerRole,
    PartnerSectionPage,
)
from stories.models import StoryIndexPage, VideoStoryPage
from tests.utils import news_section, soup
from tregks.core.models import Topic


class TestPartnerPageTypes(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerProfilePage})
        self.assertAllowedParentPageTypes(PartnerProfilePage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerProfilePage, set())
        self.assertAllowedParentPageTypes(
            PartnerSectionPage, {NewsIndexPage, StoryIndexPage, EventIndexPage}
        )
        self.assertAllowedSubpageTypes(
            PartnerSectionPage, {PressReleasePage, VideoStoryPage, EventPage}
        )

    def test_profile_can_be_created_through_the_admin_form(self):
        self.login()
        index = PartnerIndexPage.objects.get(locale__language_code="de")
        topic = Topic.objects.get(locale__language_code="de", slug="digitalisierung")
        data = nested_form_data(
            {
                "title": "Beispiel Maschinenbau GmbH",
                "slug": "beispiel-maschinenbau",
                "short_name": "Beispiel",
                "code": "beispiel",
                "role": PartnerRole.MEMBER,
                "description": rich_text("<p>Ein Mitglied.</p>"),
                "website": "",
                "street": "",
                "postcode": "",
                "city": "Kassel",
                "contact_role": "",
                "contact_phone": "",
                "contact_email": "",
            }
        )
        data["expert_groups"] = [topic.pk]  # a list of ids, not numbered fields
        self.assertCanCreate(index, PartnerProfilePage, data)
        created = PartnerProfilePage.objects.get(slug="beispiel-maschinenbau")
        assert list(created.expert_groups.all()) == [topic]

    def test_section_can_be_created_through_the_admin_form(self):
        self.login()
        index = NewsIndexPage.objects.get(locale__language_code="de")
        member = PartnerProfilePage.objects.get(locale__language_code="de", code="bode")
        self.assertCanCreate(
            index,
            PartnerSectionPage,
            nested_form_data({"title": "BODE", "slug": "bode", "partner": member.pk}),
        )

    def test_pages_render(self):
        pages = [*PartnerIndexPage.objects.all(), *PartnerProfilePage.objects.all()]
        assert len(pages) == 2 + 20
        for page in pages:
            self.assertPageIsRenderable(page)

    def test_profile_previews(self):
        page = PartnerProfilePage.objects.get(locale__language_code="de", code="agv")
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "short_name": "AGV",
                "code": "agv",
                "role": PartnerRole.PARTNER,
                "description": rich_text("<p>Vorschau</p>"),
                "website": "",
                "street": "",
                "postcode": "",
                "city": "",
                "contact_role": "",
                "contact_phone": "",
                "contact_email": "",
            }
        )
        self.assertPageIsPreviewable(page, post_data=data)

    def test_section_previews_as_the_filtered_index(self):
        index = NewsIndexPage.objects.get(locale__language_code="de")
        page = PartnerSectionPage.objects.child_of(index).get(partner__code="vsb")
        data = nested_form_data(
            {"title": page.title, "slug": page.slug, "partner": page.partner_id}
        )
        self.assertPageIsPreviewable(page, post_data=data)
        # What the editor sees: the press index filtered by the section's partner.
        self.client.force_login(self.create_superuser("section-previewer"))
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        assert self.client.post(url, data).json()["is_valid"]
        html = soup(self.client.get(url))
        assert html.select_one("#id_partner option[selected]")["value"] == "vsb"
        titles = {a.get_text() for a in html.select(".card__title a")}
        assert "BildungsHackathon: Ideen für die Weiterbildung von morgen" in titles

    def test_index_previews(self):
        page = PartnerIndexPage.objects.get(locale__language_code="de")
        data = nested_form_data(
            {"title": "Partner", "slug": "partner", "intro": rich_text("<p>Neu</p>")}
        )
        self.assertPageIsPreviewable(page, post_data=data)


pytestmark = pytest.mark.django_db


def test_demo_has_all_partners_in_both_languages():
    for language in ("de", "en"):
        profiles = PartnerProfilePage.objects.live().filter(
            locale__language_code=language
        )
        codes = {p.code: p.role for p in profiles}
        assert codes == {
            "wfg": PartnerRole.LEAD,
            "agv": PartnerRole.PARTNER,
            "dgb": PartnerRole.PARTNER,
            "dgb-bildungswerk": PartnerRole.PARTNER,
            "vsb": PartnerRole.PARTNER,
            "uni-kassel": PartnerRole.PARTNER,
            "herkules-resotec": PartnerRole.COMPANY,
            "hanomag": PartnerRole.COMPANY,
            "smart-railway": PartnerRole.COMPANY,
            "bode": PartnerRole.COMPANY,
        }
        assert all(p.logo_id for p in profiles)
    english = PartnerProfilePage.objects.get(locale__language_code="en", code="agv")
    assert english.slug == "hessenmetall-employers-association"
    assert "employers' association" in english.description


def test_index_groups_lead_partners_and_companies_in_order(client):
    html = soup(client.get("/de/partner/"))
    assert len(html.find_all("h1")) == 1
    headings = [h.get_text() for h in html.select(".partner-group h2")]
    assert headings == ["Konsortialleitung", "Konsortialpartner", "Unternehmen"]
    groups = html.select(".partner-group")
    lead = groups[0].select("img")
    assert [img["alt"] for img in lead] == ["Wirtschaftsförderung Region Kassel GmbH"]
    assert len(groups[1].select("li")) == 5
    assert len(groups[2].select("li")) == 4
    english = soup(client.get("/en/partners/"))
    assert [h.get_text() for h in english.select(".partner-group h2")] == [
        "Consortium lead",
        "Consortium partners",
        "Companies",
    ]
    assert "University of Kassel" in [img["alt"] for img in english.select("img")]


def press_links(html, heading):
    """{title: url} of the cards in the profile's group with this heading."""
    for group in html.select(".partner-profile__items"):
        if group.h2.get_text() == heading:
            return {a.get_text(): a["href"] for a in group.select(".card__title a")}
    raise AssertionError(f"No group {heading!r} on the profile")


WFG_DE = "/de/partner/wirtschaftsfoerderung-region-kassel/"
WFG_EN = "/en/partners/kassel-region-business-development/"


def test_profile_shows_contact_expert_groups_and_releases(client):
    html = soup(client.get(WFG_DE))
    assert html.h1.get_text() == "Wirtschaftsförderung Region Kassel GmbH"
    assert html.select_one(".partner-profile__logo")["alt"] == html.h1.get_text()
    contact = html.select_one(".partner-profile__contact")
    assert "Kurfürstenstraße 9" in contact.address.get_text()
    assert contact.select_one("a[href='tel:+495617073350']")
    assert contact.select_one("a[href='mailto:tregks@wfg-kassel.de']")
    # The facts name no expert group the WFG leads: no empty or invented section.
    assert html.select_one("#expert-groups-heading") is None
    titles = list(press_links(html, "Pressemitteilungen"))
    assert titles[0].startswith("„tregks im Dialog“")
    assert len(titles) == 4


def test_english_profile_shows_english_topics_and_releases(client):
    html = soup(client.get(WFG_EN))
    assert html.html["lang"] == "en"
    links = press_links(html, "Press releases")
    assert "“tregks im Dialog”: the network takes stock" in links
    assert all(url.startswith("/en/press/") for url in links.values())


@pytest.mark.parametrize(
    ("url", "group"),
    [
        (
            "/de/partner/arbeitgeberverband-hessenmetall-nordhessen/",
            "Arbeitsbeziehungen",
        ),
        ("/en/partners/hessenmetall-employers-association/", "Industrial relations"),
    ],
)
def test_profile_shows_the_expert_group_it_leads_in_its_language(client, url, group):
    html = soup(client.get(url))
    groups = html.select(".expert-groups__name")
    assert [item.get_text() for item in groups] == [group]


def test_profile_lists_releases_issued_jointly(client):
    html = soup(client.get("/de/partner/dgb-region-nordhessen/"))
    titles = press_links(html, "Pressemitteilungen")
    assert any("Transformation nur MIT uns" in title for title in titles)


def test_company_profile_without_content_has_no_empty_sections(client):
    html = soup(client.get("/de/partner/bode-die-tuer/"))
    assert html.select(".partner-profile__contact") == []
    assert "Pressemitteilungen" not in [h.get_text() for h in html.select("h2")]


def _profile_queries(client, url):
    client.get(url)  # renditions and caches warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_profile_query_count_does_not_grow_with_content(client):
    wfg = PartnerProfilePage.objects.get(locale__language_code="de", code="wfg")
    # One expert group to start with (the demo WFG leads none), three more later.
    wfg.expert_groups.add(Topic.objects.get(locale=wfg.locale, slug="digitalisierung"))
    wfg.save()
    before = _profile_queries(client, WFG_DE)
    section = news_section("wfg")
    image = PressReleasePage.objects.get(slug="fuenf-fachgruppen-starten").image
    index = PartnerIndexPage.objects.get(locale__language_code="de")
    for number in range(3):
        topic = Topic.objects.create(
            locale=wfg.locale, slug=f"thema-{number}", name=f"Thema {number}"
        )
        wfg.expert_groups.add(topic)
        index.add_child(
            instance=PartnerProfilePage(
                title=f"Mitglied {number}",
                slug=f"mitglied-{number}",
                short_name=f"M{number}",
                code=f"m{number}",
            )
        )
    wfg.save()
    for number in range(10):
        # Newer than every demo release, so the profile now shows these.
        page = PressReleasePageFactory(
            parent=section,
            image=image,
            release_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        )
        page.issuing_partners.set([wfg])
        page.topics.set(Topic.objects.filter(slug__startswith="thema-"))
        page.save()
    after = _profile_queries(client, WFG_DE)
    assert after == before, f"{before} queries before, {after} after adding content"
    html = soup(client.get(WFG_DE))
    titles = press_links(html, "Pressemitteilungen")
    assert len(titles) == 4
    assert all(title.startswith("Testmitteilung") for title in titles)
    assert "Thema 2" in html.select_one(".expert-groups").get_text()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "/de/partner/arbeitgeberverband-hessenmetall-nordhessen/",
            ["/de/presse/", "/de/geschichten/", "/de/podcast/", "/de/veranstaltungen/"],
        ),
        (
            "/en/partners/hessenmetall-employers-association/",
            ["/en/press/", "/en/stories/", "/en/podcast/", "/en/events/"],
        ),
    ],
)
def test_an_expert_group_links_to_everything_on_its_topic(client, url, expected):
    html = soup(client.get(url))
    links = html.select(".expert-groups__links a")
    assert [a["href"] for a in links] == [
        f"{base}?topic=arbeitsbeziehungen" for base in expected
    ]
    # Each link names its topic for screen readers, not just "Press releases".
    assert all("–" in a.select_one(".visually-hidden").get_text() for a in links)
    for link in links:
        response = client.get(link["href"])
        assert response.status_code == 200
        # Every listing has something on industrial relations in the demo.
        assert soup(response).select(".card__title a, .episode-item__title a")
