"""Privacy before consent, English pages: no request leaves the site and no cookie is
set on one page of every public page type, a search and the 404 page; CSP holds.
(German: test_privacy_de.py; after "Load video": test_privacy_consent.py.)"""

from .conftest import no_request_leaves_the_site


def test_no_third_party_request_and_no_cookie_on_english_pages(
    context, live_site, page_types
):
    paths = [url for _, lang, url in page_types if lang == "en"]
    assert len(paths) >= 2, paths
    paths += ["/en/search/?q=Kassel", "/en/does-not-exist/"]
    no_request_leaves_the_site(context, live_site, paths)
