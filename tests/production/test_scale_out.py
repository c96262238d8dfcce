"""Scale-out (issue 12): two gunicorn app servers share one database and one Redis.

Each promise is shown through real HTTP against two separate processes, as a load balancer
would spread one visitor's requests: a login on A is valid on B; a page published through A's
admin is fresh (not B's cached copy) on B; a carer's progress written through A is read
through B; and the rate limits (the login lock-out, in the database, and carer-code attempts,
in Redis) count A's and B's attempts together. The servers get no shared file cache, so
whatever they share goes through Redis (``REDIS_URL``, a database of these tests' own that
each test flushes). The two servers start once for the module; the rows are each test's own.
"""

import os

import pytest
import redis
from django.conf import settings
from wagtail.models import Page

from schools import conf as schools_conf
from schools import schoolyear
from schools.models import Groep, HouseholdModuleProgress, School, SchoolStatus
from tests import redis_databases
from tests.factories import CoordinatorFactory, TeacherFactory
from tests.lessons import factories as lf
from tests.servers import Visitor, app_servers, server_logs, with_production_password

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

REDIS_URL = os.environ.get("SCALE_OUT_REDIS_URL") or redis_databases.url(11)  # emptied between tests
PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's (tests.servers.with_production_password)
LOGIN = "/account/inloggen/"
WRONG_CODE = "WWWW-WWWW"


def redis_client():
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at {REDIS_URL} is not reachable ({exc}); start redis-server (CI's .ci/run does).")
    return client


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker):
    """Servers A and B behind one (pretend) proxy, sharing Redis and nothing on disk."""
    redis_client().flushdb()
    with app_servers(2, env={"REDIS_URL": REDIS_URL, "TRUSTED_PROXY_COUNT": "1"}, share_cache=False) as urls:
        yield urls
    redis_client().flushdb()


@pytest.fixture
def shared_redis(servers):
    client = redis_client()
    client.flushdb()  # no page, content version or counter from an earlier test
    return client


@pytest.fixture
def site(shared_redis):
    """A small programme, school and groep with its teacher, and a coordinator."""
    home = lf.site_home()
    lf.programme(home, "klas", "lessen", "Lessen in de klas")
    thuis = lf.programme(home, "thuis", "thuis", "Thuismodules")
    modules = [lf.home_module(thuis, n, title=f"Thuismodule {n}") for n in (1, 2)]
    school = School.objects.create(
        name="De Regenboog", brin="12AB", wijk="Woensel", municipality="Eindhoven", contact_name="Mieke",
        contact_email="mieke@regenboog.example", status=SchoolStatus.ACTIVE,
    )
    teacher = TeacherFactory(email="leerkracht@regenboog.example")
    groep = Groep.objects.create(
        school=school, school_year=schoolyear.current_school_year(), name="Groep 7A", year_levels=[7],
        pupil_count=25, programme=Page.objects.get(slug="lessen").specific,
    )
    groep.teachers.add(teacher)
    with_production_password(teacher)
    coordinator = with_production_password(CoordinatorFactory(email="coordinator@gemeente.example"))
    return {"home": home, "modules": modules, "groep": groep, "teacher": teacher, "coordinator": coordinator}


def log_in(visitor, server, user, password=PASSWORD):
    return visitor.submit(server + LOGIN, {"username": user.email, "password": password, "next": ""})


def test_a_login_on_one_server_is_valid_on_the_other(servers, site):
    first, second = servers
    teacher = Visitor("198.51.100.21")
    status, headers, _body = log_in(teacher, first, site["teacher"])
    assert status == 302, teacher.last_body[teacher.last_body.find("<main"):][:3000]  # the form's message
    assert settings.SESSION_COOKIE_NAME in teacher.cookies

    status, _headers, body = teacher.get(second + "/mijn-groepen/")
    assert status == 200 and "Groep 7A" in body, server_logs()
    # Without the session the same page sends one to the login form.
    stranger = Visitor("198.51.100.22")
    status, headers, _body = stranger.get(second + "/mijn-groepen/")
    assert status == 302 and LOGIN in headers["Location"]

    # Logging out through B ends the session on A too (it lives in the shared database).
    teacher.submit(second + "/account/uitloggen/", {}, form_url=second + "/mijn-groepen/")
    status, headers, _body = teacher.get(first + "/mijn-groepen/")
    assert status == 302 and LOGIN in headers["Location"]


