"""Picklists of translatable objects (topics, partners) in the page's own language.

A many-to-many field to a translatable model lists every object of every language
by default, in a Ctrl-click multi-select: each partner twice, "Decarbonisation" next
to "Dekarbonisierung". `LocalePicklistPageForm` turns each such field of a page form
into checkboxes of the page's language only, ticks the page's current choices in that
language (translations hold the German objects, see core.i18n) and refuses an object
of another language with a message that says so. Long lists (some 310 partners) get a
filter field (core.picklist_widget); entries are in alphabetical order, and a model may
name its entries for the list with a `picklist_label` (a partner's short name).
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator
from django.utils.translation import ngettext

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale, TranslatableMixin

from .picklist_widget import PicklistCheckboxes


def alphabetical(label):
    """Sort key: "Ökologie" among the O's, whatever the database's collation."""
    decomposed = unicodedata.normalize("NFKD", str(label).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class ChoicesOnceIterator(ModelChoiceIterator):
    """The field's choices, read from the database once per form.

    The admin renders a page form's widget twice (the field panel and its telepath
    definition); with some 300 partner profiles each rendering queried and built
    every page object again (docs/PERFORMANCE.md, admin).
    """

    def __iter__(self):
        if self.field.loaded_choices is None:
            self.field.loaded_choices = sorted(
                super().__iter__(), key=lambda choice: alphabetical(choice[1])
            )
        return iter(self.field.loaded_choices)

    def __len__(self):
        return len(list(self))

    def __bool__(self):
        return bool(len(self))


class LocalePicklistField(forms.ModelMultipleChoiceField):
    """Checkboxes of the objects in one locale; other languages are refused clearly."""

    iterator = ChoicesOnceIterator

    def __init__(self, queryset, *, locale, **kwargs):
        self.locale = locale
        self.every_locale = queryset
        self.loaded_choices = None
        kwargs.setdefault("widget", PicklistCheckboxes(label=kwargs.get("label", "")))
        super().__init__(queryset.filter(locale=locale), **kwargs)

    def label_from_instance(self, obj):
        return getattr(obj, "picklist_label", None) or str(obj)

    def _check_values(self, value):
        ids = [item for item in value if str(item).isdigit()]
        foreign = list(self.every_locale.filter(pk__in=ids).exclude(locale=self.locale))
        if foreign:
            raise ValidationError(
                ngettext(
                    "“%(entries)s” is in another language. This page is in "
                    "%(language)s: choose the entry in %(language)s.",
                    "“%(entries)s” are in another language. This page is in "
                    "%(language)s: choose the entries in %(language)s.",
                    len(foreign),
                )
                % {
                    "entries": "”, “".join(str(obj) for obj in foreign),
                    "language": self.locale.get_display_name(),
                },
                code="other_language",
            )
        return super()._check_values(value)


def localized_ids(model, ids, locale):
    """The ids of the objects in `locale` that translate the objects `ids`."""
    keys = model._default_manager.filter(pk__in=ids).values("translation_key")
    return list(
        model._default_manager.filter(
            translation_key__in=keys, locale=locale
        ).values_list("pk", flat=True)
    )


def _ids(value):
    return [getattr(item, "pk", item) for item in value or []]


class LocalePicklistPageForm(WagtailAdminPageForm):
    """Page form whose many-to-many fields to translatable models are picklists."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self.picklist_locale()
        if locale is None:
            return
        for name, field in list(self.fields.items()):
            model = getattr(getattr(field, "queryset", None), "model", None)
            if not (
                isinstance(field, forms.ModelMultipleChoiceField)
                and model is not None
                and issubclass(model, TranslatableMixin)
            ):
                continue
            self.fields[name] = LocalePicklistField(
                field.queryset,
                locale=locale,
                required=field.required,
                label=field.label,
                help_text=field.help_text,
            )
            if name in self.initial:
                self.initial[name] = localized_ids(
                    model, _ids(self.initial[name]), locale
                )

    def picklist_locale(self):
        locale_id = self.instance.locale_id
        if locale_id is None and self.parent_page is not None:
            locale_id = self.parent_page.locale_id
        return Locale.objects.filter(pk=locale_id).first() if locale_id else None
