"""HTTP benchmark of the real stack: gunicorn -w 2 (gthread, 3 threads each) with production settings on PostgreSQL and
Redis, loaded by Debian's ``wrk`` on loopback (``make bench`` runs it).

Endpoints: the bare ``/gezond/`` view (the baseline every ratio divides by), a public at-home
module with an H5P activity (anonymous, so from the page cache), a class lesson, its
presentation mode and a course module as a signed-in teacher (rendered, bodies from the
fragment cache) and xAPI statement posts. Each runs with 50
concurrent connections, in ``BENCH_ROUNDS`` rounds (3) of ``BENCH_SECONDS`` (5) per endpoint.
Prints requests/s and p95 per endpoint and round, and as the last line one JSON object with
each figure's median over the rounds (the figures issue 12 asks for; ratios are taken within a
round). xAPI statements are counted in the database before and
after: ``xapi_lost`` is acknowledged (2xx) minus stored, and must be 0.

Uses its own database (``BENCH_DATABASE_URL``, default ``h_prod_bench`` on the local
PostgreSQL, created if missing) and Redis database (``BENCH_REDIS_URL``), so it never touches
the data of anyone else on the machine.
"""

import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

BASE = Path(__file__).resolve().parent.parent
PY = str(BASE / ".venv" / "bin" / "python")
GUNICORN = str(BASE / ".venv" / "bin" / "gunicorn")
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/h_prod_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
DURATION = os.environ.get("BENCH_SECONDS", "5")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = "50"
THREADS = os.environ.get("BENCH_THREADS", "3")  # as docs/deploy.md
SETTLE_SECONDS = 1.5


def environment() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update({
        "DJANGO_SETTINGS_MODULE": "bounce.settings.bench", "PYTHONPATH": str(BASE),
        "SECRET_KEY": secrets.token_urlsafe(48), "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": DATABASE_URL, "REDIS_URL": REDIS_URL, "DB_CONN_MAX_AGE": "60",
        "SECURE_SSL_REDIRECT": "false", "SECURE_HSTS_SECONDS": "0", "SECURE_HSTS_PRELOAD": "false",
    })
    return env


def ensure_database():
    import psycopg

    url = urlparse(DATABASE_URL)
    name = url.path.lstrip("/")
    admin = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env, *args, capture=False):
    result = subprocess.run([PY, "manage.py", *args], cwd=BASE, env=env, check=True,  # noqa: S603
                            capture_output=capture, text=True)
    return result.stdout


def gunicorn_command(port) -> list[str]:
    """Two worker processes with threads (gthread): a request waiting on PostgreSQL or Redis no
    longer holds a whole worker, which capped xAPI posts at about 30/s with sync workers."""
    return [GUNICORN, "bounce.wsgi:application", "-c", "python:bounce.gunicorn_conf", "-w", "2", "-k", "gthread", "--threads", THREADS,
            "-b", f"127.0.0.1:{port}", "--log-level", "warning", "--chdir", str(BASE)]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5)  # noqa: S310 (local server)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer at {url}")


def run_wrk(url, extra_env=None) -> dict:
    env = {**os.environ, **(extra_env or {})}
    out = subprocess.run(["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--timeout", "10s",  # noqa: S603,S607
                          "-s", str(BASE / "scripts" / "wrk_report.lua"), url],
                         env=env, check=True, capture_output=True, text=True).stdout
    match = re.search(r"^WRKJSON (.*)$", out, re.M)
    if not match:
        raise SystemExit(f"wrk gave no report:\n{out}")
    return json.loads(match.group(1))


