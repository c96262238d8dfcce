"""Fault runs of the real stack (``make bench`` runs it after bench_http.py): gunicorn with
production settings on a PostgreSQL cluster and a Redis server of this script's own, which it
stops and starts under load. The machine's shared PostgreSQL and Redis are never touched.

1. ``pg_restart``: 50 clients post xAPI statements; PostgreSQL stops for a few seconds and
   comes back. Posts fail while it is down (``errors_while_down``), succeed again without
   restarting gunicorn (``recovered``), and every acknowledged (201) statement is stored
   (``lost`` = acknowledged - stored, must be 0).
2. ``redis_stop``: pages are loaded (public page, cached module, a teacher's lesson) while Redis
   is shut down (with a snapshot, so it comes back with its old keys, as after a partition or a
   restart from disk). While it is down pages and a login must still work; a lesson and a module
   are published meanwhile; once Redis is back no page may show the old title
   (``stale_after_publish`` must be 0) and the page cache fills again (``cache_caught_up``).

Data: a copy (pg_dump) of the HTTP benchmark's database (``BENCH_DATABASE_URL``, migrated and
filled with the demo as bench_http.py does). The last line printed is one JSON object.
"""

import contextlib
import http.client
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_http  # noqa: E402 (the same environment, database set-up and helpers)

