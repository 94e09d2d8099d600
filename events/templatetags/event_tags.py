"""When an event takes place, in the reader's language, with valid <time> elements."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

from tregks.core.templatetags.site_tags import machine_datetime

register = template.Library()


def _time(value, text):
    return format_html('<time datetime="{}">{}</time>', machine_datetime(value), text)


@register.simple_tag
def event_when(event):
    """Date and time in Europe/Berlin: one day, several days, all day or timed."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end) if event.end else None
    if event.all_day:
        first = _time(start.date(), date_format(start, "DATE_FORMAT"))
        if end is None or end.date() == start.date():
            return first
        last = _time(end.date(), date_format(end, "DATE_FORMAT"))
        return format_html("{} – {}", first, last)
    first = _time(
        start,
        _("%(date)s, %(time)s")
        % {
            "date": date_format(start, "DATE_FORMAT"),
            "time": date_format(start, "TIME_FORMAT"),
        },
    )
    if end is None:
        return first
    if end.date() == start.date():
        last = _time(end, date_format(end, "TIME_FORMAT"))
    else:
        last = _time(
            end,
            _("%(date)s, %(time)s")
            % {
                "date": date_format(end, "DATE_FORMAT"),
                "time": date_format(end, "TIME_FORMAT"),
            },
        )
    return format_html("{} – {}", first, last)


@register.simple_tag
def event_timezone_note(event):
    """Timed events say which clock they follow (visitors may read from abroad)."""
    if event.all_day:
        return ""
    return format_html(
        '<span class="event-when__zone">{}</span>',
        _("Time in Kassel (%(zone)s)")
        % {"zone": timezone.localtime(event.start).tzname()},
    )
