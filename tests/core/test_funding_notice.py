"""The footer's funding notice: editable rows with a period; a page shows the notice
valid on its own date (pages without one: today), with the logo's full alt text."""

import datetime
import json

from django.utils import timezone

from wagtail.models import Locale

import pytest

from home.factories import home_page
from news.factories import PressReleasePageFactory, news_section
from tests.utils import soup
from tregks.core import funding
from tregks.core.models import FundingNotice
from tregks.core.translating import get_locale

pytestmark = pytest.mark.django_db

PHASES = json.loads(funding.SEED_FILE.read_text("utf-8"))
FIRST, SECOND = PHASES


@pytest.fixture
def notices():
    """The two seeded phases, with (placeholder) logos, as the demo has them: in
    German and English (the seed translates into the languages the site has)."""
    get_locale("en")
    FundingNotice.objects.all().delete()
    funding.seed_notices(with_logos=True)
    return FundingNotice.objects.all()


def release_of(year, language):
    date = datetime.date(year, 3, 1)
    german = PressReleasePageFactory(
        parent=news_section(english=True),
        title=f"Förderung {year}",
        slug=f"foerderung-{year}",
        release_date=date,
    )
    german.first_published_at = timezone.make_aware(datetime.datetime(year, 3, 1))
    german.save()
    if language == "de":
        return german
    english = german.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = f"Funding {year}"
    english.save_revision().publish()
    return english


def footer_notice(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return soup(response).select_one("footer .funding-notice")


def test_seed_gives_two_phases_in_both_languages(notices):
    assert notices.count() == 4
    german = notices.filter(locale__language_code="de").order_by("valid_from")
    assert [n.ministry for n in german] == [
        FIRST["de"]["ministry"],
        SECOND["de"]["ministry"],
    ]
    assert german[0].valid_until < german[1].valid_from
    for notice in german:
        english = notice.get_translation(Locale.objects.get(language_code="en"))
        assert english.logo_id == notice.logo_id
        assert english.valid_from == notice.valid_from
    # Running it again (every release does) adds nothing.
    funding.seed_notices(with_logos=True)
    assert FundingNotice.objects.count() == 4


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize(("year", "phase"), [(2024, FIRST), (2026, SECOND)])
def test_page_shows_the_notice_valid_at_its_publication(
    client, notices, language, year, phase
):
    page = release_of(year, language)
    notice = footer_notice(client, page.url)
    logo = notice.select_one("img.funding-notice__logo")
    texts = phase[language]
    # The alt text in full: the logo says who funds, and the parliament line.
    assert logo["alt"] == texts["logo_alt"]
    assert texts["ministry"] in logo["alt"]
    assert texts["line"] in logo["alt"]
    assert logo["src"].startswith("/media/")
    other = (SECOND if phase is FIRST else FIRST)[language]["ministry"]
    assert other not in str(notice)
    assert texts["programme"] in notice.get_text()


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_shows_todays_notice(client, notices, language):
    today = timezone.localdate()
    current = next(
        (
            phase
            for phase in PHASES
            if datetime.date.fromisoformat(phase["valid_from"])
            <= today
            <= datetime.date.fromisoformat(phase["valid_until"])
        ),
        PHASES[-1],
    )
    notice = footer_notice(client, home_page(language).url)
    assert notice.select_one("img")["alt"] == current[language]["logo_alt"]


def test_without_a_logo_the_notice_is_text(client, notices):
    notices.update(logo=None)
    notice = footer_notice(client, release_of(2024, "de").url)
    assert notice.select_one("img") is None
    text = notice.get_text(" ", strip=True)
    assert FIRST["de"]["ministry"] in text
    assert FIRST["de"]["line"] in text


def test_an_editor_changes_the_notice_and_pages_follow(client, notices):
    page = release_of(2026, "de")
    footer_notice(client, page.url)  # now in the page cache
    second = notices.get(locale__language_code="de", valid_from="2025-07-01")
    second.programme = "Neue Förderzeile"
    second.save()
    assert "Neue Förderzeile" in footer_notice(client, page.url).get_text()


def test_no_notice_rows_leave_the_footer_without_one(client):
    FundingNotice.objects.all().delete()
    assert footer_notice(client, "/de/") is None
