"""Checkboxes a person can use when the list is long (issue 12).

With some 310 partner profiles per language, "Herausgebende Partner" was a column of
hundreds of checkboxes. `PicklistCheckboxes` keeps the real checkboxes (the form posts
and validates as before, also without JavaScript) and, from `FILTER_FROM` entries on,
puts them in a scrolling box with a filter field above: typing hides the entries that
do not match, and a status line (a live region) says how many match and how many are
ticked. The ticked entries come first, so a page's choices are seen without scrolling.
Short lists such as the topics stay plain checkboxes.

The filtering is a Stimulus controller (core/js/picklist.js) registered on Wagtail's
own Stimulus application; the texts it shows are rendered here, translated.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Lists shorter than this are plain checkboxes: a filter would only be in the way.
FILTER_FROM = 12


class PicklistCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "core/widgets/picklist.html"

    def __init__(self, attrs=None, choices=(), *, label="", filter_from=FILTER_FROM):
        super().__init__(attrs, choices)
        self.label = label
        self.filter_from = filter_from

    @property
    def media(self):
        return forms.Media(
            js=["core/js/picklist.js"],
            css={"all": ["core/css/picklist.css"]},
        )

    def optgroups(self, name, value, attrs=None):
        """In a long list the ticked entries come first, each part in choice order."""
        groups = super().optgroups(name, value, attrs)
        if len(groups) < self.filter_from:
            return groups
        return sorted(groups, key=lambda group: not group[1][0]["selected"])

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        options = [option for _, group, _ in widget["optgroups"] for option in group]
        total, ticked = len(options), sum(option["selected"] for option in options)
        texts = {
            "filter": (
                _("Filter: %(list)s") % {"list": self.label}
                if self.label
                # Not Wagtail's "Filter" of its listings: a verb here.
                else pgettext_lazy("picklist", "Filter")
            ),
            # The script fills in {shown}, {total}, {ticked} and {query}.
            "all": _("Selected: {ticked} of {total}."),
            "matches": _("Matches: {shown} of {total}. Selected: {ticked}."),
            "none": _("No entry matches “{query}”. Selected: {ticked}."),
            "hint": _("Type part of a name; Escape clears the filter."),
        }
        widget.update(
            filterable=total >= self.filter_from,
            label=self.label,
            texts=texts,
            status=str(texts["all"]).format(ticked=ticked, total=total),
        )
        return context
