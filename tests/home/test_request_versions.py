"""Every version a request keys its cached parts on is read once, all in one cache round trip
(``home.data_version``), and each one still moves on the very next read after a write."""

import pytest
from django.conf import settings
from django.core.cache import cache

from home import data_version
from home.chrome_cache import bump_content_version, content_version
from home.roles import ROLES_VERSION
from schools.register_cache import REGISTER_VERSION

pytestmark = pytest.mark.django_db


class CacheCalls:
    """Counts the default cache's reads, by kind (a ``get_many`` made of ``get``s counts once)."""

    def __init__(self, monkeypatch):
        self.calls, self.depth = [], 0
        for name in ("get", "get_many"):
            original = getattr(cache, name)
            monkeypatch.setattr(cache, name, self._counting(name, original))

    def _counting(self, name, original):
        def call(*args, **kwargs):
            if not self.depth:
                self.calls.append(name)
            self.depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1
        return call


def test_every_registered_version_is_restarted_after_an_outage():
    """A version missing from ``VERSION_KEYS`` would let an entry cached before a Redis outage
    hide a write made during it (``RESET_KEYS`` in production)."""
    assert data_version._KEYS  # the apps registered theirs
    assert set(data_version._KEYS) <= set(settings.VERSION_KEYS)


def test_a_request_reads_all_its_versions_in_one_round_trip(monkeypatch):
    content_version(), REGISTER_VERSION.current(), ROLES_VERSION.current()  # make them exist
    spy = CacheCalls(monkeypatch)
    token = data_version.open_request_scope()
    try:
        first = (content_version(), REGISTER_VERSION.current(), ROLES_VERSION.current())
        again = (content_version(), REGISTER_VERSION.current(), ROLES_VERSION.current())
    finally:
        data_version.close_request_scope(token)
    assert spy.calls == ["get_many"]
    assert first == again and None not in first


def test_outside_a_request_every_read_asks_the_cache(monkeypatch):
    content_version()
    spy = CacheCalls(monkeypatch)
    content_version(), content_version()
    assert spy.calls == ["get", "get"]


def test_a_write_inside_the_request_moves_its_version_at_once(django_capture_on_commit_callbacks):
    token = data_version.open_request_scope()
    try:
        before = (content_version(), REGISTER_VERSION.current())
        bump_content_version()
        with django_capture_on_commit_callbacks(execute=True):
            REGISTER_VERSION.bump()
        after = (content_version(), REGISTER_VERSION.current())
    finally:
        data_version.close_request_scope(token)
    assert after[0] > before[0]
    assert after[1] != before[1]
    assert after == (content_version(), REGISTER_VERSION.current())  # what the next request reads


def test_a_version_missing_from_the_cache_is_started_once_and_kept_for_the_request():
    cache.delete(REGISTER_VERSION.key)
    token = data_version.open_request_scope()
    try:
        started = REGISTER_VERSION.current()
        assert started is not None and REGISTER_VERSION.current() == started
    finally:
        data_version.close_request_scope(token)
    assert REGISTER_VERSION.current() == started
