"""Bad input never causes a 500 and is never reflected unescaped (hypothesis).

Covers paths with and without a language prefix, query strings on every kind of
public page, feeds, the search, the API, byte ranges on media and the forms a
reader can post. Over-large requests are refused with 400 or 413.
"""

from urllib.parse import quote, urlencode

from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.factories import ContentPageFactory
from tregks.core.factories import make_image

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same inputs on every run: CI failures are reproducible
)
# Markup that must never come back as markup.
MARKERS = [
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
]

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40
)
marker = st.sampled_from(MARKERS)
payload = st.builds(lambda a, m, b: a + m + b, text, marker, text) | text
locale = st.sampled_from(["de", "en", "fr", "xx", "DE", "en-gb", "", "de/de", ".."])
parameter = st.sampled_from(
    [
        "q",
        "page",
        "p",
        "partner",
        "topic",
        "year",
        "kind",
        "format",
        "type",
        "fields",
        "order",
        "limit",
        "offset",
        "search",
        "locale",
        "child_of",
        "descendant_of",
        "utm_source",
        "next",
    ]
)
query = st.dictionaries(parameter, payload, max_size=4)


def reader():
    return Client()


def check(response, sent=""):
    """No server error; nothing sent comes back as live markup."""
    assert response.status_code < 500, response.status_code
    if "html" in response.get("Content-Type", "") and not response.streaming:
        body = response.content.decode(errors="replace")
        for tag in MARKERS:
            if tag in sent:
                assert tag not in body, f"{tag!r} reflected unescaped"


@pytest.fixture(scope="module")
def page_urls(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        urls = set()
        for page in Page.objects.live().public().specific():
            url = page.url
            if not url:
                continue
            urls.add(url)
            if isinstance(page, RoutablePageMixin):
                urls.add(url + "feed/")
        urls |= {"/de/suche/", "/en/search/", "/api/v2/pages/", "/api/v2/images/"}
        urls |= set(suggestion_urls())
        urls |= {"/api/v2/documents/", "/sitemap.xml", "/robots.txt", "/healthz/"}
        return sorted(urls)


@FUZZ
@given(prefix=locale, segments=st.lists(payload, min_size=1, max_size=3))
def test_any_path_answers_without_a_server_error(prefix, segments):
    path = "/" + "/".join([prefix, *(quote(s, safe="") for s in segments)]) + "/"
    check(reader().get(path), sent=" ".join(segments))


@FUZZ
@given(data=st.data(), params=query)
def test_query_strings_on_every_public_url(page_urls, data, params):
    url = data.draw(st.sampled_from(page_urls))
    response = reader().get(url + "?" + urlencode(params))
    check(response, sent=" ".join(params.values()))


def suggestion_urls():
    """The search suggestions (JSON) of both languages."""
    urls = []
    for language in ("de", "en"):
        with translation.override(language):
            urls.append(reverse("search_suggest"))
    return urls


@FUZZ
@given(term=payload)
def test_search_escapes_the_search_term(term):
    for url in ("/de/suche/", "/en/search/"):
        check(reader().get(url, {"q": term}), sent=term)


@FUZZ
@given(term=payload, limit=st.integers(-5, 10**6).map(str) | text)
def test_search_suggestions_answer_json_without_a_server_error(term, limit):
    for url in suggestion_urls():
        response = reader().get(url, {"q": term, "limit": limit})
        check(response)
        assert response["Content-Type"].startswith("application/json"), url
        assert response.status_code in (200, 400), url


@FUZZ
@given(
    params=st.fixed_dictionaries(
        {},
        optional={
            "type": st.sampled_from(
                ["home.HomePage", "x.Y", "wagtailcore.Page", "", "a"]
            )
            | text,
            "fields": st.sampled_from(["*", "-title", "title,_", "body(x)", "**"])
            | text,
            "order": st.sampled_from(["random", "-id", "title", "nonexistent"]) | text,
            "limit": st.integers(-5, 10**6).map(str) | text,
            "offset": st.integers(-5, 10**12).map(str) | text,
            "search": st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß ", max_size=20),
            "locale": locale,
            "child_of": st.integers(-1, 10**6).map(str) | text,
            "translation_of": st.integers(-1, 10**6).map(str) | text,
        },
    ),
    endpoint=st.sampled_from(["pages", "images", "documents"]),
)
def test_api_parameters_give_4xx_not_5xx(params, endpoint):
    check(reader().get(f"/api/v2/{endpoint}/?" + urlencode(params)))


@FUZZ
@given(
    range_header=st.sampled_from(
        [
            "bytes=0-",
            "bytes=-1",
            "bytes=5-2",
            "bytes=0-0,1-1",
            "bytes=99999999999-",
            "items=0-1",
            "bytes=--",
            "",
        ]
    )
    | text
)
def test_media_ranges_never_fail(range_header):
    from django.core.files.storage import default_storage

    from wagtail.images import get_image_model

    image = get_image_model().objects.filter(title="Bereichsanfrage").first()
    image = image or make_image("Bereichsanfrage")
    assert default_storage.exists(image.file.name)
    response = reader().get(image.file.url, headers={"Range": range_header})
    check(response)
    assert response.status_code in (200, 206, 304, 404, 416)


def protected_target():
    """The content page the password tests protect (made once, then found)."""
    page = Page.objects.filter(slug="passwortgeschuetzt").first()
    return page or ContentPageFactory(slug="passwortgeschuetzt")


@FUZZ
@given(password=payload, return_url=payload)
def test_password_form_posts(password, return_url):
    from wagtail.models import PageViewRestriction

    page = protected_target()
    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        defaults={"password": "richtig-2026"},
    )
    client = reader()
    action = f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    response = client.post(action, {"password": password, "return_url": return_url})
    check(response, sent=password + return_url)
    if response.status_code == 302:
        # Never an open redirect to another host.
        assert response["Location"].startswith("/"), response["Location"]
        assert not response["Location"].startswith("//")


@FUZZ
@given(username=payload, password=payload)
def test_admin_login_posts(username, password):
    response = reader().post(
        "/admin/login/", {"username": username, "password": password}
    )
    check(response, sent=username)
    assert response.status_code == 200  # the form again, never a login


@FUZZ
@given(email=payload)
def test_password_reset_posts(email):
    response = reader().post("/admin/password_reset/", {"email": email})
    check(response, sent=email)
    # The form again (invalid address) or on to "check your e-mail", never elsewhere.
    assert response.status_code in (200, 302), response.status_code
    if response.status_code == 302:
        assert response["Location"].startswith("/admin/password_reset/")


def test_a_body_over_the_memory_limit_is_refused(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    client = Client(raise_request_exception=False)
    response = client.post(
        "/admin/login/",
        "username=x&password=" + "a" * 4096,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (400, 413)


def test_too_many_form_fields_are_refused(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    client = Client(raise_request_exception=False)
    body = "&".join(f"f{i}=1" for i in range(200))
    response = client.post(
        "/admin/login/", body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 400


def test_the_fuzzed_password_form_is_the_real_one():
    """Guards the fuzz test above against posting to a URL that does not exist."""
    from wagtail.models import PageViewRestriction

    page = protected_target()
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=PageViewRestriction.PASSWORD,
        password="richtig-2026",
    )
    action = f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    response = reader().post(
        action, {"password": "richtig-2026", "return_url": page.url}
    )
    assert response.status_code == 302
    assert response["Location"] == page.url


@pytest.mark.parametrize("term", ['a">b', 'Kassel "Nord'])
def test_api_search_with_punctuation_is_not_a_server_error(term):
    check(reader().get("/api/v2/pages/", {"search": term}))
