"""The rollout figures' version (rollout.cache.version): an H5P attempt, stored with every answer
posted, is counted on the next render without replacing the shared version on each post."""

import pytest
from django.core.cache import cache as shared_cache

from h5p.models import H5PActivity, H5PAttempt
from rollout import cache

pytestmark = pytest.mark.django_db


def attempt(activity, learner):
    return H5PAttempt.objects.create(
        activity=activity,
        learner_key=learner,
        audience="user",
        verb="completed",
        raw_score=1,
        max_score=1,
        scaled_score=1,
    )


def test_an_attempt_changes_the_version_without_writing_the_shared_one():
    activity = H5PActivity.objects.create(title="Reflectie", slug="reflectie")
    before = cache.version()
    shared = shared_cache.get(cache.VERSION_KEY)
    first = attempt(activity, "user:1")
    after = cache.version()
    assert after != before, "the newest attempt is part of the version"
    assert shared_cache.get(cache.VERSION_KEY) == shared, "a post writes nothing to the cache for the figures"
    figures = cache.cached("h5p", lambda: "with the first attempt", data_version=after)
    assert cache.cached("h5p", lambda: "recomputed", data_version=cache.version()) == figures  # nothing new: a hit

    first.delete()  # deletes (an activity removed, retention) replace the version
    assert shared_cache.get(cache.VERSION_KEY) != shared
    assert cache.version() not in (before, after)


def test_the_version_is_one_query(django_assert_num_queries):
    cache.version()
    with django_assert_num_queries(1):
        cache.version()
