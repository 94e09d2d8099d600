"""The expert groups gather their items through hooks, and add their demo pages."""

from wagtail import hooks

from . import sources

# Order on the page: press, stories, podcast (events add their own hook).
hooks.register("expert_group_items", sources.press_releases)
hooks.register("expert_group_items", sources.stories)
hooks.register("expert_group_items", sources.episodes)


@hooks.register("load_demo_content")
def demo_content():
    from .demo import build

    # After the partners (10) and the content (20-40), before the menu order (50).
    return (45, build)
