"""StreamField blocks of an event's programme."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from tregks.core.blocks import HeadingBlock, ParagraphBlock


class ProgrammeItemBlock(blocks.StructBlock):
    """One point of the programme: when, what, and who speaks."""

    start_time = blocks.TimeBlock(label=_("From"), required=False, format="%H:%M")
    end_time = blocks.TimeBlock(label=_("Until"), required=False, format="%H:%M")
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)
    speakers = blocks.CharBlock(
        label=_("Speakers"),
        required=False,
        max_length=250,
        help_text=_("Roles or organisations rather than names, e.g. “Works council”."),
    )

    class Meta:
        icon = "time"
        template = "events/blocks/programme_item.html"
        label = _("Programme item")


class ProgrammeStreamBlock(blocks.StreamBlock):
    """The programme: timed items, with headings and text between them."""

    item = ProgrammeItemBlock()
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
