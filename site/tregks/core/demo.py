"""Kept for code written before the demo moved: the helpers live in tregks.demo.pages."""

from tregks.demo.pages import (  # noqa: F401
    MissingDemoTranslation,
    Phrasebook,
    body,
    demo_image,
    get_locale,
    get_or_create_child,
    rich_text,
    root_page,
    translate,
    translate_tree,
)
