"""home.postgresql: the per-request health check reads the socket; the server is asked only when
there is something to read. Against the machine's real PostgreSQL on both suite runs (SQLite
too), with connections made the way Django makes them."""

import os
import select

import dj_database_url
import pytest
from django.db.utils import ConnectionHandler

from tests.production.test_project import PRODUCTION_ENV, run_manage

SERVER_URL = os.environ.get("HEALTH_CHECK_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
MARKER = "SELECT 'bounce health check marker'"


@pytest.fixture
def connect(django_db_blocker):
    """Connections named as in DATABASES, through the given engine, closed afterwards."""
    handlers = []

    def _connect(engine="home.postgresql"):
        settings = {**dj_database_url.parse(SERVER_URL, conn_max_age=60, conn_health_checks=True), "ENGINE": engine}
        handler = ConnectionHandler({"default": settings})
        handlers.append(handler)
        connection = handler["default"]
        connection.ensure_connection()
        return connection

    with django_db_blocker.unblock():
        yield _connect
        for handler in handlers:
            handler.close_all()


def backend_pid(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def last_statement_seen_by_the_server(observer, pid):
    with observer.cursor() as cursor:
        cursor.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid])
        return cursor.fetchone()[0]


def new_request(connection):
    """What Django does when a request starts and at its first query (``close_old_connections``)."""
    connection.close_if_unusable_or_obsolete()
    connection.close_if_health_check_failed()


def wait_until_readable(connection, seconds=10):
    poller = select.poll()
    poller.register(connection.connection.fileno(), select.POLLIN)
    assert poller.poll(seconds * 1000), "the server sent nothing"


def test_a_healthy_idle_connection_is_checked_without_a_statement(connect):
    connection, observer = connect(), connect()
    pid = backend_pid(connection)
    with connection.cursor() as cursor:
        cursor.execute(MARKER)
    new_request(connection)
    assert connection.is_usable()
    assert backend_pid(observer) != pid
    assert last_statement_seen_by_the_server(observer, pid) == MARKER


def test_djangos_own_backend_sends_select_1_for_the_same_check(connect):
    """The comparison the test above rests on: Django's check does reach the server."""
    connection, observer = connect("django.db.backends.postgresql"), connect()
    pid = backend_pid(connection)
    with connection.cursor() as cursor:
        cursor.execute(MARKER)
    assert connection.is_usable()
    assert last_statement_seen_by_the_server(observer, pid) == "SELECT 1"


def test_a_connection_the_server_dropped_is_replaced_before_the_requests_first_query(connect):
    connection, admin = connect(), connect()
    pid = backend_pid(connection)
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    wait_until_readable(connection)
    assert not connection.is_usable()
    new_request(connection)
    assert backend_pid(connection) != pid  # a new connection; no OperationalError reached the request


def test_a_harmless_message_waiting_is_checked_by_the_server_and_the_connection_kept(connect):
    """Something to read that is not the end (a notification) costs Django's ``SELECT 1``, no reconnect."""
    connection, other = connect(), connect()
    pid = backend_pid(connection)
    with connection.cursor() as cursor:
        cursor.execute("LISTEN bounce_health_check")
    with other.cursor() as cursor:
        cursor.execute("NOTIFY bounce_health_check, 'hallo'")
    wait_until_readable(connection)
    assert connection.is_usable()
    new_request(connection)
    assert backend_pid(connection) == pid


def test_a_closed_connection_is_not_usable(connect):
    connection = connect()
    connection.connection.close()
    assert not connection.is_usable()


def test_every_settings_module_uses_it_for_postgresql():
    code = "from django.db import connection; print(connection.settings_dict['ENGINE'], connection.vendor)"
    production = run_manage("shell", "-v0", "-c", code, env_overrides=PRODUCTION_ENV)
    assert production.returncode == 0, production.stderr
    assert production.stdout.split() == ["home.postgresql", "postgresql"]
    development = run_manage("shell", "-v0", "-c", code, env_overrides={"DATABASE_URL": SERVER_URL})
    assert development.returncode == 0, development.stderr
    assert development.stdout.split() == ["home.postgresql", "postgresql"]
    sqlite = run_manage("shell", "-v0", "-c", code, drop=["DATABASE_URL"])
    assert sqlite.stdout.split() == ["django.db.backends.sqlite3", "sqlite"]
