"""The worker-local copy of versioned cache entries (home.version_memo): kept after one read,
a private copy for every reader, bounded, expiring, skipped while the shared cache is down, and
never in the way of a publish (covered end to end by tests/production/test_scale_out.py and
test_redis_down.py)."""

import pytest
from django.core.cache import caches

from home import version_memo
from home.chrome_cache import bump_content_version, content_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def memo():
    store = version_memo._Store(max_entries=3, max_bytes=10_000)
    backend = caches["versioned"]
    original, backend.store = backend.store, store
    yield backend
    backend.store = original


def test_an_entry_read_once_is_served_without_the_shared_cache(memo):
    caches["default"].set("bounce:tree:1:x", ["programme"])
    assert memo.get("bounce:tree:1:x") == ["programme"]
    caches["default"].delete("bounce:tree:1:x")  # the shared cache lost it: the worker kept it
    assert memo.get("bounce:tree:1:x") == ["programme"]
    assert memo.get("bounce:tree:1:missing") is None
    assert memo.get("bounce:tree:1:missing", "default") == "default"


def test_every_reader_gets_its_own_copy(memo):
    memo.set("bounce:route:1:/les/", {"page": ["pristine"]}, 60)
    first = memo.get("bounce:route:1:/les/")
    first["page"].append("what one visitor's request hung on it")
    assert memo.get("bounce:route:1:/les/") == {"page": ["pristine"]}
    assert caches["default"].get("bounce:route:1:/les/") == {"page": ["pristine"]}  # written through


def test_the_store_is_bounded_by_count_and_bytes_least_recently_used_first(memo):
    for name in "abc":
        memo.set(name, name, 60)
    memo.get("a")  # used: "b" is now the oldest
    memo.set("d", "d", 60)
    assert set(memo.store.entries) == {memo.make_key(k) for k in "acd"}
    memo.set("big", "x" * 2400, 60)  # within a quarter of the bytes: kept, pushing out by size
    memo.set("bigger", "y" * 2400, 60)
    assert memo.store.size <= 10_000 and len(memo.store.entries) <= 3
    memo.set("huge", "z" * 5000, 60)  # more than a quarter of the store: not kept locally
    assert memo.make_key("huge") not in memo.store.entries and memo.get("huge") == "z" * 5000


def test_entries_expire_with_their_timeout(memo, monkeypatch):
    memo.set("soon", "value", 1)
    clock = version_memo.time.monotonic() + 2
    monkeypatch.setattr(version_memo.time, "monotonic", lambda: clock)
    assert memo.store.get(memo.make_key("soon")) is None
    memo.set("never", "value", 0)  # 0 means "do not cache", as for Django's backends
    assert memo.make_key("never") not in memo.store.entries


def test_delete_and_clear_reach_both(memo):
    memo.set("k", 1, 60)
    memo.delete("k")
    assert memo.get("k") is None and caches["default"].get("k") is None
    memo.set("k", 1, 60)
    memo.clear()
    assert not memo.store.entries and caches["default"].get("k") is None


def test_nothing_is_kept_while_the_shared_cache_is_in_an_outage(memo):
    class Outage:
        seen = True

    caches["default"].outage = Outage()
    try:
        memo.set("during", "value", 60)
        assert not memo.store.entries
    finally:
        del caches["default"].outage
    memo.set("after", "value", 60)
    assert memo.make_key("after") in memo.store.entries


def test_a_publish_makes_new_keys_so_kept_entries_are_never_read_again(memo):
    before = content_version()
    memo.set(f"bounce:tree:{before}:programmes:nl", "old links", 60)
    bump_content_version()
    after = content_version()
    assert after != before
    assert memo.get(f"bounce:tree:{after}:programmes:nl") is None


def test_every_cache_tag_in_the_templates_is_keyed_by_the_content_version():
    """``{% cache %}`` and ``{% shared_cache %}`` go through the worker-local copy (the
    ``template_fragments`` alias), so a fragment keyed by anything but the content version could
    outlive its change there."""
    import re
    from pathlib import Path

    from django.conf import settings

    tags = []
    for folder in [Path(d) for d in settings.TEMPLATES[0]["DIRS"]] + list(Path(settings.BASE_DIR).glob("*/templates")):
        for template in folder.rglob("*.html"):
            tags += [(template.name, tag) for tag in re.findall(r"{%\s*(?:shared_)?cache\s[^%]*%}", template.read_text())]
    assert tags, "the chrome's header and footer are cached"
    assert any("shared_cache" in tag for _, tag in tags), "the signed-in header is cached too"
    for name, tag in tags:
        # {% cache <timeout> <name> chrome ... %}: the content version from {% chrome_version as chrome %}
        assert tag.split()[4] == "chrome", f"{name}: {tag} is not keyed by the content version"