def settled_run(url, extra_env=None) -> dict:
    """``run_wrk`` after a pause: when wrk stops, the requests its 50 connections still had in
    flight are served all the same (up to 50 signed-in pages), and without the pause that work
    would slow the first second of the next endpoint's run."""
    time.sleep(SETTLE_SECONDS)
    return run_wrk(url, extra_env)


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk ontbreekt: installeer Debian's pakket 'wrk' (make bench doet dat).")
    env = environment()
    ensure_database()
    manage(env, "migrate", "--noinput", capture=True)
    manage(env, "load_demo", capture=True)
    setup = json.loads(manage(env, "shell", "-c", (BASE / "scripts" / "bench_setup.py").read_text(), capture=True).strip().splitlines()[-1])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(gunicorn_command(port), cwd=BASE, env=env)  # noqa: S603
    try:
        wait_for(base + "/gezond/")
        teacher = {"WRK_COOKIE": f"sessionid={setup['session']}; csrftoken={setup['csrf']}"}
        signed_in = {setup["lesson"], setup["present"], setup["course"]}
        for path in ("/gezond/", setup["module"], *signed_in):  # warm the caches
            urllib.request.urlopen(urllib.request.Request(base + path, headers={"Cookie": teacher["WRK_COOKIE"]} if path in signed_in else {}))  # noqa: S310
        statement = {"statement": {
            "actor": {"name": "bench", "mbox": "mailto:bench@example.invalid"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
            "object": {"id": setup["activity_object"], "objectType": "Activity"},
            "result": {"score": {"min": 0, "max": 2, "raw": 2, "scaled": 1}, "completion": True, "success": True},
        }}
        preflight = urllib.request.Request(base + setup["xapi"], data=json.dumps(statement).encode(), method="POST", headers={  # noqa: S310 (local server)
            "Cookie": teacher["WRK_COOKIE"], "X-CSRFToken": setup["csrf"], "Content-Type": "application/json"})
        try:
            urllib.request.urlopen(preflight, timeout=30)  # noqa: S310
        except urllib.error.HTTPError as error:  # say why, instead of a benchmark of error pages
            raise SystemExit(f"xAPI-post geweigerd ({error.code}): {error.read()[:300]!r}") from error
        endpoints = {
            "healthz": (base + "/gezond/", None), "module": (base + setup["module"], None),
            "lesson": (base + setup["lesson"], teacher), "present": (base + setup["present"], teacher),
            "course": (base + setup["course"], teacher),
            "xapi": (base + setup["xapi"], {**teacher, "WRK_CSRF": setup["csrf"], "WRK_BODY": json.dumps(statement)}),
        }
        # Every endpoint once per round, the baseline first; ratios are taken within a round and
        # the median round is reported, so a neighbour's load that comes and goes on the shared
        # machine moves one round, not the figures.
        rounds = [{name: settled_run(url, extra) for name, (url, extra) in endpoints.items()} for _ in range(ROUNDS)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    after = json.loads(manage(env, "shell", "-c", (BASE / "scripts" / "bench_setup.py").read_text(), capture=True).strip().splitlines()[-1])
    acknowledged = sum(r["xapi"]["requests"] - r["xapi"]["non2xx"] for r in rounds)
    stored = after["statements"] - setup["statements"] - 1  # not the preflight post
    for number, results in enumerate(rounds, 1):
        for name, figures in results.items():
            print(f"round {number} {name:8} {figures['rps']:9.1f} req/s   p95 {figures['p95_ms']:8.1f} ms   non-2xx {figures['non2xx']}   socket errors {figures['socket_errors']}")

    def median_of(figure):
        return round(statistics.median(figure(r) for r in rounds), 3)

    def ratio(name):
        return median_of(lambda r: r[name]["rps"] / r["healthz"]["rps"])

    def acknowledged_per_s(r):
        return (r["xapi"]["requests"] - r["xapi"]["non2xx"]) / r["xapi"]["seconds"]

    print(json.dumps({
        "rounds": ROUNDS, "seconds_per_run": int(DURATION),
        **{f"{name}_rps": median_of(lambda r, n=name: r[n]["rps"]) for name in ("healthz", "module", "lesson")},
        "module_ratio": ratio("module"), "lesson_ratio": ratio("lesson"),
        "present_ratio": ratio("present"), "course_ratio": ratio("course"),
        # Acknowledged (2xx), not stored, per second: stored also holds the posts still in flight
        # when wrk stopped counting. The ratio to /gezond/ is the same figure without the noise.
        "xapi_per_s": median_of(acknowledged_per_s), "xapi_per_s_rounds": [round(acknowledged_per_s(r), 1) for r in rounds],
        "xapi_ratio": median_of(lambda r: acknowledged_per_s(r) / r["healthz"]["rps"]),
        "xapi_acknowledged": acknowledged, "xapi_stored": stored, "xapi_lost": max(acknowledged - stored, 0),
        "p95_ms": {name: median_of(lambda r, n=name: r[n]["p95_ms"]) for name in endpoints},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
