"""The search page: results in the reader's language, filters, paging, promotions, logging.

These tests do not depend on stemming and run on SQLite and PostgreSQL alike.
"""

import datetime

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

import pytest

from partners.factories import PartnerProfilePageFactory
from podcast.factories import PodcastEpisodePageFactory
from stories.factories import VideoStoryPageFactory
from tests.search.helpers import result_urls
from tests.utils import soup

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

WORD = "Zylinderkopfdichtung"  # appears in no demo page


def search(client, url, **params):
    return client.get(url, params)


class TestLocale:
    def test_results_are_in_the_readers_language_only(
        self, client, home_de, home_en, make_page, search_url
    ):
        german = make_page(home_de, "Dichtungen", text=f"Die {WORD} im Test.")
        english = make_page(home_en, "Gaskets", text=f"The {WORD} in a test.")

        german_results = result_urls(search(client, search_url("de"), q=WORD))
        english_results = result_urls(search(client, search_url("en"), q=WORD))

        assert german_results == [german.url]
        assert english_results == [english.url]

    def test_untranslated_aliases_are_not_found_in_the_other_language(
        self, client, home_de, home_en, make_page, search_url
    ):
        german = make_page(home_de, "Dichtungen", text=f"Die {WORD} im Test.")
        german.copy_for_translation(home_en.locale, alias=True)

        assert result_urls(search(client, search_url("en"), q=WORD)) == []


class TestVisibility:
    def test_a_draft_never_published_is_not_found(
        self, client, home_de, make_page, search_url
    ):
        make_page(home_de, "Entwurf", text=WORD, publish=False)
        assert result_urls(search(client, search_url("de"), q=WORD)) == []

    def test_unpublished_changes_are_not_found_until_published(
        self, client, home_de, make_page, search_url
    ):
        page = make_page(home_de, "Veröffentlicht", text="Alter Text")
        page.lead = f"Neuer Text mit {WORD}"
        revision = page.save_revision()

        assert result_urls(search(client, search_url("de"), q=WORD)) == []

        revision.publish()
        assert result_urls(search(client, search_url("de"), q=WORD)) == [page.url]

    def test_unpublishing_removes_the_page_at_once(
        self, client, home_de, make_page, search_url
    ):
        page = make_page(home_de, "Bald weg", text=WORD)
        assert result_urls(search(client, search_url("de"), q=WORD)) == [page.url]

        page.unpublish()
        assert result_urls(search(client, search_url("de"), q=WORD)) == []

    def test_deleting_removes_the_page_and_its_index_entry(
        self, client, home_de, make_page, search_url
    ):
        from wagtail.search.models import IndexEntry

        page = make_page(home_de, "Gelöscht", text=WORD)
        page_id = page.pk
        assert IndexEntry.objects.filter(object_id=str(page_id)).exists()

        page.delete()

        assert result_urls(search(client, search_url("de"), q=WORD)) == []
        assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()

    def test_a_moved_page_is_found_at_its_new_address(
        self, client, home_de, make_page, search_url
    ):
        page = make_page(home_de, "Wandert", text=WORD)
        new_parent = make_page(home_de, "Neues Zuhause")
        page.move(new_parent, pos="last-child")
        page.refresh_from_db()

        urls = result_urls(search(client, search_url("de"), q=WORD))
        assert urls == [page.url]
        assert urls[0].startswith(new_parent.url)

    def test_a_page_moved_below_a_private_page_disappears(
        self, client, home_de, make_page, search_url
    ):
        page = make_page(home_de, "Wandert", text=WORD)
        private = make_page(home_de, "Intern")
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )
        page.move(private, pos="last-child")

        assert result_urls(search(client, search_url("de"), q=WORD)) == []

    def test_private_pages_are_not_found(self, client, home_de, make_page, search_url):
        page = make_page(home_de, "Geheim", text=WORD)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        assert result_urls(search(client, search_url("de"), q=WORD)) == []

    def test_expired_pages_are_not_found_before_the_scheduler_runs(
        self, client, home_de, make_page, search_url
    ):
        page = make_page(home_de, "Abgelaufen", text=WORD)
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()
        assert page.live
        assert result_urls(search(client, search_url("de"), q=WORD)) == []