def test_a_page_published_through_one_server_is_fresh_on_the_other(servers, site, shared_redis):
    first, second = servers
    anonymous = Visitor("198.51.100.31")
    home = site["home"]
    # Warm up: the first requests on a fresh database may still create rows (e.g. site settings)
    # that bump the content version; within three visits B answers from the page cache.
    for _ in range(3):
        status, headers, body = anonymous.get(second + "/")
        assert status == 200 and home.intro in body, server_logs()
        if headers.get("X-Page-Cache") == "hit":
            break
    assert headers.get("X-Page-Cache") == "hit", server_logs()  # B answers from the page cache now
    assert shared_redis.keys("*bounce:page:*"), "the page cache lives in the shared Redis"

    # A coordinator writes a draft; nothing changes for visitors until it is published.
    home.intro = "Nieuw: de ouderavond is op dinsdag."
    home.save_revision(user=site["coordinator"])
    assert "Nieuw: de ouderavond" not in anonymous.get(second + "/")[2]

    # ... and publishes it through server A's admin (Wagtail's publish action).
    coordinator = Visitor("198.51.100.32")
    assert log_in(coordinator, first, site["coordinator"])[0] == 302
    publish = f"{first}/admin/bulk/wagtailcore/page/publish/?id={home.pk}&next=/admin/pages/"
    status, _headers, _body = coordinator.submit(publish, {"include_descendants": ""})
    assert status == 302, coordinator.last_body[:2000]

    status, headers, body = anonymous.get(second + "/")
    assert status == 200 and "Nieuw: de ouderavond is op dinsdag." in body
    assert headers.get("X-Page-Cache") != "hit"  # rendered afresh under the new content version
    assert "Nieuw: de ouderavond is op dinsdag." in anonymous.get(first + "/")[2]


def test_a_carers_progress_written_through_one_server_is_read_through_the_other(servers, site):
    first, second = servers
    carer = Visitor("198.51.100.41")
    status, headers, _body = carer.submit(first + "/ouders/", {"code": site["groep"].carer_code_display})
    assert status == 302 and headers["Location"].endswith("/ouders/thuis/")
    assert schools_conf.HOUSEHOLD_COOKIE in carer.cookies  # signed with the key both servers share

    status, _headers, body = carer.get(second + "/ouders/thuis/")
    assert status == 200 and "0 van 2 thuismodules klaar" in body

    module = site["modules"][0]
    status, _headers, _body = carer.submit(
        f"{first}/ouders/module/{module.pk}/klaar/", {"next": "/ouders/thuis/"}, form_url=first + "/ouders/thuis/"
    )
    assert status == 302
    assert HouseholdModuleProgress.objects.filter(module=module, completed_at__isnull=False).count() == 1

    status, _headers, body = carer.get(second + "/ouders/thuis/")
    assert status == 200 and "1 van 2 thuismodules klaar" in body


def test_the_login_lock_out_counts_failures_on_both_servers(servers, site):
    first, second = servers
    guesser = Visitor("198.51.100.51")
    teacher = site["teacher"]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        status, _headers, body = log_in(guesser, first, teacher, password="fout-wachtwoord")
        assert status == 200 and "Inloggen" in body  # the form again, with its message
    status, _headers, _body = log_in(guesser, second, teacher, password="fout-wachtwoord")
    assert status == 429  # the limit is reached with B's attempt: A's count there too

    # Now even the right password waits, on either server.
    for server in servers:
        status, _headers, _body = log_in(guesser, server, teacher)
        assert status == 429 and settings.SESSION_COOKIE_NAME not in guesser.cookies
    # The lock-out is per address (as the proxy forwards it): the teacher at school gets in.
    assert log_in(Visitor("198.51.100.52"), second, teacher)[0] == 302


def test_carer_code_attempts_count_on_both_servers_in_redis(servers, site, shared_redis):
    first, second = servers
    guesser = Visitor("198.51.100.61")
    for _ in range(schools_conf.CODE_ATTEMPTS - 1):
        assert guesser.submit(first + "/ouders/", {"code": WRONG_CODE})[0] == 200
    assert guesser.submit(second + "/ouders/", {"code": WRONG_CODE})[0] == 200
    assert shared_redis.keys("*ratelimit:carer-code:198.51.100.61"), "the counter lives in the shared Redis"

    right_code = site["groep"].carer_code_display
    for server in servers:  # the limit is used up on both servers, even for the right code
        status, _headers, body = guesser.submit(server + "/ouders/", {"code": right_code})
        assert status == 429 and "te vaak" in body
    assert schools_conf.HOUSEHOLD_COOKIE not in guesser.cookies
    # Another visitor behind the same proxy is not held up.
    assert Visitor("198.51.100.62").submit(second + "/ouders/", {"code": right_code})[0] == 302
