"""The lead's admin views of the subscriber list: listing, deletion and CSV export."""

import csv
import io

from django.core.exceptions import PermissionDenied
from django.http import StreamingHttpResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import Subscription
from .signup import unsubscribe_url

EXPORT_COLUMNS = (
    "email",
    "language",
    "consent_version",
    "requested_at",
    "confirmed_at",
    "unsubscribe_url",
)


class SubscriptionPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, but nobody adds or edits a subscriber by hand: consent is
    only given through the double opt-in on the site."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "change")]
        )


def may_export(user):
    return user.is_active and user.has_perm("newsletter.export_subscription")


class _Echo:
    def write(self, value):
        return value


def export_rows(queryset):
    """CSV lines; a byte order mark first so that Excel reads the file as UTF-8."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(EXPORT_COLUMNS)
    for subscription in queryset.iterator():
        yield writer.writerow(
            [
                subscription.email,
                subscription.language,
                subscription.consent_version,
                subscription.requested_at.isoformat(),
                subscription.confirmed_at.isoformat(),
                unsubscribe_url(subscription),
            ]
        )


def export_csv(request):
    """Confirmed subscribers as CSV (`?language=de` for one language)."""
    if not may_export(request.user):
        raise PermissionDenied
    language = request.GET.get("language") or None
    response = StreamingHttpResponse(
        export_rows(Subscription.objects.for_export(language)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    suffix = f"-{language}" if language else ""
    response["Content-Disposition"] = (
        f'attachment; filename="newsletter{suffix}-{stamp}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def export_text(queryset):
    """The whole export as one string (management command, tests)."""
    buffer = io.StringIO()
    for line in export_rows(queryset):
        buffer.write(line)
    return buffer.getvalue()


class SubscriptionIndexView(IndexView):
    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if may_export(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Export confirmed subscribers (CSV)"),
                    url=reverse("newsletter:export"),
                    icon_name="download",
                )
            )
        return buttons


def status_label(subscription):
    return subscription.get_status_display()


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = SubscriptionIndexView
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["email"]  # never shown: nobody may add or edit (the policy)
    list_display = [
        "email",
        "language",
        Column("status", label=_("Status"), accessor=status_label),
        "requested_at",
        "confirmed_at",
    ]
    list_filter = ["language"]
    search_fields = ["email"]
    inspect_view_fields = [
        "email",
        "language",
        "consent_version",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
    ]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("export/", export_csv, name="export")]
