"""Where extracted package files live: a Django storage of their own, never under MEDIA_ROOT.

Package files are the package author's code (JavaScript, SVG, XML). Anything a web server
serves without the player's sandbox headers runs that code with the site's origin, and the
usual deployment serves all of ``MEDIA_ROOT`` that way. So packages get their own storage:

- ``STORAGES["h5p"]`` if the project defines it (production: django-storages' S3 backend on a
  private bucket when ``H5P_S3_BUCKET`` is set, see ``bounce.settings.object_storage``; the
  package view streams the files, no bucket URL is ever handed out), otherwise
- a ``FileSystemStorage`` at ``H5P_STORAGE_ROOT`` (default: ``<MEDIA_ROOT>-h5p``, a sibling of
  ``MEDIA_ROOT``, e.g. ``media-h5p/``) with no ``base_url``: nothing has a public URL but the
  package view.

File names in the storage are ``<token>/<path in the package>``.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

from . import conf

ALIAS = "h5p"


def storage_root():
    configured = conf.get("H5P_STORAGE_ROOT")
    if configured:
        return Path(configured)
    media = Path(settings.MEDIA_ROOT).resolve()
    return media.with_name(f"{media.name}-h5p")


def package_storage():
    """The storage holding every package version's files (built per call: cheap, and it follows
    settings overridden in tests)."""
    if ALIAS in settings.STORAGES:
        return storages[ALIAS]
    return FileSystemStorage(
        location=storage_root(), base_url=None, file_permissions_mode=0o644, directory_permissions_mode=0o755
    )


def file_name(token, path):
    return f"{token}/{path}"


def delete_tree(storage, prefix):
    """Delete every file under ``prefix`` (a package token), in any storage backend."""
    if _is_s3(storage):
        _delete_s3_prefix(storage, prefix)
        return
    if isinstance(storage, FileSystemStorage):
        import shutil

        try:
            shutil.rmtree(storage.path(prefix), ignore_errors=True)
        except Exception:  # noqa: BLE001, S110 (a token that cannot name a folder has no files)
            pass
        return
    try:
        folders, files = storage.listdir(prefix)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        storage.delete(f"{prefix}/{name}")
    for folder in folders:
        delete_tree(storage, f"{prefix}/{folder}")


def _is_s3(storage):
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages is in requirements.txt; a trimmed install has no S3
        return False
    return isinstance(storage, S3Storage)


def _delete_s3_prefix(storage, prefix):
    """A package has hundreds of files: one batch request per 1000 objects under the prefix,
    rather than a listing per folder and a request per file. Only the token's own objects
    (``<location>/<token>/``) are touched."""
    from storages.utils import clean_name

    if not prefix or "/" in prefix or prefix.startswith("."):
        return  # not a token: nothing of a package lives there
    key_prefix = storage._normalize_name(clean_name(prefix)) + "/"
    storage.bucket.objects.filter(Prefix=key_prefix).delete()


def inside(child, parent):
    """Whether folder ``child`` is ``parent`` or lies beneath it (for the settings check)."""
    try:
        Path(child).resolve().relative_to(Path(parent).resolve())
    except ValueError:
        return False
    return True
