"""A list of choices stored as JSON: the venue's accessibility features as checkboxes."""

from django import forms
from django.db import models

from ..choices import Accessibility


class AccessibilityField(models.JSONField):
    """A JSON list of `Accessibility` values, edited as checkboxes.

    A JSON list rather than one boolean column per feature: new features need no
    migration, and translations copy the list unchanged.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=Accessibility.choices,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = set(value or []) - set(Accessibility.values)
        if unknown:
            raise forms.ValidationError(
                "Unknown accessibility feature(s): %(values)s",
                params={"values": ", ".join(sorted(unknown))},
            )
