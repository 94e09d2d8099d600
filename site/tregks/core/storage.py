"""Media storages that fail cleanly: no partial file left, one clear error type.

Django's FileSystemStorage leaves a truncated file behind when the disk fills up in
the middle of a write, and an S3 refusal surfaces as a botocore exception. These
subclasses (settings STORAGES["default"]) remove what a failed write left and raise
StorageWriteError with the reason, which the upload forms turn into a message for
the editor (tregks.core.upload_forms). The S3 variant is in storage_s3.py, so that
botocore is imported only where MEDIA_STORAGE=s3.
"""

import contextlib
import errno
import os

from django.core.files.storage import FileSystemStorage


class StorageWriteError(OSError):
    """A file could not be written to the media storage; nothing of it was kept.

    reason: "full" (no space or quota left), "read_only", "refused" (an object store
    said no) or "failed" (any other error).
    """

    def __init__(self, reason, detail):
        super().__init__(detail)
        self.reason = reason


REASONS_BY_ERRNO = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EFBIG: "full",
    errno.EROFS: "read_only",
    errno.EACCES: "read_only",
    errno.EPERM: "read_only",
}


class MediaFileSystemStorage(FileSystemStorage):
    """The local media folder; a failed write removes its partial file."""

    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.lexists(path)
        try:
            return super()._save(name, content)
        except OSError as error:
            if not existed:  # the file is this write's own, truncated
                with contextlib.suppress(OSError):
                    os.remove(path)
            reason = REASONS_BY_ERRNO.get(error.errno, "failed")
            raise StorageWriteError(reason, f"{name}: {error}") from error
