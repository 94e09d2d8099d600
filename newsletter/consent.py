"""The consent text a subscriber agrees to, by version (proof under GDPR Art. 7).

A changed wording gets a new version; old versions stay here so that the text behind
every stored `consent_version` can still be shown.
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-12"

CONSENT_TEXTS = {
    "2026-12": _(
        "I would like to receive the tregks newsletter by e-mail in the chosen language "
        "(about once a month). I can unsubscribe at any time with the link in every "
        "newsletter."
    ),
}


def consent_text(version=CONSENT_VERSION):
    return CONSENT_TEXTS.get(version, "")
