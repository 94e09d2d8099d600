"""Spam and abuse protection for the public forms, without third parties.

Captcha services need the visitor's consent before they load, so the public forms
(event registration, contact, newsletter, barrier reports) rely on three checks that
run on the site alone:

- a honeypot field people never see and bots fill in;
- a minimum fill time, read from a signed form token issued when the form was shown;
- a rate limit per client address and per key (the e-mail address, say) in the shared
  cache, counted per kind of form.

A bot that trips the honeypot or the fill time gets the same answer as a person, and
the view stores and sends nothing (`Verdict.dropped`). A person who sends too often or
replays an old form gets a message in their language.

The forms post without Django's CSRF cookie: a public page with a form stays in the
page cache and sets no cookie before the visitor submits anything. What the CSRF check
would give these anonymous forms, the form token and a same-origin check give here:
a token is bound to its kind of form, expires, and is accepted once. The page cache
puts a fresh token into a cached page each time it serves one (`split_at_form_tokens`
when it stores the page, `fresh_tokens` on each hit; `refresh_form_tokens` does both
at once).
"""

import functools
import logging
import re
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponseForbidden, HttpResponseNotAllowed
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from axes.helpers import get_client_ip_address

logger = logging.getLogger(__name__)

TOKEN_FIELD = "form_token"  # noqa: S105 - a field name
HONEYPOT_FIELD = "website"
TOKEN_SALT = "tregks.core.form_protection"  # noqa: S105 - a namespace
# Long enough for someone who writes a long message or leaves the tab open over lunch.
TOKEN_MAX_AGE = 24 * 60 * 60

# The token field as the form renders it; the page cache replaces the value.
TOKEN_IN_HTML = re.compile(rb'(name="form_token" value=")([^"]+)(")')


def _setting(name, default):
    return getattr(settings, name, default)


class _TokenSigner(signing.TimestampSigner):
    """Signs with the time the form was shown (now, unless a test says otherwise)."""

    def __init__(self, issued_at=None):
        super().__init__(salt=TOKEN_SALT)
        self.issued_at = issued_at

    def timestamp(self):
        return signing.b62_encode(int(self.issued_at or time.time()))


def issue_token(scope, issued_at=None, signer=None):
    """A signed token for a form of this scope: scope, a nonce and the time it was shown."""
    return (signer or _TokenSigner(issued_at)).sign_object(
        {"s": scope, "n": secrets.token_urlsafe(12)}
    )


def aged_token(scope, seconds):
    """A token as if the form had been shown `seconds` ago (tests of the fill time)."""
    return issue_token(scope, issued_at=time.time() - seconds)


def read_token(token):
    """(scope, nonce, age in seconds) of a valid token; raises signing.BadSignature."""
    value = _TokenSigner().unsign_object(token, max_age=TOKEN_MAX_AGE)
    if not isinstance(value, dict) or not {"s", "n"} <= value.keys():
        raise signing.BadSignature("Malformed form token")
    # The signature is checked; the time it carries is the part before it.
    issued_at = signing.b62_decode(token.rsplit(":", 2)[-2])
    return value["s"], value["n"], max(0.0, time.time() - issued_at)


def refresh_form_tokens(content):
    """The page with every form token issued anew (for a page served from the cache)."""
    if b'name="form_token"' not in content:
        return content

    def fresh(match):
        try:
            scope, _nonce, _age = read_token(match.group(2).decode())
        except (signing.BadSignature, UnicodeDecodeError):
            return match.group(0)
        return match.group(1) + issue_token(scope).encode() + match.group(3)

    return TOKEN_IN_HTML.sub(fresh, content)


def split_at_form_tokens(content):
    """The page cut around its form tokens: (pieces, scopes), one piece more than
    scopes. The page cache stores these, so that a hit only issues the new tokens
    (`fresh_tokens`) instead of searching the page and checking the old ones."""
    pieces, scopes, start = [], [], 0
    if b'name="form_token"' in content:
        for match in TOKEN_IN_HTML.finditer(content):
            try:
                scope, _nonce, _age = read_token(match.group(2).decode())
            except (signing.BadSignature, UnicodeDecodeError):
                continue
            pieces.append(content[start : match.start(2)])
            scopes.append(scope)
            start = match.end(2)
    pieces.append(content[start:])
    return tuple(pieces), tuple(scopes)


def fresh_tokens(scopes):
    """A new token for each scope (see `split_at_form_tokens`)."""
    signer = _TokenSigner()  # one per page: a cached page has one to three forms
    return [issue_token(scope, signer=signer).encode() for scope in scopes]


def joined_with_tokens(pieces, tokens):
    """Content cut by `split_at_form_tokens`, with these tokens put in the cuts."""
    parts = [pieces[0]]
    for token, piece in zip(tokens, pieces[1:], strict=True):
        parts += [token, piece]
    return b"".join(parts)


