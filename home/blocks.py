"""Blocks used only on the home page."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class MilestoneBlock(blocks.StructBlock):
    """One dated step in the history of the network."""

    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        template = "home/blocks/milestone_block.html"
        label = _("Milestone")
        description = _("One event on the network's timeline.")
        preview_value = {
            "date": "2023-06-30",
            "title": "Start der Plattform",
            "text": "Die Plattform geht online, das Netzwerk startet offiziell.",
        }


class TimelineBlock(blocks.StreamBlock):
    """The milestone timeline, oldest first."""

    milestone = MilestoneBlock()

    class Meta:
        template = "home/blocks/timeline_block.html"
