"""Store a message, send it to the partner and confirm it to the sender."""

import logging

from django.conf import settings
from django.utils import translation

from tregks.core.mail import send_templated_mail

from .models import ContactMessage
from .recipients import delivery_address

logger = logging.getLogger(__name__)


def deliver(form, *, profile, subject, expert_group=None):
    """Store the message of a valid form and send both e-mails.

    The message is stored first: a mail server that does not answer loses nothing
    (send_templated_mail logs and returns False; the admin shows "not delivered").
    """
    data = form.cleaned_data
    language = translation.get_language() or settings.LANGUAGE_CODE
    message = ContactMessage.objects.create(
        recipient_code=profile.code,
        recipient_name=profile.title,
        expert_group=expert_group,
        name=data["name"],
        email=data["email"],
        organisation=data.get("organisation", ""),
        subject=subject,
        message=data["message"],
        language=language,
    )
    context = {
        "message": message,
        "base_url": settings.BASE_URL,
        "retention_days": settings.CONTACT_RETENTION_DAYS,
    }
    # The partner's staff work in German, the site's first language.
    delivered = send_templated_mail(
        "contact/mail/message",
        context=context,
        to=[delivery_address(profile)],
        language=settings.LANGUAGE_CODE,
        reply_to=[message.email],
    )
    if delivered:
        message.mail_delivered = True
        message.save(update_fields=["mail_delivered"])
    send_templated_mail(
        "contact/mail/confirmation",
        context=context,
        to=[message.email],
        language=language,
    )
    return message
