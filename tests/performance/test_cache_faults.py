"""Cache faults: a hanging or dead Redis costs readers one short timeout, then nothing;
a publish or unpublish made while the cache does not answer is never lost; the
readiness view and the log say so, the log once per outage.

The Redis is a redis-server of the test's own on a free port (tests.serving), frozen
with SIGSTOP (it accepts connections and never answers: the worst case) or stopped.
The machine's shared Redis is never touched.
"""

import logging
import time

from django.core.cache import cache
from django.db import transaction
from django.test import Client

import pytest

from news.factories import PressReleasePageFactory
from tests.serving import RedisServer, TCPProxy
from tests.utils import without_form_tokens
from tregks.cache import fallback
from tregks.cache.models import PendingInvalidation

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# Seconds, connect and read (production: 0.05; more here, so that a test machine
# busy with other work does not trip the breaker while Redis is well).
TIMEOUT = 0.2
COOLDOWN = 0.5  # seconds the breaker waits (5 in production; short for the tests)
# One Redis timeout plus scheduling slack on a busy machine; a hanging Redis used to
# cost 2 s per cache call, several calls per request.
ONE_TIMEOUT = 0.8


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "tregks.cache.backend.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "tregks-fault-test",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": TIMEOUT,
                "SOCKET_TIMEOUT": TIMEOUT,
                "BREAKER_SECONDS": COOLDOWN,
            },
        }
    }


@pytest.fixture
def redis(settings):
    """The site's cache on a Redis of this test's own."""
    with RedisServer() as server:
        settings.CACHES = redis_caches(server.url)
        yield server


@pytest.fixture(autouse=True)
def empty_worker_memory():
    """Pages kept in memory belong to one test's database and Redis."""
    fallback.clear()
    yield
    fallback.clear()


@pytest.fixture
def release(django_capture_on_commit_callbacks):
    """A published release; its own invalidations are applied (committed) already."""
    with django_capture_on_commit_callbacks(execute=True):
        page = PressReleasePageFactory(title="Alter Titel")
        page.save_revision().publish()
    return page


def timed(function, *args, **kwargs):
    start = time.monotonic()
    result = function(*args, **kwargs)
    return result, time.monotonic() - start


def warm(client, url):
    """Read a page until the reader gets it from the cache."""
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def after_cooldown():
    time.sleep(COOLDOWN + 0.1)


# --- bounded in time ------------------------------------------------------------------


def test_a_frozen_redis_costs_one_timeout_then_nothing(redis):
    cache.set("answer", 42)
    redis.freeze()
    value, first = timed(cache.get, "answer")
    assert value is None
    assert first < ONE_TIMEOUT

    def many_calls():
        for number in range(50):
            cache.get_many(["answer", f"other-{number}"])
            cache.set(f"other-{number}", number)

    _, following = timed(many_calls)
    assert following < 0.25, "during the cooldown the cache is not asked"

    after_cooldown()
    _, probe = timed(cache.get, "answer")
    assert probe < ONE_TIMEOUT, "one probe, one timeout"

    redis.thaw()
    after_cooldown()
    assert cache.get("answer") == 42


def test_pages_are_served_while_redis_hangs(redis, client, release):
    warm(client, release.url)
    redis.freeze()
    statuses = []
    for _ in range(5):
        response, seconds = timed(client.get, release.url)
        assert response.status_code == 200
        assert seconds < ONE_TIMEOUT + 1.5  # the render itself on a busy machine
        statuses.append(response["X-Page-Cache"])
    # Kept in this process's memory since it was read from Redis, or rendered and
    # kept then (a render may save an image's size: a change, which drops the kept
    # pages).
    assert set(statuses) <= {"fallback", "unavailable"}
    assert statuses[-3:] == ["fallback"] * 3
    redis.thaw()
    after_cooldown()
    assert client.get(release.url)["X-Page-Cache"] == "hit"


def test_a_dead_redis_is_refused_at_once(redis, client, release):
    warm(client, release.url)
    redis.stop()
    response = client.get(release.url)
    assert response.status_code == 200
    # From this process's memory, or rendered if the warm-up changed something.
    assert response["X-Page-Cache"] in ("fallback", "unavailable")
    _, seconds = timed(cache.get, "anything")
    assert seconds < 0.05


# --- invalidations are never lost -----------------------------------------------------


def test_a_publish_while_redis_hangs_is_applied_when_it_answers(redis, client, release):
    warm(client, release.url)
    redis.freeze()
    release.title = "Neuer Titel"
    _, seconds = timed(release.save_revision().publish)
    assert seconds < ONE_TIMEOUT + 1.5
    assert PendingInvalidation.objects.unapplied().exists(), "recorded in the database"
    assert b"Neuer Titel" in client.get(release.url).content  # rendered meanwhile

    redis.thaw()
    after_cooldown()
    response = client.get(release.url)
    assert b"Neuer Titel" in response.content
    assert b"Alter Titel" not in response.content
    assert not PendingInvalidation.objects.unapplied().exists(), "applied"
    again = client.get(release.url)
    assert again["X-Page-Cache"] == "hit"
    assert b"Neuer Titel" in again.content


