"""Fixtures for the h5p tests: a clean package store (and MEDIA_ROOT) per test."""

import shutil
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def h5p_media(settings, tmp_path):
    """Each test gets its own MEDIA_ROOT and package storage, so "nothing left behind" and
    "nothing under MEDIA_ROOT" can be checked exactly. Yields the package storage's root."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.H5P_STORAGE_ROOT = str(tmp_path / "h5p-packages")
    Path(settings.MEDIA_ROOT).mkdir()
    yield Path(settings.H5P_STORAGE_ROOT)
    shutil.rmtree(tmp_path, ignore_errors=True)


def stored_files(root):
    root = Path(root)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")) if root.exists() else []
