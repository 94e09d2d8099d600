"""Partner directory and profiles: tree rules, admin, rendering, content and queries."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from events.factories import EventPageFactory, event_index
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from news.factories import PressReleasePageFactory, news_index, news_section
from news.models import NewsIndexPage, PressReleasePage
from partners.factories import PartnerProfilePageFactory, partner_index, section_for
from partners.models import (
    PartnerIndexPage,
    PartnerProfilePage,
    PartnerRole,
    PartnerSectionPage,
)
from podcast.factories import PodcastEpisodePageFactory, podcast_show
from stories.factories import VideoStoryPageFactory, story_index, story_section
from stories.models import StoryIndexPage, VideoStoryPage
from tests.utils import data_for_scope, fresh, soup
from tregks.core.factories import expert_group_topic, make_image, translate_page
from tregks.core.models import Topic


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


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
        index = partner_index("de")
        topic = expert_group_topic("digitalisierung")
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
        member = PartnerProfilePageFactory(role=PartnerRole.COMPANY)
        self.assertCanCreate(
            news_index("de"),
            PartnerSectionPage,
            nested_form_data(
                {"title": member.title, "slug": member.code, "partner": member.pk}
            ),
        )

    def test_pages_render_in_both_languages(self):
        profile = PartnerProfilePageFactory(logo=make_image("Logo"), english=True)
        pages = [partner_index("de"), partner_index("en"), profile, english_of(profile)]
        for page in pages:
            self.assertPageIsRenderable(page)

    def test_profile_previews(self):
        page = PartnerProfilePageFactory()
        data = nested_form_data(
            {
                "title": page.title,
                "slug": page.slug,
                "short_name": page.short_name,
                "code": page.code,
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
        page = news_section()
        release = PressReleasePageFactory(
            parent=page, title="Eine Mitteilung des Partners"
        )
        data = nested_form_data(
            {"title": page.title, "slug": page.slug, "partner": page.partner_id}
        )
        self.assertPageIsPreviewable(page, post_data=data)
        # What the editor sees: the press index filtered by the section's partner.
        self.client.force_login(self.create_superuser("section-previewer"))
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        assert self.client.post(url, data).json()["is_valid"]
        html = soup(self.client.get(url))
        selected = html.select_one("#id_partner option[selected]")["value"]
        assert selected == page.partner.code
        titles = {a.get_text() for a in html.select(".card__title a")}
        assert release.title in titles

    def test_index_previews(self):
        page = partner_index("de")
        data = nested_form_data(
            {"title": page.title, "slug": page.slug, "intro": rich_text("<p>Neu</p>")}
        )
        self.assertPageIsPreviewable(page, post_data=data)


pytestmark = pytest.mark.django_db


def profile(title, role=PartnerRole.PARTNER, english_title=None, **fields):
    """A live profile with a logo, in German and (translated) English."""
    return PartnerProfilePageFactory(
        title=title,
        role=role,
        logo=make_image(f"Logo {title}", (600, 300)),
        english={"title": english_title or title},
        **fields,
    )


def test_index_groups_lead_partners_and_companies_in_order(client):
    lead = profile("Leitstelle Nord", PartnerRole.LEAD)
    partner = profile("Bildungspartner Nord", english_title="Education partner North")
    company = profile("Werkzeugbau Nord GmbH", PartnerRole.COMPANY)
    html = soup(client.get(partner_index("de").url))
    assert len(html.find_all("h1")) == 1
    headings = [h.get_text() for h in html.select(".partner-group h2")]
    assert headings == ["Konsortialleitung", "Konsortialpartner", "Unternehmen"]
    groups = html.select(".partner-group")
    for group, page in zip(groups, (lead, partner, company), strict=True):
        assert page.title in [img["alt"] for img in group.select("img")]
    english = soup(client.get(partner_index("en").url))
    assert [h.get_text() for h in english.select(".partner-group h2")] == [
        "Consortium lead",
        "Consortium partners",
        "Companies",
    ]
    assert "Education partner North" in [img["alt"] for img in english.select("img")]


def press_links(html, heading):
    """{title: url} of the cards in the profile's group with this heading."""
    for group in html.select(".partner-profile__items"):
        if group.h2.get_text() == heading:
            return {a.get_text(): a["href"] for a in group.select(".card__title a")}
    raise AssertionError(f"No group {heading!r} on the profile")


def releases_of(partner, count, english=False):
    """`count` releases issued by `partner` in its own section, newest last."""
    section = news_section(partner, english=english)
    return [
        PressReleasePageFactory(
            parent=section,
            title=f"Mitteilung {number} der Leitstelle",
            release_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
            issuing_partners=[partner],
            english={"title": f"Release {number} of the office"} if english else None,
        )
        for number in range(count)
    ]


def test_profile_shows_contact_expert_groups_and_releases(client):
    lead = profile(
        "Leitstelle Nord",
        PartnerRole.LEAD,
        street="Hafenstraße 1",
        postcode="34117",
        city="Kassel",
        contact_phone="+49 561 123456",
        contact_email="kontakt@leitstelle.example",
    )
    releases_of(lead, 5)
    html = soup(client.get(lead.url))
    assert html.h1.get_text() == "Leitstelle Nord"
    assert html.select_one(".partner-profile__logo")["alt"] == html.h1.get_text()
    contact = html.select_one(".partner-profile__contact")
    assert "Hafenstraße 1" in contact.address.get_text()
    assert contact.select_one("a[href='tel:+49561123456']")
    assert contact.select_one("a[href='mailto:kontakt@leitstelle.example']")
    # A partner that leads no expert group: no empty or invented section.
    assert html.select_one("#expert-groups-heading") is None
    titles = list(press_links(html, "Pressemitteilungen"))
    assert titles == [f"Mitteilung {number} der Leitstelle" for number in (4, 3, 2, 1)]