def test_an_unpublished_page_is_never_served_again(redis, client, release):
    url = release.url
    warm(client, url)
    redis.freeze()
    release.unpublish()
    assert PendingInvalidation.objects.unapplied().exists()
    assert client.get(url).status_code == 404

    redis.thaw()
    deadline = time.monotonic() + 2 * COOLDOWN
    while time.monotonic() < deadline:  # before, during and after the recovery
        assert client.get(url).status_code == 404
    assert not PendingInvalidation.objects.unapplied().exists()


def test_a_publish_while_redis_is_down_reaches_the_restarted_redis(
    redis, client, release
):
    warm(client, release.url)
    redis.stop()
    release.title = "Neuer Titel"
    release.save_revision().publish()
    assert PendingInvalidation.objects.unapplied().exists()
    redis.start()  # empty: a restarted cache without persistence
    after_cooldown()
    assert b"Neuer Titel" in client.get(release.url).content
    assert not PendingInvalidation.objects.unapplied().exists()


def test_another_process_whose_redis_still_answers_applies_it(
    redis, client, release, settings
):
    """The editor's process cannot reach Redis (network cut); a reader's process
    can, never saw an outage, and still serves nothing stale after its next check."""
    settings.CACHE_INVALIDATION_CHECK_SECONDS = 1
    url = release.url
    reader = settings.CACHES
    proxy = TCPProxy(redis.port).start()
    try:
        warm(client, url)
        proxy.stop()
        settings.CACHES = redis_caches(f"redis://127.0.0.1:{proxy.port}/0")
        release.unpublish()  # in the editor's process, through the cut path
        assert PendingInvalidation.objects.unapplied().exists()
    finally:
        proxy.stop()
    settings.CACHES = reader
    time.sleep(1.05)  # the reader's check interval
    assert client.get(url).status_code == 404
    assert not PendingInvalidation.objects.unapplied().exists()


def test_pages_kept_during_an_outage_are_dropped_when_anything_changes(
    redis, client, release, settings
):
    """Another process's change, seen through the database's invalidation log."""
    settings.CACHE_INVALIDATION_CHECK_SECONDS = 1
    redis.freeze()
    client.get(release.url)
    assert client.get(release.url)["X-Page-Cache"] == "fallback"
    PendingInvalidation.objects.create(reason="a change in another process")
    time.sleep(1.05)
    assert client.get(release.url)["X-Page-Cache"] == "unavailable"


