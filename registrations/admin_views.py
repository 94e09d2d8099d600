"""The organiser's views in the admin: registrations of an event, CSV export, cancel.

Who is an organiser: whoever may edit the event's page in the default language
(the partner's editors and approvers through their section, site administrators).
The lead holds no page permission and translators only the English tree, so neither
sees personal data. Every view checks this for the one event it shows; a refused
request gets Wagtail's own refusal, which names nothing.
"""

import csv
import io

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from events.models import EventPage

from . import booking
from .models import Registration, RegistrationState

# Spreadsheet programs run cells that start with these as formulas (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def may_manage(user, page):
    """True if `user` organises the event (see module docstring)."""
    if user.is_superuser:
        return True
    event = booking.source_event(page)
    return event.permissions_for_user(user).can_edit()


def managed_events(user):
    """The events (default language) whose registrations `user` may see."""

    events = EventPage.objects.filter(locale=Locale.get_default())
    if not user.is_superuser:
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            user, ["change"]
        )
        events = events.filter(pk__in=editable.values("pk"))
    return events.order_by("-start", "-pk")


def _event_or_refuse(request, event_id):

    page = EventPage.objects.filter(pk=event_id).first()
    if page is None:
        raise Http404
    if not may_manage(request.user, page):
        return None
    return booking.source_event(page)


def state_counts(event):
    counts = dict.fromkeys(RegistrationState.values, 0)
    rows = Registration.objects.for_event(event).values_list("state", flat=True)
    for state in rows:
        counts[state] += 1
    return counts


class EventListView(WagtailAdminTemplateMixin, TemplateView):
    """Events the user organises, with their numbers."""

    page_title = gettext_lazy("Registrations")
    header_icon = "group"
    template_name = "registrations/admin/index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for event in managed_events(self.request.user):
            rows.append({"event": event, "counts": state_counts(event)})
        context["rows"] = rows
        return context


class EventRegistrationsView(WagtailAdminTemplateMixin, TemplateView):
    """The registrations of one event."""

    header_icon = "group"
    template_name = "registrations/admin/event.html"

    def dispatch(self, request, event_id):
        self.event = _event_or_refuse(request, event_id)
        if self.event is None:
            return permission_denied(request)
        return super().dispatch(request, event_id)

    def get_page_title(self):
        return _("Registrations")

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("registrations_admin:index"), "label": _("Registrations")},
            {"url": "", "label": self.event.title},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        context.update(
            event=event,
            registrations=Registration.objects.for_event(event).for_admin(),
            counts=state_counts(event),
            places_left=booking.places_left(event),
            csv_url=reverse("registrations_admin:csv", args=[event.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
            active_states=[
                RegistrationState.PENDING,
                RegistrationState.CONFIRMED,
                RegistrationState.WAITLISTED,
            ],
        )
        return context


def _cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _when(value):
    return (
        date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""
    )


def export_csv(request, event_id):
    """CSV for Excel: UTF-8 with byte order mark (umlauts), `;` between fields (the
    list separator of German Excel, which opens the file straight into columns)."""
    event = _event_or_refuse(request, event_id)
    if event is None:
        return permission_denied(request)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            _("Name"),
            _("E-mail address"),
            _("Organisation"),
            _("Role"),
            _("Needs"),
            _("Language"),
            _("State"),
            _("Registered at"),
            _("Confirmed at"),
            _("Cancelled at"),
            _("Consent text version"),
        ]
    )
    for registration in Registration.objects.for_event(event).order_by(
        "created_at", "pk"
    ):
        writer.writerow(
            [
                _cell(registration.name),
                _cell(registration.email),
                _cell(registration.organisation),
                _cell(registration.role),
                _cell(registration.needs),
                registration.language,
                registration.get_state_display(),
                _when(registration.created_at),
                _when(registration.confirmed_at),
                _when(registration.cancelled_at),
                registration.consent_version,
            ]
        )
    response = HttpResponse(
        ("\ufeff" + buffer.getvalue()).encode("utf-8"),
        content_type="text/csv; charset=utf-8",
    )
    filename = f"anmeldungen-{slugify(event.slug)[:60] or event.pk}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


class CancelView(WagtailAdminTemplateMixin, TemplateView):
    """Ask, then cancel one registration as the organiser (the person is told)."""

    header_icon = "group"
    template_name = "registrations/admin/cancel.html"

    def dispatch(self, request, registration_id):
        self.registration = (
            Registration.objects.select_related("event")
            .filter(pk=registration_id)
            .first()
        )
        if self.registration is None:
            raise Http404
        if not may_manage(request.user, self.registration.event):
            return permission_denied(request)
        self.event = self.registration.event
        return super().dispatch(request, registration_id)

    def get_page_title(self):
        return _("Cancel registration")

    def get_page_subtitle(self):
        return self.event.title

    def event_url(self):
        return reverse("registrations_admin:event", args=[self.event.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("registrations_admin:index"), "label": _("Registrations")},
            {"url": self.event_url(), "label": self.event.title},
            {"url": "", "label": _("Cancel registration")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(registration=self.registration, event_url=self.event_url())
        return context

    def post(self, request, registration_id):
        try:
            outcome = booking.cancel(self.registration, by_organiser=True)
        except booking.RegistrationRefused as refused:
            messages.error(request, str(refused.message))
            return redirect(self.event_url())
        text = _("The registration of %(name)s has been cancelled.") % {
            "name": self.registration.name
        }
        if outcome.promoted:
            names = ", ".join(moved.name for moved, _token in outcome.promoted)
            text += " " + _("Moved up from the waiting list: %(names)s.") % {
                "names": names
            }
        messages.success(request, text)
        return redirect(self.event_url())