class TestResultList:
    def test_a_result_shows_kind_date_partner_excerpt_and_link(
        self, client, home_de, make_page, search_url
    ):
        from partners.models import PartnerProfilePage, PartnerSectionPage

        partner = make_page(
            home_de,
            "Testpartner GmbH",
            model=PartnerProfilePage,
            short_name="TP",
            code="testpartner",
        )
        section = make_page(
            home_de, "Bereich Testpartner", model=PartnerSectionPage, partner=partner
        )
        page = make_page(
            section, "Neue Dichtung", text=f"Lange Einleitung. Hier geht es um {WORD}."
        )

        response = search(client, search_url("de"), q=WORD)
        results = soup(response).select("ol.search-results .search-result")
        assert len(results) == 1
        result = results[0]
        assert result.select_one(".search-result__kind").get_text(strip=True) == (
            "Inhaltsseite"
        )
        assert result.select_one("a")["href"] == page.url
        assert result.select_one("time")["datetime"]
        assert "Testpartner GmbH" in result.select_one(".search-result__meta").text
        assert result.select_one(".search-result__excerpt mark").text == WORD

    def test_partner_sections_are_not_results(self, client, search_url):
        """A section only shows its index filtered by the partner: the profile is found."""
        from news.factories import news_index
        from partners.factories import section_for
        from stories.factories import story_index

        # The sections take the partner's name as their title, so they would match.
        profile = PartnerProfilePageFactory(title=f"{WORD} Partner")
        sections = [
            section_for(news_index(), profile),
            section_for(story_index(), profile),
        ]
        assert all(WORD in section.title and section.live for section in sections)

        found = result_urls(search(client, search_url("de"), q=WORD))
        assert found == [profile.url]

    def test_an_episode_shows_the_partner_running_its_show(self, client, search_url):
        from podcast.factories import PodcastShowPageFactory

        partner = PartnerProfilePageFactory(
            title="Sendepartner", english={"title": "Broadcasting partner"}
        )
        show = PodcastShowPageFactory(owner_partner=partner)
        german = PodcastEpisodePageFactory(
            parent=show,
            title=f"Folge {WORD}",
            english={"title": f"Episode {WORD}"},
        )
        episode = german.get_translation(Locale.objects.get(language_code="en"))

        response = search(client, search_url("en"), q=WORD)
        results = soup(response).select(".search-result")
        assert [item.select_one("a")["href"] for item in results] == [episode.url]
        meta = results[0].select_one(".search-result__meta").text
        assert "Partner: Broadcasting partner" in " ".join(meta.split())

    def test_html_in_page_text_is_shown_as_text(
        self, client, home_de, make_page, search_url
    ):
        make_page(home_de, "Roh", lead=f'<img src=x onerror="alert(1)"> {WORD}')
        response = search(client, search_url("de"), q=WORD)
        assert b"<img src=x" not in response.content
        assert b"&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in response.content

    def test_the_page_is_never_indexed_by_search_engines(self, client, search_url):
        response = search(client, search_url("de"), q="Netzwerk")
        robots = soup(response).select('meta[name="robots"]')
        assert [tag["content"] for tag in robots] == ["noindex"]

    def test_an_empty_query_shows_the_form_without_results(self, client, search_url):
        response = search(client, search_url("de"), q="   ")
        page = soup(response)
        assert response.status_code == 200
        assert page.select_one("input#search-q")["value"] == ""
        assert not page.select(".search-results, .search-count")
        assert Query.objects.count() == 0

    def test_a_long_query_is_cut_with_a_notice(self, client, search_url):
        response = search(client, search_url("en"), q="network " * 40)
        page = soup(response)
        assert response.status_code == 200
        assert len(page.select_one("input#search-q")["value"]) <= 200
        assert "longer than 200 characters" in page.select_one(".notice").text

    def test_one_h1_and_labelled_fields(self, client, search_url):
        page = soup(search(client, search_url("en"), q="network"))
        assert len(page.select("h1")) == 1
        for field in page.select("form.search-form input, form.search-form select"):
            assert page.select_one(f'label[for="{field["id"]}"]') is not None

    def test_the_result_count_is_shown(self, client, home_en, make_page, search_url):
        for number in range(3):
            make_page(home_en, f"Gasket {number}", text=WORD)
        response = search(client, search_url("en"), q=WORD)
        assert "3 results" in soup(response).select_one(".search-count").text


