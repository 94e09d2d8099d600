"""The story's edit form: a draft may lack its video, and demo placeholders are flagged."""

from wagtail.admin.panels import HelpPanel

from tregks.core.picklists import LocalePicklistPageForm

from ..video import EXAMPLE_YOUTUBE_IDS


class ExampleVideoNotePanel(HelpPanel):
    """Warns editors that a demo story still uses a placeholder video id."""

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            return getattr(self.instance, "video_id", "") in EXAMPLE_YOUTUBE_IDS


class VideoStoryPageForm(LocalePicklistPageForm):
    """Lets an editor save a draft before the video is chosen (publishing still needs one)."""

    def _post_clean(self):
        # Saving a draft defers required fields; the "one video source" rule follows suit.
        self.instance._allow_missing_video = self.is_deferred_validation
        super()._post_clean()