def read_from_redis(client, url, settings):
    """Warm, then one more read from Redis after a look at the invalidation log (the
    warm-up's own changes, e.g. an image's size, drop what was kept before it)."""
    settings.CACHE_INVALIDATION_CHECK_SECONDS = 0  # every request looks at the log
    warm(client, url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    return response


def publish_in_another_process(page, title, monkeypatch, capture):
    """A publish whose process is not this one: it logs the invalidation and tells
    Redis if it can, but cannot touch this process's memory."""
    with monkeypatch.context() as patched, capture(execute=True):
        patched.setattr(fallback, "clear", lambda: None)
        page.title = title
        page.save_revision().publish()


def test_a_page_read_from_redis_is_served_from_memory_when_it_freezes(
    redis, client, release, settings
):
    """No render at all: the outage's first reader gets the page at once."""
    before = read_from_redis(client, release.url, settings)
    for _ in range(2):  # a freeze, and again after Redis answered in between
        redis.freeze()
        response = client.get(release.url)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "fallback"
        assert response.templates == [], "nothing rendered"
        assert without_form_tokens(response.content) == without_form_tokens(
            before.content
        )
        redis.thaw()
        after_cooldown()
        assert client.get(release.url)["X-Page-Cache"] == "hit"


def test_a_publish_in_another_process_during_the_freeze_drops_the_kept_page(
    redis, client, release, settings, monkeypatch, django_capture_on_commit_callbacks
):
    read_from_redis(client, release.url, settings)
    redis.freeze()
    assert client.get(release.url)["X-Page-Cache"] == "fallback"
    publish_in_another_process(
        release, "Neuer Titel", monkeypatch, django_capture_on_commit_callbacks
    )
    response = client.get(release.url)
    assert response["X-Page-Cache"] == "unavailable"
    assert b"Neuer Titel" in response.content


def test_a_publish_in_another_process_just_before_the_freeze_is_not_missed(
    redis, client, release, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """Redis took the new generation, this process has not read it yet."""
    read_from_redis(client, release.url, settings)
    publish_in_another_process(
        release, "Neuer Titel", monkeypatch, django_capture_on_commit_callbacks
    )
    redis.freeze()
    response = client.get(release.url)
    assert response["X-Page-Cache"] == "unavailable"
    assert b"Neuer Titel" in response.content


def test_a_change_in_this_process_drops_the_kept_pages_at_once(redis, client, release):
    redis.freeze()
    client.get(release.url)
    release.title = "Neuer Titel"
    release.save_revision().publish()
    response = client.get(release.url)
    assert response["X-Page-Cache"] == "unavailable"
    assert b"Neuer Titel" in response.content


def test_every_change_is_logged_and_applied_while_the_cache_answers(
    redis, release, django_capture_on_commit_callbacks
):
    """The log that processes without the shared cache watch."""
    before = PendingInvalidation.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        release.title = "Neuer Titel"
        release.save_revision().publish()
    logged = PendingInvalidation.objects.order_by("-id")[0]
    assert PendingInvalidation.objects.count() > before
    assert logged.reason == f"publish news.PressReleasePage #{release.pk}"
    assert logged.applied_at is not None
    assert not PendingInvalidation.objects.unapplied().exists()


def test_a_cache_lost_between_change_and_commit_leaves_it_pending(
    redis, release, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        release.title = "Neuer Titel"
        release.save_revision().publish()
        redis.freeze()  # the second invalidation, after the commit, fails
    assert PendingInvalidation.objects.unapplied().exists()


def test_the_record_belongs_to_the_transaction_of_the_change(redis, release):
    """A change that is rolled back leaves no invalidation behind."""
    redis.freeze()
    with pytest.raises(RuntimeError), transaction.atomic():
        release.title = "Verworfen"
        release.save_revision().publish()
        assert PendingInvalidation.objects.unapplied().exists()
        raise RuntimeError("the editor's request fails after the publish")
    assert not PendingInvalidation.objects.unapplied().exists()


# --- readiness and the log ------------------------------------------------------------


def readiness(client, **extra):
    response, seconds = timed(client.get, "/readyz/", **extra)
    assert "no-cache" in response["Cache-Control"]
    return response, response.json(), seconds


def test_readiness_reports_a_degraded_cache_and_its_recovery(redis, client):
    response, body, _ = readiness(client)
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["cache"]["answering"] is True

    redis.freeze()
    response, body, seconds = readiness(client)
    assert response.status_code == 200, "a cache outage must not take servers out"
    assert body["status"] == "degraded"
    assert body["cache"]["answering"] is False
    assert body["cache"]["breaker"]["state"] == "open"
    # One timeout, not one per cache call (2 s each before the breaker), with room for
    # a machine busy with both test passes.
    assert seconds < ONE_TIMEOUT + 1.0
    _, body, _ = readiness(client)
    assert body["status"] == "degraded"
    assert body["cache"]["breaker"]["next_try_in_seconds"] > 0
    assert client.get("/healthz/").status_code == 200, "liveness is the database"

    redis.thaw()
    after_cooldown()
    _, body, _ = readiness(client)
    assert body["status"] == "ok"
    assert body["cache"]["breaker"]["state"] == "closed"


def test_readiness_shows_details_only_to_this_machine_and_staff(
    redis, client, admin_user
):
    redis.stop()
    _, public, _ = readiness(client, REMOTE_ADDR="203.0.113.7")
    assert public == {"status": "degraded"}
    _, proxied, _ = readiness(client, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert proxied == {"status": "degraded"}
    staff = Client(REMOTE_ADDR="203.0.113.7")
    staff.force_login(admin_user)
    _, details, _ = readiness(staff)
    assert details["database"] == "ok"
    assert details["cache"]["answering"] is False


def test_readiness_counts_owed_invalidations(redis, client, release):
    redis.stop()
    release.unpublish()
    _, body, _ = readiness(client)
    assert body["cache"]["pending_invalidations"] >= 1  # the save and the unpublish
    redis.start()
    after_cooldown()
    client.get("/de/")  # the first reader applies it
    _, body, _ = readiness(client)
    assert body["status"] == "ok"
    assert body["cache"]["pending_invalidations"] == 0


def test_without_redis_readiness_is_ok(client):
    """Development and tests: each process's own memory, which cannot fail."""
    response, body, _ = readiness(client)
    assert response.status_code == 200
    assert body["status"] == "ok"


def test_an_outage_and_its_end_are_logged_once(redis, client, release, caplog):
    caplog.set_level(logging.INFO, logger="tregks.cache")
    warm(client, release.url)
    redis.freeze()
    deadline = time.monotonic() + 3 * COOLDOWN  # several failed probes
    while time.monotonic() < deadline:
        assert client.get(release.url).status_code == 200
        time.sleep(0.05)
    redis.thaw()
    after_cooldown()
    for _ in range(5):
        assert client.get(release.url).status_code == 200
    messages = [record.getMessage() for record in caplog.records]
    assert len([m for m in messages if "is not answering" in m]) == 1, messages
    assert len([m for m in messages if "answers again" in m]) == 1, messages
