"""Two real gunicorn app servers (production settings, no Redis) on one host.

Issue 9.3: unpublishing must reach every worker of every server, so the content version and
the page cache live in a cache all workers share (the host's file cache without REDIS_URL).
Issue 9.6: behind a trusted proxy, rate limits count per visitor (from X-Forwarded-For) on all
servers at once; a spoofed left part of the header changes nothing.
"""

import pytest
from django.test import override_settings

from schools import conf
from tests.lessons import factories as lf
from tests.servers import app_servers, file_cache, get, shared_cache_dir

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WRONG_CODE = "WWWW-WWWW"


def test_unpublishing_a_page_reaches_every_app_server_without_redis():
    home = lf.site_home()
    with app_servers(2, workers=2) as servers:
        for url in servers:
            for _ in range(3):  # rendered once, then from the (shared) page cache
                status, _headers, body = get(url + "/")
                assert status == 200 and home.intro in body
        hits = [get(url + "/")[1].get("X-Page-Cache") for url in servers]
        assert hits == ["hit", "hit"]

        # Unpublish from a third process (as the admin would), against the same host cache.
        with override_settings(CACHES=file_cache(shared_cache_dir())):
            home.unpublish()

        answers = [get(servers[index % 2] + "/")[0] for index in range(20)]
    assert answers == [404] * 20


def test_rate_limit_counts_the_forwarded_visitor_on_every_server_and_ignores_spoofing():
    with app_servers(2, env={"TRUSTED_PROXY_COUNT": "1"}) as (first, second):
        link = f"/ouders/code/{WRONG_CODE}/"
        for attempt in range(conf.CODE_ATTEMPTS):  # alternate servers: one limit for the host
            status = get((first, second)[attempt % 2] + link, headers={"X-Forwarded-For": "198.51.100.7"})[0]
            assert status == 404
        # The same visitor is blocked on both servers, also when writing another address in front
        # (the proxy appends the real one).
        assert get(first + link, headers={"X-Forwarded-For": "198.51.100.7"})[0] == 429
        assert get(second + link, headers={"X-Forwarded-For": "203.0.113.66, 198.51.100.7"})[0] == 429
        # Another visitor behind the same proxy is not.
        assert get(second + link, headers={"X-Forwarded-For": "198.51.100.8"})[0] == 404


def test_without_trusted_proxies_the_forwarded_header_is_not_believed():
    with app_servers(2) as (first, second):  # TRUSTED_PROXY_COUNT unset: 0
        link = f"/ouders/code/{WRONG_CODE}/"
        for attempt in range(conf.CODE_ATTEMPTS):
            get((first, second)[attempt % 2] + link, headers={"X-Forwarded-For": f"198.51.100.{attempt}"})
        # Every "different" forwarded address came from the same connection: blocked.
        assert get(first + link, headers={"X-Forwarded-For": "192.0.2.200"})[0] == 429
