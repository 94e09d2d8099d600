"""The public message forms: the contact page's and the expert groups' "Mitmachen".

Both go through the core's protection (token, honeypot, fill time, rate limit:
tregks.core.form_protection). Every field has a label and an autocomplete hint; a field
with an error points to its message (aria-describedby) for screen readers.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tregks.core.form_protection import TOKEN_FIELD, ProtectedForm

from .recipients import consortium_profiles

NAME_MAX = 150
ORGANISATION_MAX = 200
SUBJECT_MAX = 200
MESSAGE_MAX = 5000


class MessageForm(ProtectedForm):
    """Name, e-mail, organisation, message and consent: what every message carries."""

    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a confirmation and our answer to this address."),
        error_messages={
            "invalid": _(
                "Please enter a valid e-mail address, for example name@example.org."
            )
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        max_length=ORGANISATION_MAX,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _(
                "Please agree to the storage of your message, or we cannot answer."
            )
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "I agree that my message and details are stored to answer me and deleted "
            "after %(days)s days at the latest."
        ) % {"days": settings.CONTACT_RETENTION_DAYS}
        self.fields["message"].help_text = _("At most %(count)s characters.") % {
            "count": MESSAGE_MAX
        }

    # Short names in the error summary for fields whose label is a whole sentence.
    summary_labels = {"consent": _("Consent")}

    def error_summary(self):
        """The core's summary, with each message led by its field's label (a list of
        bare "This field is required." would not say which field) and a radio group
        linked to its first button."""
        summary = [(None, message) for message in self.non_field_errors()]
        for field in self.visible_fields():
            anchor = field.id_for_label or f"{field.auto_id}_0"
            label = self.summary_labels.get(field.name, field.label)
            separator = " " if str(label).endswith("?") else ": "
            summary.extend((anchor, f"{label}{separator}{m}") for m in field.errors)
        if self.has_error(TOKEN_FIELD):
            summary.extend((None, message) for message in self.errors[TOKEN_FIELD])
        return summary


class ContactForm(MessageForm):
    """The contact page: to whom, about what."""

    form_scope = "contact"
    field_order = ["recipient", "name", "email", "organisation", "subject", "message"]

    recipient = forms.ChoiceField(
        label=_("To whom?"),
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Please choose one of the listed recipients.")
        },
    )
    subject = forms.CharField(
        label=_("Subject"),
        max_length=SUBJECT_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, locale_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.profiles = {p.code: p for p in consortium_profiles(locale_id)}
        choices = []
        for profile in self.profiles.values():
            if profile.role == "lead":
                label = _("The network in general (%(name)s)") % {"name": profile.title}
            else:
                label = profile.title
            choices.append((profile.code, label))
        self.fields["recipient"].choices = choices
        if choices and not self.is_bound:
            self.fields["recipient"].initial = choices[0][0]

    @property
    def chosen_profile(self):
        return self.profiles.get(self.cleaned_data.get("recipient"))
