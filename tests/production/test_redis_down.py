"""Redis down (home.resilient_cache): pages and logins keep working, and a publish while it is
down never leaves a stale page once it is back with its old keys.

"Redis" here is a local-memory cache that raises Redis' own ConnectionError while ``DOWN`` is
set, under the production guard (``ResilientCacheMixin``): deterministic, no server needed.
The fault bench (scripts/bench_faults.py) does the same against a real Redis under load.
"""

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

from home import resilient_cache
from home.resilient_cache import ResilientCacheMixin

pytestmark = pytest.mark.django_db

DOWN = {"now": False}
PASSWORD = "een-lang-wachtwoord-voor-de-test"  # noqa: S105


def _breakable(name):
    def call(self, *args, **kwargs):
        if DOWN["now"]:
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        return getattr(LocMemCache, name)(self, *args, **kwargs)
    return call


# A cache whose every call fails like an unreachable Redis while ``DOWN["now"]``.
BreakableCache = type("BreakableCache", (LocMemCache,), {name: _breakable(name) for name in (
    "get", "set", "add", "touch", "delete", "get_many", "set_many", "delete_many", "has_key", "incr", "clear")})


class GuardedCache(ResilientCacheMixin, BreakableCache):
    pass


@pytest.fixture
def flaky_cache(settings, monkeypatch):
    DOWN["now"] = False
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER", 0)  # try again at once: no sleeping in tests
    monkeypatch.setattr(resilient_cache, "_OUTAGES", {})
    settings.CACHES = {"default": {
        "BACKEND": "tests.production.test_redis_down.GuardedCache", "LOCATION": "redis-down-test",
        "OPTIONS": {"RESET_KEYS": settings.VERSION_KEYS},
    }, **settings.VERSIONED_CACHES}  # the worker-local copy in front of it (home.version_memo)
    from django.core.cache import caches

    caches["versioned"].clear()
    yield DOWN
    DOWN["now"] = False
    caches["versioned"].clear()


def test_break_really_breaks(flaky_cache):
    """The stand-in fails like Redis; the guard turns that into misses, not errors."""
    from django.core.cache import cache

    cache.set("k", 1)
    DOWN["now"] = True
    with pytest.raises(RedisConnectionError):
        BreakableCache.get(cache, "k")
    assert cache.get("k") is None and cache.add("k", 2) is False
    with pytest.raises(ValueError, match="not found"):
        cache.incr("k")


def test_pages_and_login_work_while_redis_is_down(flaky_cache, client, tree, teacher):
    teacher.set_password(PASSWORD)
    teacher.save()
    lesson, module = tree["lessons"][0], tree["modules"][0]
    client.force_login(teacher)
    assert client.get(lesson.url).status_code == 200  # caches filled
    DOWN["now"] = True
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url + "presenteren/").status_code == 200
    assert Client().get(module.url).status_code == 200
    assert Client().get("/gezond/").status_code == 200
    fresh = Client()
    response = fresh.post("/account/inloggen/", {"username": teacher.email, "password": PASSWORD})
    assert response.status_code == 302  # sessions are in the database
    assert fresh.get(lesson.url).status_code == 200


def test_publish_while_redis_is_down_is_never_served_stale_afterwards(flaky_cache, client, tree, teacher):
    lesson, module = tree["lessons"][0], tree["modules"][0]
    client.force_login(teacher)
    anonymous = Client()
    for _ in range(2):  # route cache, fragment cache, the anonymous page cache
        assert client.get(lesson.url).status_code == 200
        assert anonymous.get(module.url).status_code == 200
    assert anonymous.get(module.url)["X-Page-Cache"] == "hit"
    DOWN["now"] = True
    for page, title in ((lesson, "Les tijdens de storing"), (module, "Module tijdens de storing")):
        page.title = title
        page.save_revision().publish()  # the version bump cannot reach the cache
    assert "Les tijdens de storing" in client.get(lesson.url).content.decode()
    DOWN["now"] = False  # back, with every key it had before
    assert "Les tijdens de storing" in client.get(lesson.url).content.decode()
    assert "Les tijdens de storing" in client.get(lesson.url + "presenteren/").content.decode()
    page = anonymous.get(module.url)
    assert "Module tijdens de storing" in page.content.decode() and "X-Page-Cache" not in page
    assert anonymous.get(module.url)["X-Page-Cache"] == "hit"  # and the cache fills again
