"""Store a message, send it to the partner and confirm it to the sender."""

import logging

from django.conf import settings
from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from tregks.core.mail import send_templated_mail

from .models import ContactMessage
from .recipients import delivery_address

logger = logging.getLogger(__name__)


def deliver(form, *, profiles, subject, expert_group=None):
    """Store the message of a valid form for each partner, mail each, confirm once.

    Every partner gets a message of its own, so each partner's staff see it in the
    admin and mark it answered independently; the sender gets one confirmation that
    names them all. Messages are stored first: a mail server that does not answer
    loses nothing (send_templated_mail logs and returns False; the admin shows "not
    delivered").
    """
    data = form.cleaned_data
    language = translation.get_language() or settings.LANGUAGE_CODE
    messages = [
        ContactMessage.objects.create(
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
        for profile in profiles
    ]
    context = {
        "base_url": settings.BASE_URL,
        "retention_days": settings.CONTACT_RETENTION_DAYS,
    }
    for profile, message in zip(profiles, messages, strict=True):
        # The partner's staff work in German, the site's first language.
        delivered = send_templated_mail(
            "contact/mail/message",
            context={**context, "message": message},
            to=[delivery_address(profile)],
            language=settings.LANGUAGE_CODE,
            reply_to=[message.email],
        )
        if delivered:
            message.mail_delivered = True
            message.save(update_fields=["mail_delivered"])
    with translation.override(language):
        recipients = get_text_list([m.recipient_name for m in messages], _("and"))
    send_templated_mail(
        "contact/mail/confirmation",
        context={**context, "message": messages[0], "recipients": recipients},
        to=[messages[0].email],
        language=language,
    )
    return messages
