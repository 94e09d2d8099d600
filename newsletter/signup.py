"""What happens to an address on sign-up, confirmation and withdrawal.

Every sign-up gets the same answer on the site, whatever the address's state, so the
form does not tell strangers who subscribes. What differs is the mail, which only the
address's owner reads: a confirmation link while unconfirmed, a short notice when
already subscribed, and at most one mail per address and interval, so that the form
cannot be used to flood someone's inbox.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from tregks.core.mail import send_templated_mail

from .consent import CONSENT_VERSION, consent_text
from .models import Subscription
from .tokens import confirm_token, unsubscribe_token

logger = logging.getLogger(__name__)


def absolute_url(name, language, **kwargs):
    with translation.override(language):
        return settings.BASE_URL + reverse(name, kwargs=kwargs)


def unsubscribe_url(subscription):
    return absolute_url(
        "newsletter_unsubscribe",
        subscription.language,
        token=unsubscribe_token(subscription),
    )


def unsubscribe_headers(subscription):
    """RFC 2369 and RFC 8058 headers: mail programs offer a one-click unsubscribe."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _find(email, language):
    return (
        Subscription.objects.select_for_update()
        .filter(email__iexact=email, language=language)
        .first()
    )


def request_subscription(email, language, now=None):
    """Record a sign-up and send the mail it calls for. Returns the subscription."""
    now = now or timezone.now()
    with transaction.atomic():
        subscription = _find(email, language)
        if subscription is None:
            try:
                with transaction.atomic():
                    subscription = Subscription.objects.create(
                        email=email,
                        language=language,
                        consent_version=CONSENT_VERSION,
                        requested_at=now,
                    )
            except IntegrityError:  # the same address at the same moment
                subscription = _find(email, language)
        elif subscription.status != Subscription.Status.CONFIRMED:
            # A new request (after withdrawal, or again while waiting) is new consent.
            subscription.requested_at = now
            subscription.consent_version = CONSENT_VERSION
            subscription.confirmed_at = None
            subscription.unsubscribed_at = None
        send = subscription.may_send_mail(now)
        if send:
            subscription.last_mail_at = now
        subscription.save()
    if send and not _send_mail(subscription):
        # The mail server failed: let the person try again at once.
        Subscription.objects.filter(pk=subscription.pk).update(last_mail_at=None)
    return subscription


def _send_mail(subscription):
    context = {
        "unsubscribe_url": unsubscribe_url(subscription),
        "consent_text": consent_text(subscription.consent_version),
        "language_name": dict(settings.LANGUAGES)[subscription.language],
    }
    if subscription.status == Subscription.Status.CONFIRMED:
        name = "newsletter/mail/already_subscribed"
    else:
        name = "newsletter/mail/confirm"
        context["confirm_url"] = absolute_url(
            "newsletter_confirm",
            subscription.language,
            token=confirm_token(subscription),
        )
    return send_templated_mail(
        name,
        context=context,
        to=[subscription.email],
        language=subscription.language,
        headers=unsubscribe_headers(subscription),
    )


def confirm(subscription, now=None):
    """Count a pending subscription (idempotent); False when it was withdrawn."""
    if subscription.status == Subscription.Status.UNSUBSCRIBED:
        return False
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now or timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return True


def unsubscribe(subscription_id, now=None):
    """Withdraw a subscription (idempotent: a second request changes nothing)."""
    Subscription.objects.filter(
        pk=subscription_id, unsubscribed_at__isnull=True
    ).update(unsubscribed_at=now or timezone.now())


def purge_expired(now=None):
    """The retention rule (scheduled task newsletter.purge, docs/privacy.md)."""
    deleted, _by_model = Subscription.objects.expired(now).delete()
    return f"{deleted} newsletter sign-up(s) deleted"
