"""Signed links of the confirmation and unsubscribe e-mails.

Both carry only the subscription's id, signed with the site's SECRET_KEY and a salt of
their own, so that neither link can be made from the other or guessed. The confirmation
link expires with the pending sign-up (7 days); the unsubscribe link never does: it
must work from any newsletter a person still has.
"""

import datetime

from django.core import signing

from .models import PENDING_RETENTION_DAYS

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_MAX_AGE = datetime.timedelta(days=PENDING_RETENTION_DAYS)


class InvalidToken(Exception):
    """The link was changed, cut short or has expired."""


def confirm_token(subscription):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(str(subscription.pk))


def unsubscribe_token(subscription):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(subscription.pk))


def _pk(value):
    try:
        return int(value)
    except (TypeError, ValueError) as error:
        raise InvalidToken from error


def read_confirm_token(token):
    """The subscription id of a confirmation link; InvalidToken when it is not valid."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=CONFIRM_MAX_AGE
        )
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise InvalidToken from error
    return _pk(value)


def read_unsubscribe_token(token):
    try:
        value = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise InvalidToken from error
    return _pk(value)
