"""The xAPI rate limit on the production cache (Redis through ``home.resilient_cache``): one
round trip per post (``count_hit``: SET NX EX and INCR pipelined), the window's expiry set on
its first post, and fail-open while Redis is down."""

import os

import pytest
import redis

from h5p import ratelimit
from home.resilient_cache import ResilientRedisCache
from tests import redis_databases

REDIS_URL = os.environ.get("RATELIMIT_REDIS_URL") or redis_databases.url(9)  # emptied by the tests


@pytest.fixture
def redis_cache(monkeypatch):
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.fail(f"no Redis at {REDIS_URL}: make test needs the local Redis (.ci/run starts it)")
    client.flushdb()
    backend = ResilientRedisCache(REDIS_URL, {"KEY_PREFIX": "t"})
    monkeypatch.setattr(ratelimit, "cache", backend)
    yield backend, client
    client.flushdb()


def test_a_learner_is_counted_in_one_round_trip_and_cut_off_at_the_limit(redis_cache):
    backend, client = redis_cache
    sent = []
    real = redis.client.Pipeline.execute

    def execute(pipeline, *args, **kwargs):
        sent.append([command[0][0] for command in pipeline.command_stack])
        return real(pipeline, *args, **kwargs)

    redis.client.Pipeline.execute, before = execute, redis.client.Pipeline.execute
    try:
        allowed = [ratelimit._hit("learner", "user:7", 3, 60) for _ in range(5)]
    finally:
        redis.client.Pipeline.execute = before
    assert allowed == [True, True, True, False, False]
    assert sent == [["SET", "INCRBY"]] * 5  # one pipeline per post; Django's incr sends EXISTS, then INCRBY
    (key,) = client.keys("t:*h5p:rate:learner:*")
    assert int(client.get(key)) == 5
    assert 0 < client.ttl(key) <= 61
    assert ratelimit._hit("learner", "user:8", 3, 60), "another learner has a counter of their own"


def test_a_post_counts_its_address_and_its_learner_in_one_round_trip(redis_cache, rf, settings):
    backend, client = redis_cache
    settings.H5P_RATE_LIMIT_ADDRESS, settings.H5P_RATE_LIMIT_LEARNER = (4, 60), (2, 60)
    sent = []
    real = redis.client.Pipeline.execute

    def execute(pipeline, *args, **kwargs):
        sent.append([command[0][0] for command in pipeline.command_stack])
        return real(pipeline, *args, **kwargs)

    request = rf.post("/h5p/xapi/zc/", REMOTE_ADDR="192.0.2.7")
    redis.client.Pipeline.execute, before = execute, redis.client.Pipeline.execute
    try:
        one_learner = [ratelimit.post_allowed(request, "household:1") for _ in range(3)]
        others = [ratelimit.post_allowed(request, f"household:{n}") for n in (2, 3)]
    finally:
        redis.client.Pipeline.execute = before
    assert one_learner == [True, True, False]  # the learner's limit
    assert others == [True, False]  # the address's fifth post is over its limit, whoever posts
    assert sent == [["SET", "INCRBY", "SET", "INCRBY"]] * 5  # both counters, one pipeline per post
    counts = sorted(int(client.get(key)) for key in client.keys("t:*h5p:rate:*"))
    assert counts == [1, 1, 3, 5]  # household 2 and 3, household 1, the address


