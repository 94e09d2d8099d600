"""Upload forms that store the file while validating, so a storage error is a form error.

Wagtail's add views (images, documents, wagtailmedia, their choosers and the multiple
upload) write the file inside model.save(), after validation: a full or read-only disk
or a refusing object store then ends in the public 500 page and the editor loses the
form. Forms with this mixin write new files at the end of full_clean(), once every other
check has passed. If the storage fails, the form gets an error on the file field in the
editor's language, and the view shows it again with title, collection and tags as
typed; no row is saved without its file, and the storage (tregks.core.storage) has
removed any partial file. The file saved here is committed, so model.save() does not
write it a second time.
"""

import logging

from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from .storage import StorageWriteError

logger = logging.getLogger("tregks.uploads")

REASONS = {
    "full": _("The file could not be stored because the storage for uploads is full."),
    "read_only": _(
        "The file could not be stored because the storage for uploads is read-only "
        "at the moment."
    ),
    "refused": _("The file could not be stored because the file storage refused it."),
    "failed": _(
        "The file could not be stored because of an error of the file storage."
    ),
}
NOTHING_LOST = _(
    "Nothing has been saved, and your other entries are still in the form. Please "
    "choose the file again and save once more later; if it keeps failing, tell the "
    "site administrators."
)


def storage_error_message(error):
    return f"{REASONS.get(error.reason, REASONS['failed'])} {NOTHING_LOST}"


class StoreFilesWhenValid:
    """Form mixin for model forms with file fields (see the module docstring)."""

    def new_uploads(self):
        """Names of the model file fields that received a new upload."""
        file_fields = {
            field.name
            for field in self.instance._meta.concrete_fields
            if isinstance(field, models.FileField)
        }
        return [
            name
            for name in self.changed_data
            if name in file_fields
            and isinstance(self.cleaned_data.get(name), UploadedFile)
        ]

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or self.errors:
            return
        stored = []
        for name in self.new_uploads():
            field_file = getattr(self.instance, name)
            try:
                field_file.save(field_file.name, self.cleaned_data[name], save=False)
            except StorageWriteError as error:
                logger.error(
                    "Upload failed: storage %s (%s)", error.reason, error, exc_info=True
                )
                for done in stored:  # a media file whose thumbnail failed, say
                    done.storage.delete(done.name)
                self.add_error(name, storage_error_message(error))
                return
            stored.append(field_file)
