"""The registration settings of an event, read by the registrations app."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField


class RegistrationSettingsMixin(models.Model):
    """Whether people can register, how many, until when and what the form asks."""

    registration_open = models.BooleanField(_("Registration open"), default=False)
    capacity = models.PositiveIntegerField(
        _("Places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave empty for no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("Registration deadline"), null=True, blank=True
    )
    ask_organisation = models.BooleanField(_("Ask for the organisation"), default=False)
    ask_role = models.BooleanField(_("Ask for the role"), default=False)
    ask_needs = models.BooleanField(
        _("Ask for dietary or accessibility needs"), default=False
    )
    waitlist_enabled = models.BooleanField(_("Waiting list"), default=False)

    registration_panel = MultiFieldPanel(
        [
            FieldPanel("registration_open"),
            FieldRowPanel(
                [FieldPanel("capacity"), FieldPanel("registration_deadline")]
            ),
            FieldPanel("ask_organisation"),
            FieldPanel("ask_role"),
            FieldPanel("ask_needs"),
            FieldPanel("waitlist_enabled"),
        ],
        heading=_("Anmeldung"),
    )
    # Synchronise: the same rules for the event in every language.
    registration_synchronized_fields = [
        SynchronizedField("registration_open"),
        SynchronizedField("capacity"),
        SynchronizedField("registration_deadline"),
        SynchronizedField("ask_organisation"),
        SynchronizedField("ask_role"),
        SynchronizedField("ask_needs"),
        SynchronizedField("waitlist_enabled"),
    ]

    class Meta:
        abstract = True