BASE = bench_http.BASE
PG_BIN = Path(os.environ.get("BENCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
PG_PORT = int(os.environ.get("BENCH_FAULT_PG_PORT", "5440"))
REDIS_PORT = int(os.environ.get("BENCH_FAULT_REDIS_PORT", "6391"))
CLIENTS = 50
DOWN_SECONDS = 4


def as_postgres(args):
    """initdb and pg_ctl refuse to run as root: run them as the postgres user then."""
    if os.geteuid() == 0:
        return ["su", "postgres", "-c", " ".join(map(str, args))]
    return [str(a) for a in args]


class Postgres:
    def __init__(self, root):
        self.data, self.socket = root / "pg", root
        self.log = root / "pg.log"

    def init(self):
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.data.parent, "postgres")
            shutil.chown(self.data, "postgres")
        subprocess.run(as_postgres([PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust"]),  # noqa: S603
                       check=True, capture_output=True)

    def start(self):
        subprocess.run(as_postgres([PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-o",  # noqa: S603
                                    f"'-p {PG_PORT} -k {self.socket} -c listen_addresses=127.0.0.1'", "start"]),
                       check=True, capture_output=True)

    def stop(self):
        subprocess.run(as_postgres([PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"]),  # noqa: S603
                       check=False, capture_output=True)

    def url(self, name="bench"):
        return f"postgres://postgres@127.0.0.1:{PG_PORT}/{name}"


class Redis:
    def __init__(self, root):
        self.dir = root / "redis"
        self.dir.mkdir()

    def start(self):
        subprocess.run(["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",  # noqa: S603,S607
                        "--dir", str(self.dir), "--dbfilename", "faults.rdb", "--daemonize", "yes"], check=True)
        for _ in range(50):
            if subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True, text=True).stdout.strip() == "PONG":  # noqa: S603,S607
                return
            time.sleep(0.1)
        raise SystemExit("eigen Redis start niet")

    def stop(self, save=True):
        """SHUTDOWN SAVE: the old keys come back at the next start, the case that can serve stale pages."""
        subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "shutdown", "save" if save else "nosave"],  # noqa: S603,S607
                       capture_output=True, check=False)
        time.sleep(0.3)

    def url(self):
        return f"redis://127.0.0.1:{REDIS_PORT}/0"


def copy_database(target_url):
    """The HTTP benchmark's database (migrated, demo loaded) into the fault cluster."""
    import psycopg

    with psycopg.connect(target_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE bench")
    dump = subprocess.Popen(["pg_dump", "--no-owner", bench_http.DATABASE_URL], stdout=subprocess.PIPE)  # noqa: S603,S607
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", target_url], stdin=dump.stdout, check=True,  # noqa: S603,S607
                   capture_output=True)
    dump.wait()


def statements(url) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return conn.execute("SELECT count(*) FROM h5p_h5pstatement").fetchone()[0]


def request(port, method, path, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), response.headers
    finally:
        conn.close()


class Load:
    """``CLIENTS`` threads sending ``make_request()`` until stopped; every outcome with its time."""

    def __init__(self, send, clients=CLIENTS):
        self.send, self.clients = send, clients
        self.outcomes, self.stop = [], threading.Event()
        self.lock = threading.Lock()

    def _run(self):
        while not self.stop.is_set():
            try:
                status = self.send()
            except OSError:
                status = None
            with self.lock:
                self.outcomes.append((time.monotonic(), status))

    def __enter__(self):
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(self.clients)]
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for thread in self.threads:
            thread.join(30)

    def between(self, start, end):
        return [status for at, status in self.outcomes if start <= at < end]


def pg_restart(port, setup, cookie, pg, db_url):
    body = json.dumps({"statement": {
        "actor": {"name": "bench", "mbox": "mailto:bench@example.invalid"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
        "object": {"id": setup["activity_object"], "objectType": "Activity"},
        "result": {"score": {"min": 0, "max": 2, "raw": 2, "scaled": 1}, "completion": True, "success": True},
    }})
    headers = {"Cookie": cookie, "X-CSRFToken": setup["csrf"], "Content-Type": "application/json"}
    before = statements(db_url)
    with Load(lambda: request(port, "POST", setup["xapi"], body, headers)[0]) as load:
        time.sleep(3)
        down = time.monotonic()
        pg.stop()
        time.sleep(DOWN_SECONDS)
        pg.start()
        up = time.monotonic()
        time.sleep(5)
    acknowledged = sum(1 for _, status in load.outcomes if status == 201)
    stored = statements(db_url) - before
    return {
        "acknowledged": acknowledged, "stored": stored, "lost": max(acknowledged - stored, 0),
        "errors_while_down": sum(1 for status in load.between(down, up) if status != 201),
        "recovered": any(status == 201 for status in load.between(up + 2, float("inf"))),
        "requests": len(load.outcomes),
    }


def login(port, email, password):
    """A teacher logs in through the form (sessions are in the database, not in Redis)."""
    status, html, headers = request(port, "GET", "/account/inloggen/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    csrf = re.search(r"csrftoken=([^;]+)", headers.get("Set-Cookie", "") or "")
    if status != 200 or not token or not csrf:
        return None
    form = f"csrfmiddlewaretoken={token.group(1)}&username={email}&password={password}"
    status, _, headers = request(port, "POST", "/account/inloggen/", form, {
        "Cookie": f"csrftoken={csrf.group(1)}", "Content-Type": "application/x-www-form-urlencoded"})
    session = re.search(r"sessionid=([^;]+)", " ".join(headers.get_all("Set-Cookie") or []))
    return f"sessionid={session.group(1)}" if status == 302 and session else None


def publish(env, lesson_url, module_url, marker):
    """Change the titles of the lesson and the module and publish both (a separate process)."""
    code = f"""
from wagtail.models import Page
for url in ({lesson_url!r}, {module_url!r}):
    page = next(p for p in Page.objects.live().specific() if p.url == url)
    page.title = page.title.split(' [')[0] + ' [{marker}]'
    page.save_revision().publish()
"""
    bench_http.manage(env, "shell", "-c", code, capture=True)


def redis_stop(port, setup, cookie, redis, env, teacher):
    pages = [("/gezond/", {}), (setup["module"], {}), (setup["lesson"], {"Cookie": cookie})]
    for path, headers in pages:  # fill the caches
        request(port, "GET", path, headers=headers)
        request(port, "GET", path, headers=headers)
    counter = iter(range(10**9))

    def send():
        path, headers = pages[next(counter) % len(pages)]
        return request(port, "GET", path, headers=headers)[0]

    marker = f"na-storing-{secrets.token_hex(3)}"
    with Load(send, clients=10) as load:
        time.sleep(2)
        down = time.monotonic()
        redis.stop(save=True)
        time.sleep(1)
        session = login(port, teacher["email"], teacher["password"])
        login_ok = bool(session) and request(port, "GET", setup["lesson"], headers={"Cookie": session})[0] == 200
        publish(env, setup["lesson"], setup["module"], marker)
        time.sleep(1)
        redis.start()
        up = time.monotonic()
        time.sleep(3)
    while_down = load.between(down, up)
    checks = []
    for _ in range(6):
        for path, headers in pages[1:]:
            status, html, _ = request(port, "GET", path, headers=headers)
            checks.append(status == 200 and marker in html)
    hit = request(port, "GET", setup["module"])[2].get("X-Page-Cache") == "hit"
    return {
        "pages_ok_while_down": bool(while_down) and all(status == 200 for status in while_down),
        "pages_while_down": len(while_down), "pages_failed_while_down": sum(1 for s in while_down if s != 200),
        "logins_ok_while_down": login_ok,
        "stale_after_publish": checks.count(False), "checked_after_publish": len(checks),
        "cache_caught_up": hit,
    }


def main():
    if not shutil.which("redis-server") or not (PG_BIN / "initdb").exists():
        raise SystemExit("redis-server of PostgreSQL-binaries (BENCH_PG_BIN) ontbreken.")
    bench_http.ensure_database()
    bench_http.manage(bench_http.environment(), "migrate", "--noinput", capture=True)
    bench_http.manage(bench_http.environment(), "load_demo", capture=True)
    root = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    os.chmod(root, 0o755)  # noqa: S103 (the postgres user runs the cluster inside it)
    pg, redis = Postgres(root), Redis(root)
    server = None
    try:
        pg.init()
        pg.start()
        redis.start()
        copy_database(pg.url())
        env = {**bench_http.environment(), "DATABASE_URL": pg.url(), "REDIS_URL": redis.url()}
        password = secrets.token_urlsafe(16)
        # Before bench_setup.py makes the teacher's session: a new password ends older sessions.
        teacher = json.loads(bench_http.manage(env, "shell", "-c", f"""
import json
from django.conf import settings
from django.contrib.auth.models import Group
user = Group.objects.get(name=settings.TEACHERS_GROUP).user_set.filter(is_active=True).order_by("pk").first()
user.set_password({password!r}); user.save()
print(json.dumps({{"email": user.email}}))
""", capture=True).strip().splitlines()[-1])
        teacher["password"] = password
        setup = json.loads(bench_http.manage(env, "shell", "-c", (BASE / "scripts" / "bench_setup.py").read_text(),
                                             capture=True).strip().splitlines()[-1])
        port = bench_http.free_port()
        server = subprocess.Popen(bench_http.gunicorn_command(port), cwd=BASE, env=env)  # noqa: S603
        bench_http.wait_for(f"http://127.0.0.1:{port}/gezond/")
        cookie = f"sessionid={setup['session']}; csrftoken={setup['csrf']}"
        results = {"pg_restart": pg_restart(port, setup, cookie, pg, pg.url())}
        results["redis_stop"] = redis_stop(port, setup, cookie, redis, env, teacher)
    finally:
        if server is not None:
            server.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.wait(timeout=30)
        redis.stop(save=False)
        pg.stop()
        shutil.rmtree(root, ignore_errors=True)
    for name, figures in results.items():
        print(f"{name:11} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
    print(json.dumps(results))
    ok = results["pg_restart"]["lost"] == 0 and results["pg_restart"]["recovered"] and results["redis_stop"]["stale_after_publish"] == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
