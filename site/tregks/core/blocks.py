"""StreamField blocks shared by every page type. App-specific blocks live in the app."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page owns its single h1, so only h2 to h4 are offered."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
        help_text=_("H2 for sections, H3 and H4 for subsections."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("Subheading that structures the text.")
        preview_value = {"text": "Gemeinsam Richtung Morgen", "level": "h2"}

    def get_searchable_content(self, value):
        # The text only: indexing the level would let a search for "H2" (hydrogen)
        # find every page with a heading.
        return self.child_blocks["text"].get_searchable_content(value.get("text"))


class ParagraphBlock(blocks.RichTextBlock):
    """Running text with links and lists."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "features",
            ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")
        description = _("Running text with emphasis, links and lists.")
        preview_value = "<p>Die Region Kassel gestaltet den Wandel der Fahrzeugindustrie gemeinsam.</p>"


class ImageBlock(blocks.StructBlock):
    """An image with its alt text (overridable per use), caption and credit."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text for this use"),
        required=False,
        max_length=250,
        help_text=_(
            "Leave empty to use the image's own alt text. Describe what the image "
            "says at this point."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative only"),
        required=False,
        help_text=_("Decorative images get an empty alt text."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Image credit"), required=False, max_length=150)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("Image with alt text, caption and credit.")
        preview_value = {"caption": "Werkhalle in Nordhessen", "credit": "WFG"}


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    quote = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(
        label=_("Source"),
        required=False,
        max_length=200,
        help_text=_("Role and organisation, e.g. “Project management, WFG”."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")
        description = _("Highlighted quotation with its source.")
        preview_value = {
            "quote": "Vertrauen ist der Katalysator der Transformation.",
            "source": "Projektleitung, WFG",
        }


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with one button, linking to a page or an external address."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(
        label=_("External address"),
        required=False,
        help_text=_("Only fill in when no page is chosen."),
    )

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("Box with a short text and one button.")
        preview_value = {
            "title": "Mitmachen",
            "text": "Die Teilnahme am Netzwerk ist kostenfrei.",
            "button_label": "Kontakt aufnehmen",
            "url": "https://example.org/",
        }

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(_("Choose a page or enter an address."))
                }
            )
        return result


class DocumentLinkBlock(blocks.StructBlock):
    """A download link to a document from the library."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        max_length=150,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document link")
        description = _("Download link to a document with its format and size.")
        preview_value = {"label": "Pressemitteilung als PDF"}

    def get_searchable_content(self, value):
        # The search finds a page by the titles of the documents it offers.
        content = super().get_searchable_content(value)
        document = value.get("document")
        if document is not None:
            content.append(document.title)
        return content


class BodyStreamBlock(blocks.StreamBlock):
    """The body of content pages, press releases and profiles."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock(
        label=_("Table"),
        template="blocks/table_block.html",
        icon="table",
        description=_("A simple table; the first row can hold column headers."),
        table_options={"startRows": 3, "startCols": 3},
    )
    document = DocumentLinkBlock()

    class Meta:
        template = "blocks/body_stream_block.html"
