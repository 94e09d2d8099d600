"""Keep episodes' audio facts in step with their media items."""


def media_saved(sender, instance, **kwargs):
    from .models import refresh_episodes_for_media

    refresh_episodes_for_media(instance)
