"""The consent text a visitor agrees to when registering, and its version.

Each registration stores the version it was given with. Change the version whenever
the text changes in substance (and keep the old wording in the history of this file).
"""

from django.utils.translation import gettext_lazy as _

CONSENT_VERSION = "2026-12-06"

CONSENT_TEXT = _(
    "I agree that the organising partner stores my details to run this event. "
    "They are used for nothing else and deleted automatically after the event "
    "(details of needs first, everything else %(days)s days after it). I can cancel "
    "my registration at any time with the link in the e-mail."
)
