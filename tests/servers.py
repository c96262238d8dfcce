"""Real app servers for multi-process tests: gunicorn processes on free ports.

Some promises only hold across processes (the page cache's content version, rate limits): an
in-process test client cannot show them. ``app_servers`` starts ``count`` gunicorn servers of
``bounce.wsgi`` with production settings (``tests.server_settings``: production plus static
files from the finders), on the test database, and stops them afterwards::

    with app_servers(2, env={"TRUSTED_PROXY_COUNT": "1"}) as (first, second):
        get(first + "/")

Use it from tests that have ``transactional_db`` (or ``live_server``): the servers are other
processes, so they only see committed rows. On SQLite the test database is a file
(``bounce.settings.test``) for this reason.
"""

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
GUNICORN = BASE_DIR / ".venv" / "bin" / "gunicorn"
START_TIMEOUT = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The URL of the database this test process uses (the test database once it exists)."""
    settings = connection.settings_dict
    if settings["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{settings.get('HOST') or '127.0.0.1'}:{settings.get('PORT') or 5432}/{settings['NAME']}"


def server_environment(extra: dict | None = None, cache_dir: str | None = None) -> dict:
    """A production-like environment: required variables set, plain HTTP, the test database."""
    env = {
        key: value for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TRUSTED_PROXY_COUNT", "CACHE_DIR"}
    }
    env.update({
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "PYTHONPATH": str(BASE_DIR),
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_HSTS_PRELOAD": "false",
    })
    if cache_dir:
        env["CACHE_DIR"] = cache_dir
    env.update({key: str(value) for key, value in (extra or {}).items()})
    return env


def _wait_until_serving(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start-up:\n{log_path.read_text()[-4000:]}")
        try:
            urllib.request.urlopen(url + "/robots-probe-404/", timeout=5)  # noqa: S310 (local test server)
            return
        except urllib.error.HTTPError:
            return  # any HTTP answer means Django is serving
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within {START_TIMEOUT} s:\n{log_path.read_text()[-4000:]}")


@contextmanager
def app_servers(count: int = 2, env: dict | None = None, workers: int = 1, share_cache: bool = True):
    """Start ``count`` gunicorn servers; yield their base URLs (``http://127.0.0.1:PORT``).

    ``env`` adds or overrides environment variables. With ``share_cache`` (the default) all
    servers get one ``CACHE_DIR``, as the workers of one host do; ``shared_cache_dir()``
    names it for the test process. Server logs are in the error message if a server fails."""
    workdir = Path(tempfile.mkdtemp(prefix="bounce-servers-"))
    processes, urls = [], []
    try:
        for number in range(count):
            cache_dir = str(workdir / ("cache" if share_cache else f"cache-{number}"))
            port = free_port()
            log_path = workdir / f"server-{number}.log"
            log = log_path.open("wb")
            process = subprocess.Popen(  # noqa: S603 (fixed arguments)
                [str(GUNICORN), "bounce.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                 "--chdir", str(BASE_DIR), "--log-level", "warning", "--timeout", "60"],
                env=server_environment(env, cache_dir), stdout=log, stderr=subprocess.STDOUT, cwd=BASE_DIR,
            )
            processes.append((process, log))
            url = f"http://127.0.0.1:{port}"
            _wait_until_serving(url, process, log_path)
            urls.append(url)
        app_servers.last_workdir = workdir
        yield urls
    finally:
        for process, _log in processes:
            process.terminate()
        for process, log in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()
        shutil.rmtree(workdir, ignore_errors=True)


def shared_cache_dir() -> str:
    """The ``CACHE_DIR`` of the servers started last with ``share_cache`` (for the test
    process to use the same file cache, e.g. ``override_settings(CACHES=file_cache(...))``)."""
    return str(app_servers.last_workdir / "cache")


def file_cache(location: str) -> dict:
    """A CACHES setting for the same file cache the production settings use without Redis."""
    return {"default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": location, "KEY_PREFIX": "bounce",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }}


def get(url: str, headers: dict | None = None, data: bytes | None = None) -> tuple[int, dict, str]:
    """(status, headers, body) without raising on 4xx/5xx and without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8", "replace")
