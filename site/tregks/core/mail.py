"""E-mails to visitors and staff in the reader's language, plain text plus HTML.

Each mail is three templates: `<name>_subject.txt`, `<name>.txt` and `<name>.html`,
rendered with the language switched to the recipient's. Sending uses the site's e-mail
settings (EMAIL_TIMEOUT keeps a slow mail server from holding the request); a failure
is logged and reported to the caller, never raised to the visitor.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

# SMTPException covers refusals; OSError covers timeouts and unreachable servers.
MAIL_ERRORS = (smtplib.SMTPException, OSError)


def render_mail(name, context, language):
    """(subject, text, html) of the templates `name` in `language`."""
    with translation.override(language):
        subject = render_to_string(f"{name}_subject.txt", context)
        text = render_to_string(f"{name}.txt", context)
        html = render_to_string(f"{name}.html", context)
    # A subject is one line; templates end with a newline.
    return " ".join(subject.split()), text, html


def send_templated_mail(
    name,
    *,
    context,
    to,
    language,
    attachments=(),
    headers=None,
    reply_to=None,
):
    """Send one mail; True when the mail server took it, False when sending failed."""
    subject, text, html = render_mail(name, context, language)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        headers=headers or {},
        reply_to=list(reply_to) if reply_to else None,
    )
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    try:
        message.send()
    except MAIL_ERRORS:
        logger.exception("Mail %s to %d recipient(s) could not be sent", name, len(to))
        return False
    return True
