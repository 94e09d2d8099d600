"""Page models (to be built)."""
