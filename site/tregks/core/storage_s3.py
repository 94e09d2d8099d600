"""Object storage (MEDIA_STORAGE=s3): the error type of tregks.core.storage, and audio
and video kept behind the site.

A refused upload raises StorageWriteError and leaves no object: a single PUT is all or
nothing, and boto3 aborts a multipart upload that fails.

Pictures stay public objects with plain URLs (pages and feeds embed them). wagtailmedia
audio and video (the "media/" folder) and documents are private objects:

- a media file's URL is the site's own `/media/<name>`; that view asks the same
  "before_serve_media_file" hooks as local storage (the editorial embargo) and then
  redirects to a signed address of the object that expires after
  MEDIA_SIGNED_URL_SECONDS (django-storages' query string auth, computed locally by
  boto3); players follow it and send their byte ranges to the object store;
- documents are streamed by Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD =
  "serve_view"), which runs the "before_serve_document" hooks.

The bucket itself must not be world-readable except for pictures (docs/
editorial-workflow.md, "Files under embargo"). botocore is imported only here, where
MEDIA_STORAGE=s3.
"""

import posixpath

from django.conf import settings
from django.urls import reverse

from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

from .storage import StorageWriteError

# Folders whose objects are private and reached through the site.
SITE_SERVED_PREFIXES = ("media/",)


class MediaS3Storage(S3Storage):
    def save(self, name, content, max_length=None):
        try:
            return super().save(name, content, max_length=max_length)
        except (BotoCoreError, ClientError) as error:
            raise StorageWriteError("refused", f"{name}: {error}") from error

    def url(self, name, parameters=None, expire=None, http_method=None):
        if name.startswith(SITE_SERVED_PREFIXES):
            return reverse("media", kwargs={"path": name})
        return super().url(name, parameters, expire, http_method)

    def signed_url(self, name, expire=None):
        """A short-lived signed address of the object, on the bucket's own host."""
        key = posixpath.join(self.location, name) if self.location else name
        return self.connection.meta.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket_name, "Key": key},
            ExpiresIn=expire or settings.MEDIA_SIGNED_URL_SECONDS,
        )
