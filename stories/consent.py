"""What the consent notice before an external video player names: who receives the
visitor's IP address, and where the privacy notice is."""

from tregks.core.navigation import site_chrome

from .video import VIMEO, YOUTUBE

# Who receives the visitor's IP address when an external player loads.
PROVIDER_RECIPIENTS = {YOUTUBE: "YouTube (Google)", VIMEO: "Vimeo"}


def privacy_url(request):
    """The privacy page in the reader's language, if the footer settings name one.

    Read from the footer links every page shows (built once per generation), so the
    story needs no query of its own for it.
    """
    return next(
        (
            link["url"]
            for link in site_chrome(request)["footer"]
            if link.get("field") == "privacy_page"
        ),
        None,
    )
