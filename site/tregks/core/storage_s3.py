"""S3-compatible media storage with the error type of tregks.core.storage."""

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from .storage import StorageWriteError


class MediaS3Storage(S3Storage):
    """A refused upload raises StorageWriteError and leaves no object: a single PUT is
    all or nothing, and boto3 aborts a multipart upload that fails."""

    def save(self, name, content, max_length=None):
        try:
            return super().save(name, content, max_length=max_length)
        except (BotoCoreError, ClientError) as error:
            raise StorageWriteError("refused", f"{name}: {error}") from error
