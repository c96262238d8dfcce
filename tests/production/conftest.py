"""Fixtures for the production tests: a small programme tree (never the whole demo)."""

from pathlib import Path

import pytest

from tests.lessons.conftest import tree  # noqa: F401 (the same small tree as the lessons tests)


@pytest.fixture
def h5p_store(settings, tmp_path):
    """H5P packages and media in a folder of this test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.H5P_STORAGE_ROOT = str(tmp_path / "h5p-packages")
    Path(settings.MEDIA_ROOT).mkdir()
    return Path(settings.H5P_STORAGE_ROOT)
