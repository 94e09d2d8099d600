from django import forms
from django.utils.translation import gettext_lazy as _

from tregks.core.form_protection import ProtectedForm

from .consent import consent_text

# Spreadsheet programs run a cell that starts with one of these as a formula; no real
# address starts with them, so refusing them keeps the CSV export safe to open.
FORMULA_PREFIXES = ("=", "+", "-", "@")


class SubscribeForm(ProtectedForm):
    """E-mail address and consent; the newsletter's language is the page's."""

    form_scope = "newsletter"

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Please enter a valid e-mail address, e.g. name@example.org."),
            "max_length": _("An e-mail address has at most 254 characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "maxlength": 254}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Please confirm that you would like to receive the newsletter."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = consent_text()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if email.startswith(FORMULA_PREFIXES):
            raise forms.ValidationError(
                self.fields["email"].error_messages["invalid"], code="invalid"
            )
        return email
