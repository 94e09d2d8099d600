"""Sign-up, confirmation and unsubscribe pages of the newsletter."""

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from tregks.core.form_protection import public_form_view, screen

from . import signup
from .forms import SubscribeForm
from .models import Subscription
from .tokens import InvalidToken, read_confirm_token, read_unsubscribe_token


@public_form_view
def subscribe(request):
    """The sign-up page (GET) and where every newsletter box posts to.

    Errors are shown here, in a page of their own: the boxes in the footer and on the
    home page come from the page cache and cannot show them.
    """
    if request.method != "POST":
        return render(request, "newsletter/subscribe.html", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    verdict = screen(request, form, rate_keys=[email])
    if verdict.rejected:
        return render(
            request, "newsletter/subscribe.html", {"form": form}, status=verdict.status
        )
    if verdict.accepted:
        signup.request_subscription(email, get_language())
    # The same answer for every address, known or new, and for a bot.
    return redirect("newsletter_requested")


def requested(request):
    """ "Please check your inbox" (a cacheable page: it names no address)."""
    return render(request, "newsletter/requested.html")


def _invalid_link(request):
    return render(request, "newsletter/invalid_link.html", status=400)


@never_cache
@public_form_view
def confirm(request, token):
    """The link of the confirmation mail shows a button; the button confirms.

    A GET changes nothing: mail security scanners open links before the reader does,
    and a subscription confirmed by a scanner would prove no consent.
    """
    try:
        subscription = Subscription.objects.filter(pk=read_confirm_token(token)).first()
    except InvalidToken:
        subscription = None
    if subscription is None or subscription.status == Subscription.Status.UNSUBSCRIBED:
        return _invalid_link(request)
    if request.method == "POST":
        signup.confirm(subscription)
        return render(
            request,
            "newsletter/confirmed.html",
            {"unsubscribe_url": signup.unsubscribe_url(subscription)},
        )
    return render(
        request, "newsletter/confirm.html", {"confirmed": subscription.confirmed_at}
    )


@never_cache
@csrf_exempt
def unsubscribe(request, token):
    """The unsubscribe link of every mail and the RFC 8058 one-click endpoint.

    POST unsubscribes at once: mail programs send `List-Unsubscribe=One-Click` from
    their own servers, without a CSRF token or the site's Origin, so the view is
    exempt from both; the signed token is the proof, and a repeated POST changes
    nothing. GET only shows a button that makes that POST: link checkers and
    prefetching mail programs open links, and must not unsubscribe anyone.
    """
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        subscription_id = read_unsubscribe_token(token)
    except InvalidToken:
        return _invalid_link(request)
    if request.method == "POST":
        # A deleted subscription is unsubscribed too: the same answer.
        signup.unsubscribe(subscription_id)
        return render(request, "newsletter/unsubscribed.html")
    return render(request, "newsletter/unsubscribe.html")
