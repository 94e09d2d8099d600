"""A circuit breaker for the shared cache: after a failure, stop asking for a while.

A cache that hangs costs every call its full timeout, and a page render makes several
calls. After one failure the process therefore stops asking the cache for
`cooldown` seconds and serves uncached; then one call is let through as a probe. If it
answers, the cache is used again; if not, the next cooldown starts. An outage and its
end are logged once per process, not once per request.

One breaker per cache server and process: Django makes a cache backend object per
thread, and all of them share their server's breaker.
"""

import logging
import threading
import time

logger = logging.getLogger("tregks.cache")


class CacheUnavailable(Exception):
    """The shared cache did not answer (or is not asked during a cooldown)."""


class CircuitBreaker:
    def __init__(self, name, cooldown):
        self.name = name
        self.cooldown = cooldown
        self.lock = threading.Lock()
        self.down_since = None  # wall-clock time of the first failure of an outage
        self.retry_at = 0.0  # monotonic time before which the cache is not asked
        self.last_error = ""
        self.outages = 0  # counters, so that callers can tell that something changed
        self.recoveries = 0

    @property
    def healthy(self):
        return self.down_since is None

    def waiting(self):
        """True during a cooldown: calls would be refused without asking the cache."""
        return not self.healthy and time.monotonic() < self.retry_at

    def allow(self):
        """May a call go to the cache now? After a cooldown one caller is the probe."""
        if self.healthy:
            return True
        with self.lock:
            now = time.monotonic()
            if now < self.retry_at:
                return False
            # This caller probes; the others keep waiting until it has answered.
            self.retry_at = now + self.cooldown
            return True

    def failed(self, error):
        with self.lock:
            self.retry_at = time.monotonic() + self.cooldown
            self.last_error = f"{type(error).__name__}: {error}"
            if self.down_since is not None:
                return  # the same outage: logged when it began
            self.down_since = time.time()
            self.outages += 1
        logger.error(
            "Cache %s is not answering (%s): pages are served uncached, "
            "next try in %s s.",
            self.name,
            self.last_error,
            self.cooldown,
        )

    def succeeded(self):
        if self.healthy:
            return
        with self.lock:
            if self.down_since is None:
                return
            seconds = time.time() - self.down_since
            self.down_since = None
            self.retry_at = 0.0
            self.recoveries += 1
        logger.warning("Cache %s answers again after %.1f s.", self.name, seconds)

    def state(self):
        """For the readiness view."""
        if self.healthy:
            return {"state": "closed"}
        return {
            "state": "open",
            "down_for_seconds": round(time.time() - self.down_since, 1),
            "next_try_in_seconds": round(max(0, self.retry_at - time.monotonic()), 1),
            "error": self.last_error,
        }


_breakers = {}
_breakers_lock = threading.Lock()


def breaker_for(name, cooldown):
    """The process's breaker for one cache server (shared by every thread)."""
    with _breakers_lock:
        breaker = _breakers.get(name)
        if breaker is None:
            breaker = _breakers[name] = CircuitBreaker(name, cooldown)
        breaker.cooldown = cooldown
        return breaker