class HoneypotInput(forms.TextInput):
    """A text field hidden from people (CSS class and aria-hidden wrapper in the template)."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


class ProtectedForm(forms.Form):
    """Base of every public form: adds the honeypot and the signed form token.

    Subclasses set `form_scope`, a short name of the kind of form ("contact"). A token
    is accepted only for its scope, within TOKEN_MAX_AGE, and once (see `screen`).
    """

    form_scope = ""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=HoneypotInput(),
    )
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.form_scope:
            raise TypeError(f"{type(self).__name__} must set form_scope")
        self.fields[TOKEN_FIELD].initial = issue_token(self.form_scope)
        self.token_nonce = None
        self.token_age = None

    def visible_fields(self):
        """The fields a person fills in; the honeypot is rendered on its own."""
        return [
            field for field in super().visible_fields() if field.name != HONEYPOT_FIELD
        ]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def clean_form_token(self):
        token = self.cleaned_data.get(TOKEN_FIELD, "")
        try:
            scope, nonce, age = read_token(token)
        except signing.SignatureExpired as error:
            raise forms.ValidationError(
                _(
                    "The form was open for too long. Please check your entries and "
                    "send it again."
                ),
                code="expired",
            ) from error
        except signing.BadSignature as error:
            raise forms.ValidationError(
                _(
                    "The form could not be checked. Please reload the page and send "
                    "it again."
                ),
                code="invalid_token",
            ) from error
        if scope != self.form_scope:
            raise forms.ValidationError(
                _(
                    "The form could not be checked. Please reload the page and send "
                    "it again."
                ),
                code="invalid_token",
            )
        self.token_nonce, self.token_age = nonce, age
        return token

    def full_clean(self):
        super().full_clean()
        if self.is_bound and self.errors:
            self.renew_token()

    def renew_token(self):
        """A form shown again (with its errors) is a new showing: it gets a new token."""
        self.data = self.data.copy()
        self.data[self.add_prefix(TOKEN_FIELD)] = issue_token(self.form_scope)

    def add_token_error(self, message):
        """Show a message at the top of the form; the next submission gets a new token."""
        self.add_error(None, message)
        self.renew_token()

    def error_summary(self):
        """(field id or None, message) pairs for the error summary above the form."""
        summary = [(None, message) for message in self.non_field_errors()]
        for field in self:
            if field.name in (TOKEN_FIELD, HONEYPOT_FIELD):
                continue
            summary.extend((field.id_for_label, message) for message in field.errors)
        if self.has_error(TOKEN_FIELD):
            summary.extend((None, message) for message in self.errors[TOKEN_FIELD])
        return summary


@dataclass(frozen=True)
class Verdict:
    """What a view does with a valid submission: accept it, drop it silently or refuse it."""

    outcome: str  # "accept", "drop" or "reject"
    status: int = 200

    @property
    def accepted(self):
        return self.outcome == "accept"

    @property
    def dropped(self):
        return self.outcome == "drop"

    @property
    def rejected(self):
        return self.outcome == "reject"


ACCEPT = Verdict("accept")
DROP = Verdict("drop")


def client_address(request):
    """The visitor's address, read as the login lockout reads it (AXES_PROXY_COUNT)."""
    return get_client_ip_address(request) or "unknown"


def _over_limit(scope, key):
    """Counts one submission under key; True when the window's limit is passed.

    Without an answer from the shared cache the limit is not enforced: losing a
    person's registration to a cache fault is worse than letting a few more through,
    and the honeypot and fill time still apply.
    """
    limit, window = _setting("FORM_RATE_LIMIT", (5, 600))
    # Hashed: the cache keeps no e-mail or IP address in readable form.
    cache_key = "formrate:" + salted_hmac(TOKEN_SALT, f"{scope}|{key}").hexdigest()
    try:
        cache.add(cache_key, 0, window)
        count = cache.incr(cache_key)
    except Exception:  # noqa: BLE001 - any cache fault: see docstring
        logger.warning("Form rate limit not checked: the shared cache did not answer.")
        return False
    return count > limit


def _first_use(nonce):
    """True the first time a token's nonce is seen (a replayed form is refused).

    A cache that does not answer says neither "added" nor "seen": the message of a
    person then goes through rather than being refused as a replay.
    """
    key = f"formtoken:{nonce}"
    try:
        return cache.add(key, 1, TOKEN_MAX_AGE) or cache.get(key) is None
    except Exception:  # noqa: BLE001 - see docstring
        return True


def screen(request, form, *, rate_keys=(), scope_suffix=""):
    """Decide on a valid submission of a ProtectedForm.

    Call after `form.is_valid()`. Rejections add a message to the form; render it again
    with `verdict.status`. A dropped submission must get the same answer as an accepted
    one, with nothing stored or sent.
    """
    if form.cleaned_data.get(HONEYPOT_FIELD):
        return DROP
    if form.token_age is None or form.token_age < _setting("FORM_MIN_FILL_SECONDS", 3):
        return DROP
    scope = f"{form.form_scope}:{scope_suffix}" if scope_suffix else form.form_scope
    keys = [f"address:{client_address(request)}"] + [
        f"key:{str(key).strip().lower()}" for key in rate_keys if key
    ]
    # Every key is counted, so a flood from many addresses with one e-mail is caught too.
    over_limit = [_over_limit(scope, key) for key in keys]
    if any(over_limit):
        form.add_token_error(
            gettext(
                "Too many requests came from your address in a short time. Please "
                "try again in a few minutes."
            )
        )
        return Verdict("reject", 429)
    if not _first_use(form.token_nonce):
        form.add_token_error(
            gettext(
                "This form has already been sent. If you want to send something "
                "else, please fill it in again."
            )
        )
        return Verdict("reject", 400)
    return ACCEPT


def _same_origin(request):
    """False for a POST that a browser says comes from another site."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == request.get_host()
    return True


def public_form_view(view):
    """A view that receives a public form: POST only, no CSRF cookie, same origin.

    Without JavaScript a cached page cannot carry a per-visitor CSRF token; the form
    token (bound to its form, expiring, accepted once) and the browser's Origin and
    Sec-Fetch-Site headers stand in for it on these anonymous forms.
    """

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            if not _same_origin(request):
                return HttpResponseForbidden(
                    gettext("This form can only be sent from our own website."),
                    content_type="text/plain; charset=utf-8",
                )
        elif request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "POST"])
        return view(request, *args, **kwargs)

    return wrapped
