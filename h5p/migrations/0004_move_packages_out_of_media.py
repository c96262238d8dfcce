"""Move package files from ``MEDIA_ROOT/h5p/<token>/`` (where any media server served them
without the sandbox headers) into the package storage (``h5p.storage``).

Idempotent and safe to re-run: a package already in the storage is left alone; the old folder
is removed once every file is copied. Reverse is a no-op (files never go back under MEDIA_ROOT).
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import migrations


def move_packages(apps, schema_editor):
    from h5p.storage import file_name, package_storage  # the storage is configuration, not schema

    old_root = Path(settings.MEDIA_ROOT) / "h5p"
    if not old_root.is_dir():
        return
    storage = package_storage()
    Package = apps.get_model("h5p", "H5PPackage")
    for token in Package.objects.values_list("token", flat=True).iterator():
        folder = old_root / token
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            name = file_name(token, path.relative_to(folder).as_posix())
            if not storage.exists(name):
                with open(path, "rb") as fh:
                    storage.save(name, File(fh, name=path.name))
        shutil.rmtree(folder)
    for leftover in old_root.glob(".tmp-*"):  # half-finished imports of the old importer
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        old_root.rmdir()
    except OSError:
        pass  # other (unknown) files stay for the operator to look at


class Migration(migrations.Migration):
    dependencies = [("h5p", "0003_grading_popups_correct_pattern")]

    operations = [migrations.RunPython(move_packages, migrations.RunPython.noop)]
