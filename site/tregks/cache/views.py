"""A trivial view for benchmarks: the ceiling of what Django can serve on this machine."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def bench_ping(request):
    """Goes through every middleware, touches no database and no template.

    Routed only when BENCH_PING is set (bench/run.py does); never cached, so it
    measures Django itself rather than the page cache.
    """
    return HttpResponse(b"pong", content_type="text/plain")
