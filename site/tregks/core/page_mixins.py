"""Field groups and teaser properties that several page types share.

A page type lists a mixin among its bases (before `BasePage`) and splices the mixin's
panel, API fields and translatable fields into its own lists where they belong, so
the edit form, the API output and the translation editor keep their order.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail_localize.fields import SynchronizedField, TranslatableField


def contact_role_field(verbose_name, help_text):
    """The contact's role rather than a person's name; translated with the page."""
    return models.CharField(
        verbose_name, max_length=150, blank=True, help_text=help_text
    )


def contact_email_field(help_text):
    """The contact's e-mail address (a role address)."""
    return models.EmailField(_("Email"), blank=True, help_text=help_text)


class ContactFieldsMixin(models.Model):
    """A public contact by role: role, phone and e-mail.

    A page type words the role or the address for its own readers by overriding
    `contact_role` with `contact_role_field(...)` or `contact_email` with
    `contact_email_field(...)`: the columns stay the same, only the labels differ.
    """

    contact_role = contact_role_field(
        _("Contact person (role)"),
        _("A role rather than a name, e.g. “Project management”."),
    )
    contact_phone = models.CharField(
        _("Phone"),
        max_length=40,
        blank=True,
        help_text=_("With the country code, e.g. +49 561 70733-50."),
    )
    contact_email = contact_email_field(_("A public role address, not a personal one."))

    contact_api_fields = [
        APIField("contact_role"),
        APIField("contact_phone"),
        APIField("contact_email"),
    ]
    # Translate: the role is text readers read.
    contact_translatable_fields = [TranslatableField("contact_role")]
    # Synchronise: phone and address are the same in every language.
    contact_synchronized_fields = [
        SynchronizedField("contact_phone"),
        SynchronizedField("contact_email"),
    ]

    class Meta:
        abstract = True

    @staticmethod
    def contact_panel(heading):
        """The three fields as one group of the edit form."""
        return MultiFieldPanel(
            [
                FieldPanel("contact_role"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
            ],
            heading=heading,
        )


class LeadTeaserMixin:
    """Teaser cards (includes/teaser_card.html) show the page's `lead`."""

    @property
    def teaser_text(self):
        return self.lead


class LeadImageTeaserMixin(LeadTeaserMixin):
    """Teaser cards show the page's `lead` and its lead `image`.

    For page types with the fields `lead`, `image` and `image_alt` (an
    `alt_text_field`, the page's own description of the picture).
    """

    @property
    def listing_image(self):
        return self.image

    @property
    def image_alt_text(self):
        """The lead image's alt text in the page's language where an editor gave one."""
        if self.image is None:
            return ""
        return self.image_alt or self.image.default_alt_text
