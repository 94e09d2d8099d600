"""A real site in a subprocess, for tests that need a server: browser tests, outages.

The demo site is built once into a SQLite file (tests/demo_database.py: migrate +
load_demo, kept in .test-cache/ until the code changes); each server gets its own copy, so a test may break its database without
touching the others. gunicorn serves it on a free loopback port with test settings.
"""

import contextlib
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(**overrides):
    """Test settings without the pytest database; overrides win."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO", "TEST_DATABASE", "DATABASE"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tregks.settings.test",
            "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    env.update(overrides)
    return env


# The Redis cache of each served SQLite database (browser tests' live_site). A process
# that changes a served database must bump the same cache's generation, or the site's
# workers keep serving the pages they rendered before the change.
_CACHE_OF_DATABASE = {}


def serve_with_cache(database, cache_url):
    _CACHE_OF_DATABASE[str(database)] = cache_url


def served_env(database, **overrides):
    """site_env for a process working on a served database, with the site's cache."""
    cache = _CACHE_OF_DATABASE.get(str(database))
    return site_env(
        DATABASE_URL=f"sqlite:///{database}",
        **({"CACHE_URL": cache} if cache else {}),
        **overrides,
    )


def run_manage(*args, env, timeout=600):
    """manage.py in another process with env; the finished process, whatever its exit."""
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def manage(*args, env):
    """manage.py in another process with env; its output, or an error if it failed."""
    result = run_manage(*args, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def demo_database():
    """Path of a SQLite file holding the migrated bilingual demo site (built once)."""
    from tests.demo_database import sqlite_file

    return sqlite_file()


def copy_of_demo_database():
    from tests.demo_database import copy_of_sqlite_file

    return copy_of_sqlite_file()


def demo_arguments():
    """bench/soak.py and bench/faults.py --smoke start from the built demo site."""
    from tests.demo_database import media_root

    return ["--demo-database", str(demo_database()), "--demo-media", str(media_root())]


def fetch(url, timeout=15, headers=None):
    """(status, headers, body) of a GET; 4xx/5xx are answers, not errors."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def wsgi_environ(path, method="GET", secure=False, host="localhost", **headers):
    """The WSGI environ gunicorn hands an application for a request (headers as
    keyword arguments: accept_encoding="gzip" -> HTTP_ACCEPT_ENCODING)."""
    from tregks.cache.keys import header_name_in_meta

    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "443" if secure else "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "wsgi.url_scheme": "https" if secure else "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    environ.update({header_name_in_meta(name): v for name, v in headers.items()})
    return environ


class SiteServer:
    """gunicorn serving the site on 127.0.0.1; use as a context manager."""

    def __init__(self, database_url, workers=2, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = site_env(
            DATABASE_URL=database_url,
            HOST="127.0.0.1",
            PORT=str(self.port),
            WEB_CONCURRENCY=str(workers),
            BASE_URL=self.url,
            **env,
        )
        self.log = tempfile.NamedTemporaryFile(  # noqa: SIM115
            prefix="tregks-gunicorn-", suffix=".log", delete=False
        )
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(GUNICORN),
                "tregks.wsgi:application",
                "--pythonpath",
                "site",
                "--config",
                "site/tregks/gunicorn.conf.py",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.output()}")
            try:
                fetch(f"{self.url}/healthz/", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not answer in time:\n{self.output()}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def output(self):
        self.log.flush()
        return Path(self.log.name).read_text(errors="replace")[-5000:]

    def get(self, path, **kwargs):
        return fetch(self.url + path, **kwargs)


def whole_log(server):
    """gunicorn's whole log (SiteServer.output() keeps only its tail)."""
    server.log.flush()
    return Path(server.log.name).read_text(errors="replace")


def wait_until(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


class TCPProxy:
    """Forwards a loopback port to a TCP service; stop() is a network outage."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(
            target=self._accept, args=(self.listener,), daemon=True
        ).start()
        return self

    def stop(self):
        """Refuse new connections and cut the open ones."""
        with self.lock:
            sockets, self.sockets = self.sockets, []
        for sock in [self.listener, *sockets]:
            with_suppressed_errors(sock.shutdown, socket.SHUT_RDWR)
            with_suppressed_errors(sock.close)

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            upstream.settimeout(None)
            with self.lock:
                self.sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self._pipe, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with_suppressed_errors(sink.shutdown, socket.SHUT_WR)


def with_suppressed_errors(function, *args):
    with contextlib.suppress(OSError):
        function(*args)


class RedisServer:
    """A redis-server of its own on a free loopback port: stop, start, freeze, thaw.

    Never the machine's shared Redis. Without persistence, so a stop loses the data
    (as a restarted cache would); a freeze (SIGSTOP) keeps it: the connection is
    accepted by the kernel and never answered, the worst case for a client.
    """

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("redis-server is missing (apt-get install redis-server)")
        self.process = subprocess.Popen(  # noqa: S603
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    s.sendall(b"PING\r\n")
                    if s.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.thaw()
            self.process.kill()
            self.process.wait(timeout=10)

    def freeze(self):
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self):
        self.process.send_signal(signal.SIGCONT)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
