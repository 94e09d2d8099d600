"""Serializers for the podcast's fields in the read-only API v2 (/api/v2/pages/)."""

from urllib.parse import urljoin

from django.conf import settings

from wagtail.rich_text import expand_db_html

from rest_framework import serializers


def _absolute(serializer, url):
    # The same base as Wagtail's own rendition URLs in the API (BASE_URL).
    return urljoin(settings.WAGTAILADMIN_BASE_URL, url)


class RichTextHTMLField(serializers.Field):
    """Rich text as readers see it: internal links expanded to real URLs."""

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class EpisodeAudioField(serializers.Field):
    """The episode's audio as an app needs it: absolute URL, type, size, duration."""

    def to_representation(self, page):
        if page.audio is None:
            return None
        return {
            "url": _absolute(self, page.audio.url),
            "type": page.audio_type,
            "size": page.file_size,
            "duration": page.duration,
        }


class ShowFeedField(serializers.Field):
    def to_representation(self, page):
        return page.feed_url_for(self.context.get("request"))


class PartnerListField(serializers.Field):
    """Guests in the page's language: id, name, code and address of each profile."""

    def to_representation(self, partners):
        return [
            {
                "id": partner.pk,
                "title": partner.title,
                "code": partner.code,
                "url": _absolute(self, partner.url),
            }
            for partner in partners
        ]


class TopicListField(serializers.Field):
    def to_representation(self, topics):
        return [
            {"id": topic.pk, "name": topic.name, "slug": topic.slug} for topic in topics
        ]
