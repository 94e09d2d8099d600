"""The filters of the search page (the query itself is cleaned, never refused)."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SearchFilterForm(forms.Form):
    """Kind and partner filters; their choices depend on the current language."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    partner = forms.ChoiceField(label=_("Partner"), required=False)

    def __init__(self, data, *, kinds, partners):
        super().__init__(data)
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]
        self.fields["partner"].choices = [("", _("All partners")), *partners]
        self.fields["kind"].error_messages["invalid_choice"] = _(
            "This kind does not exist. Choose one from the list."
        )
        self.fields["partner"].error_messages["invalid_choice"] = _(
            "This partner does not exist. Choose one from the list."
        )
