"""Upload checks for documents and audio/video: type by content, not only by name.

Wagtail checks the extension and size of documents and the format of images.
These form bases (WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILMEDIA["MEDIA_FORM_BASE"])
add what an extension cannot tell: an HTML page, an SVG with script or a program
renamed to "report.pdf" is rejected with a message the editor can act on.
All three bases (WAGTAILIMAGES_IMAGE_FORM_BASE too) store the file while validating,
so a full or read-only storage is a message in the form (tregks.core.upload_forms).
"""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.settings import wagtailmedia_settings

from tregks.core.upload_forms import StoreFilesWhenValid

SNIFF_BYTES = 8192

# Programs: Windows PE, ELF, Mach-O (32/64 bit, universal), scripts with a shebang.
EXECUTABLE_SIGNATURES = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"#!",
)

# Markup a browser would run as a page or script when served inline.
ACTIVE_MARKUP = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg)\b"
    rb"|\bjavascript\s*:",
    re.IGNORECASE,
)

ZIP = (b"PK\x03\x04",)
# What a document's first bytes must look like, by extension. None: text, checked below.
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "zip": ZIP + (b"PK\x05\x06",),  # the second: an empty archive
    "rtf": (b"{\\rtf",),
    "vtt": (b"WEBVTT", b"\xef\xbb\xbfWEBVTT"),  # captions for video stories
    "csv": None,
    "txt": None,
}

# Audio and video containers, by extension (offset, signature).
MEDIA_SIGNATURES = {
    "mp3": ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2")),
    "m4a": ((4, b"ftyp"),),
    "aac": ((0, b"ID3"), (0, b"\xff\xf1"), (0, b"\xff\xf9")),
    "mp4": ((4, b"ftyp"),),
    "m4v": ((4, b"ftyp"),),
    "mov": ((4, b"ftyp"), (4, b"moov"), (4, b"wide"), (4, b"mdat")),
    "ogg": ((0, b"OggS"),),
    "oga": ((0, b"OggS"),),
    "ogv": ((0, b"OggS"),),
    "opus": ((0, b"OggS"),),
    "webm": ((0, b"\x1a\x45\xdf\xa3"),),
    "wav": ((0, b"RIFF"),),
    "flac": ((0, b"fLaC"),),
}


def _head(uploaded):
    """The first bytes of an upload, leaving the file where it was."""
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    uploaded.seek(0)
    data = uploaded.read(SNIFF_BYTES)
    uploaded.seek(position)
    return data


def _extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_not_active_content(head):
    """Reject programs and markup that a browser or operating system would run."""
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _("This file is a program, not a document. Programs cannot be uploaded."),
            code="executable",
        )
    # Skip a byte order mark and leading blanks; UTF-16 markup is caught via NUL-free text.
    if ACTIVE_MARKUP.search(head.replace(b"\x00", b"")):
        raise ValidationError(
            _(
                "This file contains web page code (HTML, SVG or script). Such files "
                "cannot be uploaded; save it as PDF instead."
            ),
            code="active_content",
        )


def check_document(uploaded):
    """Check that a document's content matches its extension and is not active content."""
    head = _head(uploaded)
    extension = _extension(uploaded.name)
    check_not_active_content(head)
    signatures = DOCUMENT_SIGNATURES.get(extension)
    if signatures is None:
        if extension in DOCUMENT_SIGNATURES:  # text: no NUL bytes, decodable
            try:
                head.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    head.decode("cp1252")
                except UnicodeDecodeError:
                    raise ValidationError(
                        _(
                            "This file is not plain text, although its name ends in .%(ext)s."
                        )
                        % {"ext": extension},
                        code="mismatch",
                    ) from None
            if b"\x00" in head:
                raise ValidationError(
                    _(
                        "This file is not plain text, although its name ends in .%(ext)s."
                    )
                    % {"ext": extension},
                    code="mismatch",
                )
        return
    if not head.startswith(signatures):
        raise ValidationError(
            _(
                "The content of this file does not match its name: it is not a .%(ext)s "
                "file. Save it again in that format and upload it once more."
            )
            % {"ext": extension},
            code="mismatch",
        )


def check_media(uploaded, media_type):
    """Check an audio or video file's extension, size and content."""
    allowed = getattr(wagtailmedia_settings, f"{media_type.upper()}_EXTENSIONS")
    extension = _extension(uploaded.name)
    if extension not in allowed:
        raise ValidationError(
            _("Files of type .%(ext)s cannot be uploaded here. Allowed: %(allowed)s.")
            % {"ext": extension or "?", "allowed": ", ".join(allowed)},
            code="extension",
        )
    limit = settings.MEDIA_MAX_UPLOAD_SIZE
    if uploaded.size > limit:
        raise ValidationError(
            _("This file is too big (%(size)s). The largest allowed size is %(limit)s.")
            % {
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(limit),
            },
            code="file_too_large",
        )
    head = _head(uploaded)
    check_not_active_content(head)
    signatures = MEDIA_SIGNATURES.get(extension, ())
    if signatures and not any(
        head[offset : offset + len(sig)] == sig for offset, sig in signatures
    ):
        raise ValidationError(
            _(
                "The content of this file does not match its name: it is not a .%(ext)s "
                "file. Save it again in that format and upload it once more."
            )
            % {"ext": extension},
            code="mismatch",
        )


class DocumentForm(StoreFilesWhenValid, BaseDocumentForm):
    """Wagtail's document form plus content checks (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        # Only a new upload needs checking; an unchanged file was checked before.
        if uploaded and "file" in self.changed_data:
            check_document(uploaded)
        return uploaded


class MediaForm(StoreFilesWhenValid, BaseMediaForm):
    """wagtailmedia's form plus type, size and content checks (MEDIA_FORM_BASE)."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if uploaded and "file" in self.changed_data:
            check_media(uploaded, self.instance.type or "audio")
        return uploaded


class ImageForm(StoreFilesWhenValid, BaseImageForm):
    """Wagtail's image form, storing the file while validating
    (WAGTAILIMAGES_IMAGE_FORM_BASE); Wagtail itself checks the image format."""
