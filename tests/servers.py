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
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

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


def server_environment(extra: dict | None = None, cache_dir: str | None = None, secret_key: str | None = None) -> dict:
    """A production-like environment: required variables set, plain HTTP, the test database.

    Servers of one site share ``secret_key`` (signed carer cookies, the session's password hash
    and password-reset links are only valid where the key is the same)."""
    env = {
        key: value for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "TRUSTED_PROXY_COUNT", "CACHE_DIR"}
    }
    env.update({
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "PYTHONPATH": str(BASE_DIR),
        "SECRET_KEY": secret_key or secrets.token_urlsafe(48),
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
    names it for the test process. All servers share one ``SECRET_KEY``, as the app servers of
    one site must. Server logs are in the error message if a server fails."""
    workdir = Path(tempfile.mkdtemp(prefix="bounce-servers-"))
    secret_key = secrets.token_urlsafe(48)
    processes, urls = [], []
    try:
        for number in range(count):
            cache_dir = str(workdir / ("cache" if share_cache else f"cache-{number}"))
            port = free_port()
            log_path = workdir / f"server-{number}.log"
            log = log_path.open("wb")
            process = subprocess.Popen(  # noqa: S603 (fixed arguments)
                [str(GUNICORN), "bounce.wsgi:application", "-c", "python:bounce.gunicorn_conf", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
                 "--chdir", str(BASE_DIR), "--log-level", "warning", "--timeout", "60"],
                env=server_environment(env, cache_dir, secret_key), stdout=log, stderr=subprocess.STDOUT, cwd=BASE_DIR,
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


def with_production_password(user, password: str = "correct-horse-battery"):  # noqa: S107 (test password)
    """The test settings hash with MD5, which the servers' production settings refuse: store
    ``password`` (default: the factories') as production checks it (PBKDF2, few iterations to
    keep logins fast)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    user.password = PBKDF2PasswordHasher().encode(password, secrets.token_hex(8), iterations=1000)
    user.save(update_fields=["password"])
    return user


def server_logs(tail: int = 6000) -> str:
    """The end of each running server's log (for an assertion message when a server answers 500)."""
    logs = sorted(app_servers.last_workdir.glob("server-*.log"))
    return "\n".join(f"--- {path.name}\n{path.read_text(errors='replace')[-tail:]}" for path in logs)


def file_cache(location: str) -> dict:
    """A CACHES setting for the same file cache the production settings use without Redis."""
    from django.conf import settings

    return {"default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": location, "KEY_PREFIX": "bounce",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    }, **settings.VERSIONED_CACHES}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _open(url: str, headers: dict | None = None, data: bytes | None = None):
    """(status, message headers, body bytes) without raising on 4xx/5xx or following redirects."""
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310 (local test server)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def get(url: str, headers: dict | None = None, data: bytes | None = None) -> tuple[int, dict, str]:
    """(status, headers, body) without raising on 4xx/5xx and without following redirects."""
    status, message, body = _open(url, headers, data)
    return status, dict(message), body.decode("utf-8", "replace")


def _multipart(fields: dict, files: dict) -> tuple[str, bytes]:
    boundary = secrets.token_hex(16)
    chunks = []
    for name, value in fields.items():
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, (filename, content) in files.items():
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n"
        )
    chunks.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(chunks)


CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    """One browser talking to any of the app servers, as if through the site's TLS proxy.

    Keeps its cookies across servers (a load balancer may send each request elsewhere), sends
    ``X-Forwarded-Proto: https`` and ``X-Forwarded-For`` as the proxy would (so the production
    settings' Secure cookies and HTTPS CSRF checks apply), and posts forms with their CSRF
    token and a same-origin ``Origin``/``Referer``. urllib's own cookie jar would drop the
    Secure cookies over the plain HTTP between proxy and app server, hence this small jar."""

    def __init__(self, address: str = "198.51.100.10"):
        self.address = address
        self.cookies: dict[str, str] = {}
        self.last_status, self.last_headers, self.last_body = None, None, ""

    def _headers(self, url: str, extra: dict | None) -> dict:
        headers = {"X-Forwarded-Proto": "https", "X-Forwarded-For": self.address, "Accept-Language": "nl"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        headers.update(extra or {})
        return headers

    def _remember(self, message) -> None:
        for header in message.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(header)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def request(self, url: str, data: dict | None = None, headers: dict | None = None,
                files: dict | None = None) -> tuple[int, dict, str]:
        """GET, or POST ``data`` (and ``files``: field -> (file name, bytes), sent as multipart)."""
        body = None
        extra = dict(headers or {})
        if data is not None or files:
            parts = urlsplit(url)
            origin = f"https://{parts.netloc}"
            if files:
                content_type, body = _multipart(data or {}, files)
            else:
                content_type, body = "application/x-www-form-urlencoded", urlencode(data, doseq=True).encode()
            extra = {"Content-Type": content_type, "Origin": origin, "Referer": origin + parts.path, **extra}
        status, message, raw = _open(url, self._headers(url, extra), body)
        self._remember(message)
        self.last_status, self.last_headers, self.last_body = status, dict(message), raw.decode("utf-8", "replace")
        return self.last_status, self.last_headers, self.last_body

    def get(self, url: str, headers: dict | None = None) -> tuple[int, dict, str]:
        return self.request(url, headers=headers)

    def submit(self, url: str, fields: dict, form_url: str | None = None, files: dict | None = None) -> tuple[int, dict, str]:
        """GET the form at ``form_url`` (default ``url``), then POST ``fields`` with its CSRF token."""
        status, _headers, html = self.get(form_url or url)
        match = CSRF_INPUT.search(html)
        if status != 200 or not match:
            raise AssertionError(f"no form with a CSRF token at {form_url or url} (status {status}):\n{html[:2000]}")
        return self.request(url, data={"csrfmiddlewaretoken": match.group(1), **fields}, files=files)
