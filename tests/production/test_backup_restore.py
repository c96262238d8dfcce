"""scripts/backup_restore.sh, the tested restore docs/deploy.md describes, against the machine's
real PostgreSQL on both suite runs: a migrated database with rows shaped like real ones (Arabic
and emoji text, JSON statements, a bigint beyond 32 bits, a non-default sequence) comes back
identical; a restore that loses or changes a row is reported; a restore target that is the
source is refused before anything is dropped."""

import os
import shutil
import subprocess

import psycopg
import pytest

from tests.production.test_project import BASE_DIR, run_manage

SERVER = os.environ.get("RESTORE_TEST_SERVER_URL", "postgres://postgres@127.0.0.1:5432")
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
SOURCE_DB, RESTORE_DB = f"h_restore_source_{WORKER}", f"h_restore_target_{WORKER}"
SOURCE_URL, RESTORE_URL = f"{SERVER}/{SOURCE_DB}", f"{SERVER}/{RESTORE_DB}"
SCRIPT = BASE_DIR / "scripts" / "backup_restore.sh"

# Rows written through the ORM, as the site writes them (a separate process: the source is not
# the test database).
REAL_SHAPED_ROWS = """
from h5p.models import H5PActivity, H5PStatement
from schools.models import Groep, School, SchoolStatus
from schools import schoolyear
from tests.factories import TeacherFactory
teacher = TeacherFactory(email="zoë.de.vries@regenboog.example", first_name="Zoë")
school = School.objects.create(name="Basisschool النور 🌈", brin="12AB", wijk="Woensel",
    municipality="Eindhoven", contact_name="Mieke", contact_email="mieke@regenboog.example",
    status=SchoolStatus.ACTIVE)
groep = Groep.objects.create(school=school, school_year=schoolyear.current_school_year(),
    name="Groep 7A", year_levels=[7, 8], pupil_count=25)
groep.teachers.add(teacher)
activity = H5PActivity.objects.create(title="Zelfcheck", slug="zelfcheck")
H5PStatement.objects.create(activity=activity, learner_key="household:8f3a", verb="answered",
    raw={"verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
         "result": {"response": "نعم، أحيانًا 🙂", "score": {"raw": 2**40, "max": 2**40}}})
"""


def _drop_both_databases():
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for name in (SOURCE_DB, RESTORE_DB):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _query(url, sql, params=()):
    with psycopg.connect(url) as connection:
        return connection.execute(sql, params).fetchall()


def _run(env=None, path_prefix=None):
    environment = {**os.environ, "SOURCE_URL": SOURCE_URL, "RESTORE_URL": RESTORE_URL, **(env or {})}
    if path_prefix:
        environment["PATH"] = f"{path_prefix}:{environment['PATH']}"
    return subprocess.run(["bash", str(SCRIPT)], env=environment, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def source_database():
    """A database of its own, migrated and holding real-shaped rows; dropped afterwards."""
    _drop_both_databases()
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{SOURCE_DB}"')
    env = {"DATABASE_URL": SOURCE_URL}
    for args in (("migrate", "--noinput"), ("shell", "-c", REAL_SHAPED_ROWS)):
        result = run_manage(*args, env_overrides=env)
        assert result.returncode == 0, result.stderr[-2000:]
    # A sequence well past its rows (deleted rows): a restore must not restart it at the max id.
    _query(SOURCE_URL, "SELECT setval('schools_school_id_seq', 5000000000)")
    yield SOURCE_URL
    _drop_both_databases()


def test_a_restore_brings_back_every_table_and_sequence_unchanged(source_database):
    result = _run()
    assert result.returncode == 0, result.stderr
    assert "restore OK" in result.stdout
    assert _query(RESTORE_URL, "SELECT name FROM schools_school") == [("Basisschool النور 🌈",)]
    raw = _query(RESTORE_URL, "SELECT raw FROM h5p_h5pstatement")[0][0]
    assert raw["result"] == {"response": "نعم، أحيانًا 🙂", "score": {"raw": 2**40, "max": 2**40}}
    assert _query(RESTORE_URL, "SELECT last_value FROM schools_school_id_seq") == [(5000000000,)]


@pytest.mark.parametrize(
    ("damage", "table"),
    [
        ("DELETE FROM schools_groep_teachers", "schools_groep_teachers"),  # a row lost
        ("UPDATE schools_school SET name = 'Basisschool ??? ?'", "schools_school"),  # same count, text mangled
        ("SELECT setval('schools_school_id_seq', 1)", "schools_school_id_seq"),  # a sequence restarted
    ],
)
def test_a_restore_that_loses_or_changes_anything_is_reported(source_database, tmp_path, damage, table):
    """A faulty restore tool (here a pg_restore that damages what it restored) fails the run."""
    faulty = tmp_path / "pg_restore"
    faulty.write_text(
        f'#!/bin/sh\n{shutil.which("pg_restore")} "$@" && psql "$RESTORE_URL" -qAtc "{damage}" >/dev/null\n'
    )
    faulty.chmod(0o755)
    result = _run(path_prefix=tmp_path)
    assert result.returncode == 1
    assert "RESTORE DIFFERS" in result.stderr
    changed = [line for line in result.stderr.splitlines() if line.startswith(("<", ">"))]
    assert changed and all(f" {table} " in line for line in changed), result.stderr


def test_a_restore_into_the_source_database_is_refused_before_anything_is_dropped(source_database):
    same = SOURCE_URL.replace("127.0.0.1", "localhost")  # the same server by another name
    result = _run({"RESTORE_URL": same + "?sslmode=disable"})
    assert result.returncode == 2
    assert "names the source database" in result.stderr
    assert _query(SOURCE_URL, "SELECT count(*) FROM schools_school") == [(1,)]


def test_a_source_that_cannot_be_read_is_a_clear_error(source_database):
    target = ("SELECT oid FROM pg_database WHERE datname = %s", [RESTORE_DB])
    before = _query(f"{SERVER}/postgres", *target)
    result = _run({"SOURCE_URL": f"{SERVER}/h_restore_missing_{WORKER}"})
    assert result.returncode == 2
    assert "cannot read the source database" in result.stderr
    assert _query(f"{SERVER}/postgres", *target) == before  # not dropped, not re-created
