"""Privacy before consent, German pages: no request leaves the site and no cookie is
set on one page of every public page type, a search and the 404 page; CSP holds.
(English: test_privacy_en.py; after "Video laden": test_privacy_consent.py.)"""

from .conftest import no_request_leaves_the_site


def test_no_third_party_request_and_no_cookie_on_german_pages(
    context, live_site, page_types
):
    paths = [url for _, lang, url in page_types if lang == "de"]
    assert len(paths) >= 2, paths
    paths += ["/de/suche/?q=Kassel", "/de/gibt-es-nicht/"]
    no_request_leaves_the_site(context, live_site, paths)
