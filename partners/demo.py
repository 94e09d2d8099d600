"""Kept for builders written before the demo moved: see tregks/demo/partners.py."""

from tregks.demo.partners import ensure_sections  # noqa: F401
