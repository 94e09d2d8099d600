"""`{% registration_box page %}`: the registration box of an event page."""

from django import template
from django.urls import reverse

from tregks.core import navigation

from ..forms import RegistrationForm
from ..views import registration_status

register = template.Library()


def privacy_url(request):
    """The privacy page in the reader's language (footer links), or None."""
    for link in navigation.site_chrome(request)["footer"] if request else ():
        if link.get("field") == "privacy_page":
            return link["url"]
    return None


@register.inclusion_tag(
    "registrations/includes/registration_box.html", takes_context=True
)
def registration_box(context, page):
    # Synchronised across translations: no query for events without registration.
    if not getattr(page, "registration_open", False) or page.is_past:
        return {"show": False}
    status = registration_status(page)
    event = status["event"]
    return {
        "show": True,
        "page": page,
        "form": None if status["closed"] else RegistrationForm(event=event),
        "submit_url": reverse("registrations:submit", kwargs={"event_id": page.pk}),
        "privacy_url": privacy_url(context.get("request")),
        "places_url": reverse("registrations:places", kwargs={"event_id": page.pk}),
        **status,
    }
