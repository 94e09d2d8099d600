"""The contact page of each language and the messages visitors send through forms.

Messages of the contact page and of the expert groups' "Mitmachen" forms are stored
here alike: each names the partner it is addressed to (by code), is visible in the
admin to that partner's staff only (contact.recipients) and is deleted after
CONTACT_RETENTION_DAYS (contact.retention, docs/privacy.md).
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from tregks.core.models import BasePage

from .forms import ContactForm
from .recipients import partner_codes_of


class ContactPage(RoutablePageMixin, BasePage):
    """The contact form: visitors write to one consortium partner or the network."""

    # One contact page per language, directly below the home page.
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words above the form: who answers and how soon."),
    )
    thanks_text = models.TextField(
        _("Thank-you text"),
        blank=True,
        help_text=_(
            "Shown after sending. Empty: a standard text saying that a confirmation "
            "e-mail is on its way."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("thanks_text"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    translatable_fields = [
        *BasePage.translatable_fields,
        # Translate: what readers read.
        TranslatableField("intro"),
        TranslatableField("thanks_text"),
    ]

    class Meta:
        verbose_name = _("Contact page")
        verbose_name_plural = _("Contact pages")

    meta_description_fields = ("intro",)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", ContactForm(locale_id=self.locale_id))
        return context

    @path("thanks/", name="thanks")
    def thanks(self, request):
        # A page of its own (cacheable, no query string) rather than a message that
        # would need a session cookie.
        return self.render(
            request,
            context_overrides={"sent": True, "noindex": True},
            template="contact/contact_page_thanks.html",
        )


class MessageStatus(models.TextChoices):
    NEW = "new", _("New")
    ANSWERED = "answered", _("Answered")


class MessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What the user may read: everything for administrators, else the messages
        addressed to the partners whose editorial groups the user belongs to."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        codes = partner_codes_of(user)
        return self.filter(recipient_code__in=codes) if codes else self.none()

    def due_for_deletion(self, now=None):
        """Messages older than the retention period (CONTACT_RETENTION_DAYS)."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=settings.CONTACT_RETENTION_DAYS)
        return self.filter(created_at__lt=cutoff)


class ContactMessage(models.Model):
    """A message from a visitor to one consortium partner (contact page or expert group)."""

    recipient_code = models.SlugField(
        _("Recipient (partner code)"),
        max_length=40,
        db_index=True,
        help_text=_("The partner the message is addressed to; its staff read it."),
    )
    recipient_name = models.CharField(_("Recipient"), max_length=255)
    expert_group = models.ForeignKey(
        "core.Topic",
        verbose_name=_("Expert group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when the message came through an expert group's form."),
    )
    name = models.CharField(_("Name"), max_length=150)
    email = models.EmailField(_("E-mail"))
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    subject = models.CharField(_("Subject"), max_length=200)
    message = models.TextField(_("Message"))
    language = models.CharField(_("Language"), max_length=8)
    status = models.CharField(
        _("Status"),
        max_length=20,
        choices=MessageStatus.choices,
        default=MessageStatus.NEW,
    )
    created_at = models.DateTimeField(
        _("Received"), default=timezone.now, db_index=True
    )
    status_changed_at = models.DateTimeField(_("Status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Status changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mail_delivered = models.BooleanField(
        _("E-mail delivered"),
        default=False,
        help_text=_("Whether the mail server accepted the e-mail to the partner."),
    )

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Contact message")
        verbose_name_plural = _("Contact messages")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    @property
    def source_label(self):
        if self.expert_group_id:
            return _("Expert group “%(group)s”") % {"group": self.expert_group.name}
        return _("Contact page")

    @property
    def deletion_date(self):
        return (
            self.created_at + datetime.timedelta(days=settings.CONTACT_RETENTION_DAYS)
        ).date()

    def set_status(self, status, user):
        self.status = status
        self.status_changed_at = timezone.now()
        self.status_changed_by = user
        self.save(update_fields=["status", "status_changed_at", "status_changed_by"])