def test_english_profile_shows_english_topics_and_releases(client):
    lead = profile("Leitstelle Nord", PartnerRole.LEAD, english_title="Office North")
    news_index("en")  # the English press index with its English slug
    releases_of(lead, 2, english=True)
    html = soup(client.get(english_of(lead).url))
    assert html.html["lang"] == "en"
    links = press_links(html, "Press releases")
    assert "Release 1 of the office" in links
    assert all(url.startswith("/en/press/") for url in links.values())


@pytest.fixture(scope="module")
def expert_group_world_of_module(django_db_setup, django_db_blocker):
    with data_for_scope(django_db_blocker):
        yield build_expert_group_world()


@pytest.fixture
def expert_group_world(db, expert_group_world_of_module):
    """A partner leading the expert group on industrial relations, with something on
    the topic in every listing, in both languages (built once per module)."""
    return fresh(expert_group_world_of_module)


def build_expert_group_world():
    # Every listing in both languages, the English ones with their English slugs.
    for listing in (news_index, story_index, podcast_show, event_index):
        listing("en")
    topic = expert_group_topic("arbeitsbeziehungen")
    page = profile("Arbeitgeber Nord", expert_groups=[topic])
    PressReleasePageFactory(
        parent=news_section(page, english=True), topics=[topic], english=True
    )
    VideoStoryPageFactory(
        parent=story_section(english=True), topics=[topic], english=True
    )
    PodcastEpisodePageFactory(topics=[topic], english=True)
    event = EventPageFactory(
        parent=section_for(event_index("de"), page, english=True), topics=[topic]
    )
    translate_page(event, "en")
    return {"de": page, "en": english_of(page)}


@pytest.mark.parametrize(
    ("language", "group"),
    [("de", "Arbeitsbeziehungen"), ("en", "Industrial relations")],
)
def test_profile_shows_the_expert_group_it_leads_in_its_language(
    client, expert_group_world, language, group
):
    html = soup(client.get(expert_group_world[language].url))
    groups = html.select(".expert-groups__name")
    assert [item.get_text() for item in groups] == [group]


def test_profile_lists_releases_issued_jointly(client):
    owner = profile("Bildungswerk Nord")
    partner = profile("Gewerkschaft Nord")
    PressReleasePageFactory(
        parent=news_section(owner),
        title="Gemeinsame Beratung für Betriebsräte",
        issuing_partners=[owner, partner],
    )
    titles = press_links(soup(client.get(partner.url)), "Pressemitteilungen")
    assert "Gemeinsame Beratung für Betriebsräte" in titles


def test_company_profile_without_content_has_no_empty_sections(client):
    company = profile("Türenbau Nord GmbH", PartnerRole.COMPANY)
    html = soup(client.get(company.url))
    assert html.select(".partner-profile__contact") == []
    assert "Pressemitteilungen" not in [h.get_text() for h in html.select("h2")]


def _profile_queries(client, url):
    client.get(url)  # renditions and caches warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_profile_query_count_does_not_grow_with_content(client):
    lead = profile("Leitstelle Nord", PartnerRole.LEAD)
    # One expert group and one release to start with, more of both later.
    lead.expert_groups.add(expert_group_topic("digitalisierung"))
    lead.save()
    image = make_image("Pressebild")
    section = news_section(lead)
    PressReleasePageFactory(parent=section, image=image, issuing_partners=[lead])
    before = _profile_queries(client, lead.url)
    index = partner_index("de")
    for number in range(3):
        topic = Topic.objects.create(
            locale=lead.locale, slug=f"thema-{number}", name=f"Thema {number}"
        )
        lead.expert_groups.add(topic)
        index.add_child(
            instance=PartnerProfilePage(
                title=f"Mitglied {number}",
                slug=f"mitglied-{number}",
                short_name=f"M{number}",
                code=f"m{number}",
            )
        )
    lead.save()
    for number in range(10):
        page = PressReleasePageFactory(
            parent=section,
            image=image,
            release_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
            issuing_partners=[lead],
        )
        page.topics.set(Topic.objects.filter(slug__startswith="thema-"))
        page.save()
    after = _profile_queries(client, lead.url)
    assert after == before, f"{before} queries before, {after} after adding content"
    html = soup(client.get(lead.url))
    titles = press_links(html, "Pressemitteilungen")
    assert len(titles) == 4
    assert all(title.startswith("Testmitteilung") for title in titles)
    assert "Thema 2" in html.select_one(".expert-groups").get_text()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "de",
            ["/de/presse/", "/de/geschichten/", "/de/podcast/", "/de/veranstaltungen/"],
        ),
        ("en", ["/en/press/", "/en/stories/", "/en/podcast/", "/en/events/"]),
    ],
)
def test_an_expert_group_links_to_everything_on_its_topic(
    client, expert_group_world, language, expected
):
    page = expert_group_world[language]
    html = soup(client.get(page.url))
    links = html.select(".expert-groups__links a")
    assert [a["href"] for a in links] == [
        f"{base}?topic=arbeitsbeziehungen" for base in expected
    ]
    # Each link names its topic for screen readers, not just "Press releases".
    assert all("–" in a.select_one(".visually-hidden").get_text() for a in links)
    for link in links:
        response = client.get(link["href"])
        assert response.status_code == 200
        assert soup(response).select(".card__title a, .episode-item__title a")
