"""Registrations in the admin and the retention task."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from events.models import EventPage
from tregks.core.scheduled import ScheduledTask

from . import admin_views
from .booking import source_event
from .retention import purge

admin_urlpatterns = [
    path("", admin_views.EventListView.as_view(), name="index"),
    path(
        "event/<int:event_id>/",
        admin_views.EventRegistrationsView.as_view(),
        name="event",
    ),
    path("event/<int:event_id>/csv/", admin_views.export_csv, name="csv"),
    path(
        "<int:registration_id>/cancel/",
        admin_views.CancelView.as_view(),
        name="cancel",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "registrations/",
            include((admin_urlpatterns, "registrations_admin")),
        )
    ]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.managed_events(request.user).exists()


@hooks.register("register_admin_menu_item")
def registrations_menu_item():
    return RegistrationsMenuItem(
        _("Registrations"),
        reverse("registrations_admin:index"),
        icon_name="group",
        order=260,
    )


def _registrations_button(page, user, view_name=None, next_url=None):
    """ "Registrations" on event pages, for the event's organisers."""

    model = page.specific_class
    if model is None or not issubclass(model, EventPage):
        return
    if admin_views.may_manage(user, page):
        yield ListingButton(
            _("Registrations"),
            reverse("registrations_admin:event", args=[source_event(page).pk]),
            priority=45,
            icon_name="group",
        )


hooks.register("register_page_listing_more_buttons", _registrations_button)
hooks.register("register_page_header_buttons", _registrations_button)


@hooks.register("register_scheduled_task")
def purge_registrations_task():

    return ScheduledTask(name="registrations.purge", run=purge)