class TestFilters:
    def test_kind_filter(self, client, home_de, make_page, search_url):
        from partners.models import PartnerProfilePage

        content = make_page(home_de, "Inhalt", text=WORD)
        profile = make_page(
            home_de,
            f"{WORD} AG",
            model=PartnerProfilePage,
            short_name="ZK",
            code="zk",
        )
        url = search_url("de")

        assert set(result_urls(search(client, url, q=WORD))) == {
            content.url,
            profile.url,
        }
        assert result_urls(search(client, url, q=WORD, kind="home.contentpage")) == [
            content.url
        ]
        options = [
            option["value"]
            for option in soup(search(client, url, q=WORD)).select("#id_kind option")
        ]
        assert "home.contentpage" in options

    def test_partner_filter(self, client, home_de, make_page, search_url):
        from partners.models import PartnerProfilePage, PartnerSectionPage

        partner = make_page(
            home_de,
            "Filterpartner",
            model=PartnerProfilePage,
            short_name="FP",
            code="fp",
        )
        section = make_page(
            home_de, "Bereich", model=PartnerSectionPage, partner=partner
        )
        owned = make_page(section, "Eigene Seite", text=WORD)
        make_page(home_de, "Fremde Seite", text=WORD)
        url = search_url("de")

        assert len(result_urls(search(client, url, q=WORD))) == 2
        assert result_urls(search(client, url, q=WORD, partner="fp")) == [owned.url]

    def test_unknown_filter_values_get_a_400_with_an_explanation(
        self, client, search_url
    ):
        response = search(client, search_url("en"), q="network", kind="nonsense")
        assert response.status_code == 400
        assert soup(response).select_one('[role="alert"]').text.strip()
        assert soup(response).select_one("#id_kind")["aria-invalid"] == "true"


class TestPagination:
    @pytest.fixture
    def thirteen(self, home_en, make_page):
        return [make_page(home_en, f"Gasket {n}", text=WORD) for n in range(13)]

    def test_twelve_per_page(self, client, thirteen, search_url):
        url = search_url("en")
        first = result_urls(search(client, url, q=WORD))
        second = result_urls(search(client, url, q=WORD, page="2"))
        assert len(first) == 12
        assert len(second) == 1
        assert set(first + second) == {page.url for page in thirteen}

    def test_page_links_keep_query_and_filters(self, client, thirteen, search_url):
        response = search(client, search_url("en"), q=WORD, kind="home.contentpage")
        link = soup(response).select_one('.pagination a[rel="next"]')["href"]
        assert f"q={WORD}" in link
        assert "kind=home.contentpage" in link
        assert "page=2" in link

    def test_odd_page_values_never_fail(self, client, thirteen, search_url):
        # One site for all values: building thirteen indexed pages costs far more
        # than the searches.
        for value in ["abc", "0", "-1", "999", "2.5", "1e9", "9" * 50]:
            response = search(client, search_url("en"), q=WORD, page=value)
            assert response.status_code == 200, value
            assert result_urls(response), value