def test_behind_a_trusted_proxy_a_spoofed_forwarded_for_does_not_escape_the_address_limit(redis_cache, rf, settings):
    settings.H5P_RATE_LIMIT_ADDRESS, settings.H5P_RATE_LIMIT_LEARNER = (2, 60), (100, 60)
    settings.TRUSTED_PROXY_COUNT = 1
    allowed = [
        ratelimit.post_allowed(
            rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.5"), f"anon:{n}"
        )
        for n in range(3)
    ]
    assert allowed == [True, True, False]  # the address the proxy saw counts, not what the client wrote
    other = rf.post("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert ratelimit.post_allowed(other, "anon:9")


def test_the_limit_fails_open_while_redis_is_down(monkeypatch):
    backend = ResilientRedisCache(
        "redis://127.0.0.1:1/0", {"KEY_PREFIX": "t", "OPTIONS": {"socket_connect_timeout": 0.2}}
    )
    monkeypatch.setattr(ratelimit, "cache", backend)
    assert all(ratelimit._hit("learner", "user:7", 1, 60) for _ in range(3))
    request = type("Request", (), {"META": {"REMOTE_ADDR": "192.0.2.7"}})()
    assert all(ratelimit.post_allowed(request, "user:7") for _ in range(3))


def test_the_redis_client_is_built_once_per_pool_and_shared_by_calls(redis_cache):
    """``ReusedClientRedisCacheClient``: Django would build a ``redis.Redis`` (and copy its
    response-callback table) for every call; one per pool does the same work."""
    backend, client = redis_cache
    built = []
    real_init = redis.Redis.__init__

    def init(self, *args, **kwargs):
        built.append(1)
        real_init(self, *args, **kwargs)

    redis.Redis.__init__, before = init, redis.Redis.__init__
    try:
        backend.set("k", {"value": 1}, 30)
        for _ in range(5):
            assert backend.get("k") == {"value": 1}
        assert backend.get_many(["k", "missing"]) == {"k": {"value": 1}}
    finally:
        redis.Redis.__init__ = before
    assert len(built) == 1
    assert client.ttl("t:1:k") > 0


def _sent_to_redis(monkeypatch):
    """Every round trip to Redis, as the list of commands it carried."""
    sent = []
    real_execute, real_command = redis.client.Pipeline.execute, redis.Redis.execute_command

    def execute(pipeline, *args, **kwargs):
        sent.append([command[0][0] for command in pipeline.command_stack])
        return real_execute(pipeline, *args, **kwargs)

    def execute_command(client, *args, **options):
        sent.append([args[0]])
        return real_command(client, *args, **options)

    monkeypatch.setattr(redis.client.Pipeline, "execute", execute)
    monkeypatch.setattr(redis.Redis, "execute_command", execute_command)
    return sent


@pytest.mark.django_db
def test_a_post_reads_its_activity_and_counts_both_limits_in_one_round_trip(redis_cache, monkeypatch, teacher):
    """The activity row (``h5p.activity_cache``) travels in the pipeline of the rate counts: a
    warm post makes one round trip to Redis, and a changed activity is read afresh."""
    from django.test import Client
    from django.urls import reverse

    from h5p import activity_cache
    from h5p.models import H5PAttempt

    from .packages import make_activity
    from .test_xapi import completed, post, xapi_url

    backend, client = redis_cache
    monkeypatch.setattr(activity_cache, "cache", backend)
    activity = make_activity(slug="zc")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(teacher)
    browser.get(reverse("h5p:csrf"))
    assert post(browser, xapi_url(), {"statement": completed()}).status_code == 201  # a miss: kept
    sent = _sent_to_redis(monkeypatch)
    assert post(browser, xapi_url(), {"statement": completed()}).status_code == 201
    assert sent == [["GET", "SET", "INCRBY", "SET", "INCRBY"]]
    assert H5PAttempt.objects.count() == 2

    activity.title = "Zelfcheck, nieuw"
    activity.save()  # forgets the kept row (signals), in Redis too
    sent.clear()
    assert post(browser, xapi_url(), {"statement": completed()}).status_code == 201
    assert sent[0] == ["GET", "SET", "INCRBY", "SET", "INCRBY"] and ["SET"] in sent[1:]  # read afresh, kept again
    assert backend.get(activity_cache.cache_key("zc")).title == "Zelfcheck, nieuw"

    sent.clear()
    assert post(browser, xapi_url("bestaat-niet"), {"statement": completed()}).status_code == 404
    assert sent == [["GET", "SET", "INCRBY", "SET", "INCRBY"]]  # counted: probing slugs is posting
    assert H5PAttempt.objects.count() == 3


@pytest.mark.django_db
def test_posts_are_stored_while_redis_is_down(monkeypatch, teacher):
    """Without Redis the activity comes from the database and the limits fail open: no result lost."""
    from django.test import Client
    from django.urls import reverse

    from h5p import activity_cache
    from h5p.models import H5PAttempt

    from .packages import make_activity
    from .test_xapi import completed, post, xapi_url

    down = ResilientRedisCache("redis://127.0.0.1:1/0", {"KEY_PREFIX": "t", "OPTIONS": {"socket_connect_timeout": 0.2}})
    monkeypatch.setattr(ratelimit, "cache", down)
    monkeypatch.setattr(activity_cache, "cache", down)
    make_activity(slug="zc")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(teacher)
    browser.get(reverse("h5p:csrf"))
    assert [post(browser, xapi_url(), {"statement": completed()}).status_code for _ in range(3)] == [201] * 3
    assert H5PAttempt.objects.count() == 3
    assert post(browser, xapi_url("bestaat-niet"), {"statement": completed()}).status_code == 404


def test_racing_posts_over_the_limit_let_exactly_the_limit_through(redis_cache, rf, settings):
    """Sixteen threads post at once for one learner from one address: the counters in Redis
    (SET NX and INCR, no read-then-write) let exactly the limit through."""
    import threading

    settings.H5P_RATE_LIMIT_ADDRESS, settings.H5P_RATE_LIMIT_LEARNER = (100, 60), (5, 60)
    start, results = threading.Barrier(16), []

    def client_post():
        request = rf.post("/h5p/xapi/zc/", REMOTE_ADDR="192.0.2.7")
        start.wait()
        results.append(ratelimit.count_and_read(request, "household:1", "h5p:activity:zc")[0])

    threads = [threading.Thread(target=client_post) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False] * 11 + [True] * 5


def test_a_post_without_a_learner_counts_only_its_address_with_the_read(redis_cache, rf, settings, monkeypatch):
    backend, client = redis_cache
    settings.H5P_RATE_LIMIT_ADDRESS = (2, 60)
    backend.set("h5p:activity:zc", {"row": 1}, 30)
    sent = _sent_to_redis(monkeypatch)
    request = rf.post("/", REMOTE_ADDR="192.0.2.8")
    answers = [ratelimit.count_and_read(request, None, "h5p:activity:zc") for _ in range(3)]
    assert answers == [(True, {"row": 1}), (True, {"row": 1}), (False, {"row": 1})]
    assert sent == [["GET", "SET", "INCRBY"]] * 3
    assert not client.keys("t:*h5p:rate:learner:*")
