"""Newsletter subscriptions: one row per address and language."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Unconfirmed sign-ups are deleted after this many days (docs/privacy.md).
PENDING_RETENTION_DAYS = 7
# Withdrawn subscriptions stay this long, so that the sending tool learns of the
# withdrawal at its next sync (docs/newsletter.md); then the address is deleted.
UNSUBSCRIBED_RETENTION_DAYS = 30


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        """Counted subscribers: confirmed and not withdrawn."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def pending(self):
        return self.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)

    def unsubscribed(self):
        return self.filter(unsubscribed_at__isnull=False)

    def expired(self, now=None):
        """Rows the retention rule deletes: unconfirmed after 7 days, withdrawn after 30."""
        now = now or timezone.now()
        pending_cutoff = now - datetime.timedelta(days=PENDING_RETENTION_DAYS)
        withdrawn_cutoff = now - datetime.timedelta(days=UNSUBSCRIBED_RETENTION_DAYS)
        return self.filter(
            models.Q(
                confirmed_at__isnull=True,
                unsubscribed_at__isnull=True,
                requested_at__lt=pending_cutoff,
            )
            | models.Q(unsubscribed_at__lt=withdrawn_cutoff)
        )

    def for_export(self, language=None):
        rows = self.confirmed().order_by("language", "confirmed_at", "pk")
        return rows.filter(language=language) if language else rows


class Subscription(models.Model):
    """A sign-up for the newsletter in one language.

    It counts only once confirmed through the link in the confirmation e-mail (double
    opt-in). What was agreed to, and when, is kept as proof: `consent_version` names the
    text in newsletter.consent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("E-mail address"), max_length=254)
    language = models.CharField(
        _("Newsletter language"), max_length=8, choices=settings.LANGUAGES
    )
    consent_version = models.CharField(_("Consent text version"), max_length=20)
    requested_at = models.DateTimeField(_("Requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("Confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("Unsubscribed at"), null=True, blank=True)
    # When the last confirmation (or reminder) mail went out: at most one per interval.
    last_mail_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Newsletter subscription")
        verbose_name_plural = _("Newsletter subscriptions")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "language", name="newsletter_one_per_address_language"
            )
        ]
        permissions = [("export_subscription", "Can export confirmed subscribers")]

    def __str__(self):
        return f"{self.email} ({self.language})"

    @property
    def status(self):
        if self.unsubscribed_at is not None:
            return self.Status.UNSUBSCRIBED
        if self.confirmed_at is not None:
            return self.Status.CONFIRMED
        return self.Status.PENDING

    def get_status_display(self):
        return self.Status(self.status).label

    def may_send_mail(self, now=None):
        """False while the last mail to this address is more recent than the interval."""
        interval = datetime.timedelta(
            minutes=getattr(settings, "NEWSLETTER_MAIL_INTERVAL_MINUTES", 15)
        )
        now = now or timezone.now()
        return self.last_mail_at is None or now - self.last_mail_at >= interval
