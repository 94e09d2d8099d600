"""The speakers and hosts of an event (an inline list on the event page)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey


class EventSpeaker(TranslatableMixin, Orderable):
    """A speaker or host of the event: a name and a role or organisation."""

    page = ParentalKey("events.EventPage", related_name="speakers")
    name = models.CharField(_("Name"), max_length=150)
    role = models.CharField(
        _("Role or organisation"),
        max_length=200,
        blank=True,
        help_text=_("E.g. “Works council, Example GmbH”."),
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("role")])]

    translatable_fields = [SynchronizedField("name"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("Speaker")
        verbose_name_plural = _("Speakers")
