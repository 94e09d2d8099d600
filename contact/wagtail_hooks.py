"""The contact app in the admin (messages) and the scheduler."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from tregks.core.scheduled import ScheduledTask

from .admin_views import MessageDetailView, MessageIndexView
from .recipients import may_read_messages
from .retention import purge_old_messages

admin_urls = (
    [
        path("", MessageIndexView.as_view(), name="index"),
        path("<int:message_id>/", MessageDetailView.as_view(), name="detail"),
    ],
    "contact_messages",
)


@hooks.register("register_admin_urls")
def register_message_urls():
    return [
        path("contact-messages/", include(admin_urls, namespace="contact_messages"))
    ]


class MessagesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_read_messages(request.user)


@hooks.register("register_admin_menu_item")
def register_messages_menu_item():
    return MessagesMenuItem(
        _("Contact messages"),
        reverse("contact_messages:index"),
        icon_name="mail",
        order=250,
    )


@hooks.register("register_scheduled_task")
def purge_contact_messages():
    return ScheduledTask(name="contact.purge", run=purge_old_messages)
