"""Any input at all: a 200 or a 4xx, never a 500, and never unescaped in the page."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.every_database]

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR 1=1 --",
    "'; DROP TABLE wagtailcore_page; --",
    "Netzwerk & | ! ( ) : * <-> '' \\",
    '"unclosed phrase',
    "AND OR NOT NEAR",
    "%s %(x)s {}",
    "\x00\x01\x1f\x7f",
    "ä" * 300,
    "Netzwerk " * 60,
    "\u202e\u200b\ufeff",
    "\ud7ff\U0001f600",
]

text = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
)
page_values = st.one_of(st.sampled_from(["", "0", "-1", "2", "abc", "9" * 40]), text)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(
    q=text,
    page=page_values,
    kind=text,
    partner=text,
    language=st.sampled_from(["de", "en"]),
)
def test_the_search_page_survives_any_input(
    client, search_url, q, page, kind, partner, language
):
    params = {"q": q, "page": page}
    if kind:
        params["kind"] = kind
    if partner:
        params["partner"] = partner
    response = client.get(search_url(language), params)

    assert response.status_code < 500


# Markup wrapped in random text: whatever surrounds it, it must come back escaped.
PROBE = "<i data-probe=1>"
short = st.text(max_size=80)  # the probe stays within the 200 characters searched
wrapped = st.builds(lambda before, after: f"{before}{PROBE}{after}", short, short)


@SETTINGS
@given(
    q=wrapped,
    other=st.one_of(st.just(""), wrapped),
    language=st.sampled_from(["de", "en"]),
)
def test_input_never_appears_unescaped(client, search_url, q, other, language):
    params = {"q": q, "kind": other, "partner": other, "page": other}
    response = client.get(search_url(language), params)

    assert response.status_code < 500
    assert PROBE.encode() not in response.content
    # The query itself is shown (in the search box), escaped.
    assert b"&lt;i data-probe=1&gt;" in response.content


@SETTINGS
@given(q=text, limit=st.one_of(st.none(), text), language=st.sampled_from(["de", "en"]))
def test_the_suggestions_survive_any_input(client, search_url, q, limit, language):
    params = {"q": q}
    if limit is not None:
        params["limit"] = limit
    response = client.get(search_url(language, "search_suggest"), params)

    assert response.status_code < 500
    assert response["Content-Type"] == "application/json"
