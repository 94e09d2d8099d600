"""Admin panels of the podcast: a warning where a directory would refuse the show."""

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from wagtail.admin.panels import HelpPanel

from .directory import directory_warnings


class DirectoryWarningPanel(HelpPanel):
    """Lists what Apple, Spotify or the Podcast Index would refuse in the saved show.

    Shown only while there is something to fix; saving stays possible, so a draft can
    wait for the real owner address.
    """

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # A new show has nothing to check yet; warn from the first save on.
            saved = self.instance is not None and self.instance.pk
            self.warnings = directory_warnings(self.instance) if saved else []

        def is_shown(self):
            return bool(self.warnings)

        def render_html(self, parent_context=None):
            return format_html(
                '<div class="help-block help-warning directory-warning" role="status">'
                "<p><strong>{}</strong></p><ul>{}</ul></div>",
                _("Podcast directories would refuse this show:"),
                format_html_join("", "<li>{}</li>", ((w,) for w in self.warnings)),
            )
