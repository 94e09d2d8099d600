"""Public views: submit the form, confirm, cancel, and the current places.

The event page itself stays cacheable: the form carries no CSRF token (core form
protection checks origin, a signed token, fill time, honeypot and rate limit instead),
and the places left come from `places`, a small uncached JSON view the page asks for
(registrations/static/registrations/places.js). That is cheaper than dropping the page
cache on every registration change: the page cache has one generation for the whole
site (tregks.cache.generation), so each confirmation would re-render every page for
every reader, while the places view costs two small queries per reader of an event
page only.

Confirmation and cancellation links lead to a page with one button: the change happens
on POST, so mail scanners that open links do not confirm or cancel anything. Those
pages name a secret token in their address: never cached, and no referrer is sent.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from events.models import EventPage
from tregks.core.form_protection import public_form_view, screen

from . import booking
from .forms import RegistrationForm
from .models import RegistrationState


def _event_page(event_id):

    page = EventPage.objects.live().public().filter(pk=event_id).first()
    if page is None:
        raise Http404(_("This event does not exist or is no longer published."))
    return page


def _private(response):
    """Token pages: never cached, and their address never leaves as a referrer."""
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def places_text(event, reason, left):
    """What the box says about places: shared by the page and the JSON view.

    `reason` and `left` come from closed_reason and places_left (counted once)."""
    if reason:
        return str(reason)
    if left is None:
        return _("Places are available.")
    if left == 0:
        if event.waitlist_enabled:
            return _(
                "The event is fully booked. You can join the waiting list: if a place "
                "becomes free, it goes to the first person on the list."
            )
        return _("The event is fully booked.")
    return translation.ngettext(
        "%(count)d place left.", "%(count)d places left.", left
    ) % {"count": left}


def registration_status(page):
    """Context of the registration box of an event page.

    The organiser's settings are synchronised into translations, so the page in the
    reader's language answers them; the places are counted across the translations
    (booking.confirmed_count), all in one query.
    """
    event = page.specific
    reason = booking.closed_reason(event)
    left = None if reason else booking.places_left(event)
    full = left == 0
    return {
        "event": event,
        "places_left": left,
        "closed": bool(reason) or (full and not event.waitlist_enabled),
        "waitlist": full and event.waitlist_enabled,
        "places_text": places_text(event, reason, left),
    }


@require_GET
@never_cache
def places(request, event_id):
    page = _event_page(event_id)
    status = registration_status(page)
    return JsonResponse(
        {
            "places_left": status["places_left"],
            "closed": status["closed"],
            "waitlist": status["waitlist"],
            "text": status["places_text"],
        }
    )


def _form_page(request, page, form, status, message=None):
    context = {
        "event_page": page,
        "form": form,
        "message": message,
        "submit_url": reverse("registrations:submit", kwargs={"event_id": page.pk}),
        **registration_status(page),
    }
    response = render(request, "registrations/register.html", context, status=status)
    return _private(response)


@public_form_view
def submit(request, event_id):
    page = _event_page(event_id)
    event = booking.source_event(page)
    form = RegistrationForm(request.POST, event=event)
    if not form.is_valid():
        return _form_page(request, page, form, status=400)
    verdict = screen(
        request,
        form,
        rate_keys=[form.cleaned_data["email"].lower()],
        scope_suffix=str(event.pk),
    )
    if verdict.rejected:
        return _form_page(request, page, form, status=verdict.status)
    if verdict.accepted:
        try:
            booking.register(page, form.cleaned_data, translation.get_language())
        except booking.RegistrationRefused as refused:
            # The form is shown again: a new token for the next attempt.
            form.add_token_error(refused.message)
            return _form_page(request, page, form, status=refused.status)
    # A bot gets the same answer as a person; nothing was stored or sent for it.
    return redirect("registrations:sent", event_id=page.pk)


@require_GET
def sent(request, event_id):
    page = _event_page(event_id)
    return render(
        request,
        "registrations/sent.html",
        {"event_page": page, "valid_hours": booking.CONFIRMATION_VALID_HOURS},
    )


def _message_page(request, message, status, page=None, title=None):
    response = render(
        request,
        "registrations/message.html",
        {"message": message, "event_page": page, "heading": title},
        status=status,
    )
    return _private(response)


def _find_or_message(request, token):
    try:
        return booking.find(token), None
    except booking.RegistrationRefused as refused:
        return None, _message_page(
            request,
            refused.message,
            refused.status,
            title=_("Link not valid"),
        )


def _live_translation(registration):
    language = translation.get_language()
    event = booking.event_in_language(registration.event.specific, language)
    return event if event.live else None


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    registration, refusal = _find_or_message(request, token)
    if refusal:
        return refusal
    if request.method == "POST":
        return _confirm_post(request, token)
    page = _live_translation(registration)
    if registration.state != RegistrationState.PENDING or booking.confirmation_expired(
        registration
    ):
        # A reused or expired link: say why without a button.
        return _confirm_now(request, token)
    return _private(
        render(
            request,
            "registrations/confirm.html",
            {"registration": registration, "event_page": page},
        )
    )


def _confirm_now(request, token):
    try:
        outcome = booking.confirm(token)
    except booking.RegistrationRefused as refused:
        return _message_page(
            request, refused.message, refused.status, title=_("Not confirmed")
        )
    registration = outcome.registration
    page = _live_translation(registration)
    return _private(
        render(
            request,
            "registrations/confirmed.html",
            {
                "registration": registration,
                "event_page": page,
                "waitlisted": registration.state == RegistrationState.WAITLISTED,
                "online_url": getattr(page, "online_url", "")
                if page is not None
                and registration.state == RegistrationState.CONFIRMED
                else "",
                "cancel_url": reverse("registrations:cancel", kwargs={"token": token}),
            },
        )
    )


# The same-origin check of every public form, for the button of the confirm page.
_confirm_post = public_form_view(_confirm_now)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    registration, refusal = _find_or_message(request, token)
    if refusal:
        return refusal
    page = _live_translation(registration)
    if registration.state == RegistrationState.CANCELLED:
        return _message_page(
            request,
            _("This registration has already been cancelled."),
            409,
            page=page,
            title=_("Already cancelled"),
        )
    if request.method == "POST":
        return _cancel_now(request, registration, page)
    return _private(
        render(
            request,
            "registrations/cancel.html",
            {"registration": registration, "event_page": page},
        )
    )


@public_form_view
def _cancel_now(request, registration, page):
    try:
        booking.cancel(registration)
    except booking.RegistrationRefused as refused:
        return _message_page(
            request,
            refused.message,
            refused.status,
            page=page,
            title=_("Not cancelled"),
        )
    return _message_page(
        request,
        _("Your registration has been cancelled. Thank you for letting us know."),
        200,
        page=page,
        title=_("Registration cancelled"),
    )
