"""The expert groups gather their items from the content apps through hooks."""

from wagtail import hooks

from . import sources

# Order on the page: press, stories, podcast (events add their own hook).
hooks.register("expert_group_items", sources.press_releases)
hooks.register("expert_group_items", sources.stories)
hooks.register("expert_group_items", sources.episodes)
