"""Values kept per cache generation: built once, shared, and new after every change."""

from unittest import mock

from tregks.cache import generation
from tregks.cache.generation import (
    GENERATION_KEY,
    bump_generation,
    cached_for_generation,
    page_cache,
    request_scope,
)


class Builder:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return f"value {self.calls}"


def test_a_value_is_built_once_per_generation():
    build = Builder()
    assert cached_for_generation("test-value", build) == "value 1"
    assert cached_for_generation("test-value", build) == "value 1"
    assert build.calls == 1


def test_a_new_generation_builds_the_value_again():
    build = Builder()
    cached_for_generation("test-value", build)
    bump_generation()
    assert cached_for_generation("test-value", build) == "value 2"


def test_other_processes_see_a_new_generation_at_once():
    """This process remembers values in memory; the counter decides, not the memory."""
    build = Builder()
    cached_for_generation("test-value", build)
    # Another process publishes: only the shared counter changes.
    page_cache().incr(GENERATION_KEY)
    assert cached_for_generation("test-value", build) == "value 2"


def test_a_request_reads_the_counter_once():
    build = Builder()
    cache = page_cache()
    bump_generation()  # the counter exists, as on a running site
    with mock.patch.object(cache, "get", wraps=cache.get) as get, request_scope():
        for name in ("a", "b", "c"):
            cached_for_generation(f"test-{name}", build)
            cached_for_generation(f"test-{name}", build)
    counter_reads = [c for c in get.call_args_list if c.args[0] == GENERATION_KEY]
    assert len(counter_reads) == 1
    assert build.calls == 3


def test_a_change_during_the_request_is_seen_by_the_rest_of_the_request():
    build = Builder()
    with request_scope():
        assert cached_for_generation("test-value", build) == "value 1"
        bump_generation()  # e.g. an editor's publish request
        assert cached_for_generation("test-value", build) == "value 2"


def test_without_the_shared_cache_nothing_is_remembered():
    build = Builder()
    with mock.patch.object(generation, "current_generation", return_value=None):
        cached_for_generation("test-value", build)
        page_cache().clear()
        cached_for_generation("test-value", build)
    assert build.calls == 2