class TestPromotionsAndLogging:
    def test_promoted_pages_come_first_and_only_once(
        self, client, home_en, make_page, search_url
    ):
        strong = make_page(home_en, f"{WORD} {WORD}", text=f"{WORD} " * 5)
        promoted = make_page(home_en, "Gasket guide", text=f"About the {WORD}.")
        SearchPromotion.objects.create(
            query=Query.get(WORD.lower()), page=promoted, description="Start here."
        )

        page = soup(search(client, search_url("en"), q=WORD))
        first_link = page.select_one(".search-result__title a")
        assert first_link["href"] == promoted.url
        assert "Start here." in page.select_one(".search-result--promoted").text
        assert result_urls_from(page) == [strong.url]

    def test_promotions_of_pages_in_another_language_are_not_shown(
        self, client, home_de, home_en, make_page, search_url
    ):
        german = make_page(home_de, "Nur Deutsch", text=WORD)
        SearchPromotion.objects.create(query=Query.get(WORD), page=german)
        page = soup(search(client, search_url("en"), q=WORD))
        assert not page.select(".search-result--promoted")

    def test_searches_are_logged_but_not_page_steps(self, client, search_url):
        url = search_url("en")
        search(client, url, q="Network")
        search(client, url, q="network")
        search(client, url, q="network", page="2")
        assert Query.get("network").hits == 2

    def test_no_results_suggests_popular_terms_that_find_something(
        self, client, home_en, make_page, search_url
    ):
        make_page(home_en, "Gaskets", text=WORD)
        Query.get(WORD).add_hit()
        Query.get("qqqnothing").add_hit()

        page = soup(search(client, search_url("en"), q="xyzzyplugh"))
        assert "0 results" in page.select_one(".search-count").text
        terms = [link.text for link in page.select(".search-empty a")]
        assert terms == [WORD.lower()]


def result_urls_from(page):
    return [
        link["href"]
        for link in page.select(
            "ol.search-results:not(.search-results--promoted) .search-result__title a"
        )
    ]


class TestRanking:
    def test_title_outranks_body(self, client, home_de, make_page, search_url):
        in_body = make_page(
            home_de, "Allgemeines", text=f"{WORD}, {WORD} und noch einmal {WORD}."
        )
        in_title = make_page(home_de, f"Die {WORD}", text="Allgemeiner Text.")
        assert result_urls(search(client, search_url("de"), q=WORD)) == [
            in_title.url,
            in_body.url,
        ]


class TestWhatIsSearched:
    """Titles, lead, StreamField text and document titles, transcripts, partner texts."""

    def test_a_page_is_found_by_the_title_of_a_document_it_offers(
        self, client, home_de, make_page, search_url
    ):
        from django.core.files.base import ContentFile

        from wagtail.documents.models import Document

        document = Document.objects.create(
            title=f"Leitfaden {WORD}",
            file=ContentFile(b"%PDF-1.4", name="leitfaden.pdf"),
        )
        page = make_page(home_de, "Downloads", text="Unterlagen zum Herunterladen.")
        page.body = [("document", {"document": document, "label": ""})]
        page.save_revision().publish()

        assert result_urls(search(client, search_url("de"), q=WORD)) == [page.url]

    @pytest.mark.parametrize(
        ("page_factory", "field"),
        [
            (PodcastEpisodePageFactory, "transcript"),
            (PartnerProfilePageFactory, "description"),
            (VideoStoryPageFactory, "transcript"),
        ],
    )
    def test_pages_are_found_by_their_texts(
        self, client, search_url, page_factory, field
    ):
        """A word that only this page's field contains finds the page, in each language."""
        words = {"de": "Nockenwellenversteller", "en": "camshaftphaser"}
        german = page_factory(
            **{field: f"<p>Es geht um den {words['de']}.</p>"},
            english={field: f"<p>It is about the {words['en']}.</p>"},
        )
        english = german.get_translation(Locale.objects.get(language_code="en"))
        kind = type(german).get_search_kind()
        for language, page in (("de", german), ("en", english)):
            assert words[language] not in page.title
            response = search(
                client, search_url(language), q=words[language], kind=kind
            )
            assert result_urls(response) == [page.url], language
