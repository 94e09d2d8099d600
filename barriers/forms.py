from django import forms
from django.utils.translation import gettext_lazy as _

from tregks.core.form_protection import ProtectedForm

# The longest page address a report may name.
PAGE_MAX_LENGTH = 500


DESCRIPTION_MAX_LENGTH = 5000


class BarrierReportForm(ProtectedForm):
    form_scope = "barrier-report"

    page = forms.CharField(
        label=_("Which page?"),
        max_length=PAGE_MAX_LENGTH,
        required=False,
        help_text=_("The address or the title of the page, if you know it."),
        error_messages={
            "max_length": _("Please shorten the page to at most 500 characters.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    description = forms.CharField(
        label=_("What happened?"),
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text=_(
            "What did you want to do, and what got in your way? Which aid (screen "
            "reader, magnifier, keyboard) did you use, if any?"
        ),
        error_messages={
            "required": _("Please describe the barrier."),
            "max_length": _(
                "Please shorten your description to at most 5000 characters."
            ),
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=200,
        required=False,
        error_messages={
            "max_length": _("Please shorten your name to at most 200 characters.")
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        max_length=254,
        required=False,
        help_text=_("Only if you would like an answer."),
        error_messages={
            "invalid": _("Please enter a valid e-mail address, e.g. name@example.org."),
            "max_length": _("An e-mail address has at most 254 characters."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
