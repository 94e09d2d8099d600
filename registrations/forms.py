"""The registration form on an event page: only the fields the organiser asks for."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tregks.core.form_protection import ProtectedForm

from .consent import CONSENT_TEXT
from .models import NAME_MAX, NEEDS_MAX, ORGANISATION_MAX, ROLE_MAX

# Optional fields and the event setting that asks for each.
OPTIONAL_FIELDS = {
    "organisation": "ask_organisation",
    "role": "ask_role",
    "needs": "ask_needs",
}


def retention_days():
    return getattr(settings, "REGISTRATION_RETENTION_DAYS", 30)


class RegistrationForm(ProtectedForm):
    form_scope = "registration"

    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        error_messages={"required": _("Please enter your name.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _(
                "Please enter a valid e-mail address, such as name@example.org."
            ),
        },
        help_text=_("We send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=ORGANISATION_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Role or position (optional)"),
        max_length=ROLE_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    needs = forms.CharField(
        label=_("Dietary or accessibility needs (optional)"),
        max_length=NEEDS_MAX,
        required=False,
        help_text=_("Deleted right after the event."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree to the storage of my details as described."),
        error_messages={
            "required": _("Please agree to the storage of your details to register.")
        },
    )

    def __init__(self, *args, event=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name, setting in OPTIONAL_FIELDS.items():
            if event is None or not getattr(event, setting, False):
                del self.fields[name]
        # The consent text is the checkbox's description (read out with it).
        self.fields["consent"].help_text = CONSENT_TEXT % {"days": retention_days()}
        # Error messages that name the limit, in the reader's language.
        for name in ("name", "organisation", "role", "needs"):
            if name in self.fields:
                self.fields[name].error_messages["max_length"] = _(
                    "Please shorten this to at most %(limit_value)d characters "
                    "(it has %(show_value)d)."
                )
