"""Fixtures for the h5p tests: a clean package store per test."""

import shutil
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def h5p_media(settings, tmp_path):
    """Each test gets its own MEDIA_ROOT, so "nothing left behind" can be checked exactly."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Path(settings.MEDIA_ROOT).mkdir()
    yield Path(settings.MEDIA_ROOT)
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


def stored_files(media):
    root = media / "h5p"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []
