"""Barrier reports: the form page editors place, and the reports it receives."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail_localize.fields import TranslatableField

from tregks.core.models import BasePage

from .forms import PAGE_MAX_LENGTH, BarrierReportForm

# Hesse: a report left unanswered for six weeks may go to the enforcement body
# (§ 6 HVBIT); the answer is due then.
ANSWER_WEEKS = 6
# The lead's staff are reminded this many days before an open report is due.
REMINDER_DAYS_BEFORE = 7


def safe_page_path(value, host):
    """The path of a page on this site named by `value`, or "" when it names none.

    Accepts a path ("/de/presse/") or a full address on this host; anything else
    (another site, "//host", "javascript:", control characters) is dropped, so that a
    link made by a stranger cannot prefill the form with something misleading.
    """
    value = (value or "").strip()
    if not value or len(value) > PAGE_MAX_LENGTH:
        return ""
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        return ""
    parts = urlsplit(value)
    if (parts.scheme or parts.netloc) and (
        parts.scheme not in ("http", "https") or parts.netloc != host
    ):
        return ""
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return ""
    return parts.path + (f"?{parts.query}" if parts.query else "")


class BarrierReportPage(BasePage):
    """The "Barriere melden" form: readers report a barrier to the lead's staff."""

    # One per language, below the home page; the footer links it on every page.
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(
        _("Introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("What readers can report and what happens next."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    search_exclude = True

    class Meta:
        verbose_name = _("Barrier report form")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if "form" not in kwargs:
            initial_page = safe_page_path(request.GET.get("page"), request.get_host())
            context["form"] = BarrierReportForm(initial={"page": initial_page})
        return context

    def serve(self, request, *args, **kwargs):
        # The page the reader comes from prefills the form: from `?page=` (the footer
        # link carries it; such pages are cached per value) or else from the Referer.
        # Without `?page=` the answer depends on the Referer, so it is not cached.
        if "page" not in request.GET and request.method == "GET":
            came_from = safe_page_path(
                request.headers.get("Referer"), request.get_host()
            )
            if came_from and came_from.split("?")[0] != self.url:
                return HttpResponseRedirect(
                    f"{self.url}?{urlencode({'page': came_from})}"
                )
            response = super().serve(request, *args, **kwargs)
            patch_cache_control(response, private=True)
            return response
        return super().serve(request, *args, **kwargs)


class BarrierReportQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=BarrierReport.Status.ANSWERED)

    def reminders_due(self, today=None):
        """Open reports due within a week that have had no reminder yet."""
        today = today or timezone.localdate()
        return self.open().filter(
            reminder_sent_at__isnull=True,
            due_date__lte=today + datetime.timedelta(days=REMINDER_DAYS_BEFORE),
        )


def due_date_for(received_at):
    return timezone.localdate(received_at) + datetime.timedelta(weeks=ANSWER_WEEKS)


class BarrierReport(models.Model):
    """A reader's report of a barrier on the site, answered by the lead's staff."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")

    page_url = models.CharField(_("Page"), max_length=PAGE_MAX_LENGTH, blank=True)
    description = models.TextField(_("What happened"))
    name = models.CharField(_("Name"), max_length=200, blank=True)
    email = models.EmailField(_("E-mail address"), max_length=254, blank=True)
    language = models.CharField(
        _("Language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    received_at = models.DateTimeField(_("Received"), default=timezone.now)
    due_date = models.DateField(
        _("Answer due by"),
        help_text=_(
            "Six weeks after receipt; then the reader may turn to the enforcement body."
        ),
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = BarrierReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("Barrier report")
        verbose_name_plural = _("Barrier reports")
        ordering = ["-received_at"]

    def __str__(self):
        return f"{timezone.localdate(self.received_at):%d.%m.%Y} {self.page_url or '–'}"

    def save(self, *args, **kwargs):
        if self.due_date is None:
            self.due_date = due_date_for(self.received_at)
        super().save(*args, **kwargs)
