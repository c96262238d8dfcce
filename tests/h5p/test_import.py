"""Import service and the ``h5p_import`` command: atomic, streaming, identity kept on re-upload."""

import io
import os
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from h5p.builder import build_package
from h5p.models import H5PActivity, H5PAttempt, H5PPackage
from h5p.services import import_package
from h5p.validation import PackageInvalid

from .conftest import stored_files
from .packages import record
from .test_xapi import completed

pytestmark = pytest.mark.django_db


def test_import_extracts_package_and_records_metadata(h5p_media):
    data = build_package(title="Mijn zelfcheck", extra_files=[("content/images/a.png", b"\x89PNG" + bytes(100))])
    package = import_package(io.BytesIO(data), filename="mijn.h5p")
    activity = package.activity
    assert activity.title == "Mijn zelfcheck"
    assert activity.slug == "mijn-zelfcheck"
    assert activity.current_package == package
    assert (package.version, package.main_library, package.main_library_version) == (1, "BOUNCE.Zelfcheck", "1.0.3")
    assert package.file_count == 6
    assert package.archive_size == len(data)
    assert package.content_size > 104
    assert [lib["machineName"] for lib in package.libraries] == ["BOUNCE.Zelfcheck"]
    root = h5p_media / package.token
    assert (root / "h5p.json").is_file()
    assert (root / "content" / "images" / "a.png").read_bytes().startswith(b"\x89PNG")
    assert (root / "BOUNCE.Zelfcheck-1.0" / "zelfcheck.js").is_file()
    assert len(package.token) >= 32  # unguessable folder name
    assert not any(name.startswith(".tmp") for name in stored_files(h5p_media))


def test_reupload_keeps_identity_and_results(h5p_media):
    first = import_package(io.BytesIO(build_package(title="Versie een")), filename="a.h5p", slug="vaste-slug")
    activity = first.activity
    record(activity, "user:1", completed(raw=1, max=2))
    second = import_package(io.BytesIO(build_package(title="Versie twee")), filename="b.h5p", activity=activity)
    activity.refresh_from_db()
    assert second.activity_id == activity.pk and activity.slug == "vaste-slug"
    assert activity.current_package == second and second.version == 2
    assert H5PAttempt.objects.filter(activity=activity).count() == 1
    assert H5PPackage.objects.filter(activity=activity).count() == 2
    assert (h5p_media / first.token).is_dir() and (h5p_media / second.token).is_dir()


def test_failed_validation_leaves_nothing_behind(h5p_media):
    with pytest.raises(PackageInvalid):
        import_package(io.BytesIO(build_package(extra_files=[("content/x.js", b"1")])), filename="x.h5p")
    assert not H5PActivity.objects.exists() and not H5PPackage.objects.exists()
    assert stored_files(h5p_media) == []


def test_nested_archive_found_while_streaming_rolls_everything_back(h5p_media):
    """A zip disguised as an image passes the name checks; its magic bytes are caught while
    extracting, and the half-extracted folder and all rows disappear."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("payload.txt", "x")
    data = build_package(extra_files=[("content/images/z-last.png", inner.getvalue())])
    with pytest.raises(PackageInvalid) as caught:
        import_package(io.BytesIO(data), filename="x.h5p")
    assert "archieven" in caught.value.message
    assert not H5PActivity.objects.exists()
    assert stored_files(h5p_media) == []


def test_reupload_failure_keeps_current_version(h5p_media):
    package = import_package(io.BytesIO(build_package()), filename="a.h5p")
    before = stored_files(h5p_media)
    with pytest.raises(PackageInvalid):
        import_package(io.BytesIO(build_package(omit={"h5p.json"})), filename="b.h5p", activity=package.activity)
    package.activity.refresh_from_db()
    assert package.activity.current_package == package
    assert H5PPackage.objects.count() == 1
    assert stored_files(h5p_media) == before
    assert all(name.startswith(package.token) for name in before)


def test_extraction_streams_in_chunks(h5p_media, monkeypatch):
    """Never read a whole member: every read during extraction asks for one chunk at most."""
    from h5p import services
    from h5p.validation import validate_package

    data = build_package(extra_files=[("content/video.mp4", os.urandom(3_000_000))])
    info = validate_package(io.BytesIO(data))
    sizes = []
    original = zipfile.ZipExtFile.read

    def spy(self, n=-1):
        sizes.append(n)
        return original(self, n)

    monkeypatch.setattr(zipfile.ZipExtFile, "read", spy)
    import_package(io.BytesIO(data), filename="v.h5p", info=info)
    assert sizes and all(0 < n <= services.CHUNK for n in sizes)


def test_extraction_memory_stays_bounded(h5p_media):
    import tracemalloc

    from h5p.validation import validate_package

    data = build_package(extra_files=[("content/video.mp4", os.urandom(8_000_000))])
    info = validate_package(io.BytesIO(data))
    source = io.BytesIO(data)
    tracemalloc.start()
    import_package(source, filename="v.h5p", info=info)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 2_000_000  # an 8 MB member never sits in memory


def test_command_imports_and_prints_id(tmp_path, capsys):
    path = tmp_path / "oefening.h5p"
    path.write_bytes(build_package(title="Van de opdrachtregel"))
    call_command("h5p_import", str(path), "--title", "Eigen titel")
    out = capsys.readouterr().out.strip()
    activity = H5PActivity.objects.get()
    assert out == str(activity.pk)
    assert activity.title == "Eigen titel"


def test_command_new_version_of_existing_activity(tmp_path, capsys):
    path = tmp_path / "oefening.h5p"
    path.write_bytes(build_package())
    call_command("h5p_import", str(path), "--slug", "vast")
    call_command("h5p_import", str(path), "--activity", "vast")
    assert H5PActivity.objects.get().packages.count() == 2


def test_command_bad_package_exits_non_zero_and_stores_nothing(tmp_path, h5p_media):
    path = tmp_path / "kapot.h5p"
    path.write_bytes(build_package(extra_files=[("content/a.js", b"1"), ("content/b.php", b"1")]))
    with pytest.raises(CommandError) as caught:
        call_command("h5p_import", str(path))
    assert caught.value.returncode == 1
    assert "a.js" in str(caught.value) and "b.php" in str(caught.value)
    assert not H5PActivity.objects.exists()
    assert stored_files(h5p_media) == []


def test_command_missing_file_exits_2(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("h5p_import", str(tmp_path / "bestaat-niet.h5p"))
    assert caught.value.returncode == 2


def test_command_exit_code_from_shell(tmp_path):
    """The real process exit status (call_command raises; manage.py turns it into the code)."""
    import subprocess
    import sys

    from django.conf import settings

    path = tmp_path / "kapot.h5p"
    path.write_bytes(b"geen zip")
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "h5p_import", str(path)],
        cwd=settings.BASE_DIR, capture_output=True, text=True, env={**__import__("os").environ,
        "DJANGO_SETTINGS_MODULE": "bounce.settings.test"}, check=False,
    )
    assert result.returncode == 1
    assert "geen leesbaar zip-bestand" in result.stderr


def test_bench_command_reports_figures(capsys, h5p_media):
    call_command("bench_h5p", "--files", "30", "--megabytes", "1")
    out = capsys.readouterr().out
    assert "30 bestanden" in out and "tijd" in out and "piekgeheugen" in out
    assert not H5PActivity.objects.exists()
    assert stored_files(h5p_media) == []


def test_deleting_an_activity_removes_its_files(h5p_media, django_capture_on_commit_callbacks):
    # The files go once the delete commits (h5p.signals, transaction.on_commit).
    first = import_package(io.BytesIO(build_package()), filename="a.h5p")
    import_package(io.BytesIO(build_package()), filename="b.h5p", activity=first.activity)
    assert len({name.split("/")[0] for name in stored_files(h5p_media)}) == 2
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first.activity.delete()
        assert len(stored_files(h5p_media)) > 0  # nothing goes before the commit
    assert callbacks and stored_files(h5p_media) == []


def test_corrupt_member_found_while_streaming_leaves_nothing(h5p_media):
    """The directory looks fine, but a member's bytes are damaged (CRC mismatch)."""
    data = bytearray(build_package(extra_files=[("content/images/foto.jpg", os.urandom(5000))], compression=zipfile.ZIP_STORED))
    at = data.index(b"content/images/foto.jpg") + len("content/images/foto.jpg") + 100
    data[at] ^= 0xFF
    with pytest.raises(PackageInvalid) as caught:
        import_package(io.BytesIO(bytes(data)), filename="kapot.h5p")
    assert "beschadigd" in caught.value.message
    assert not H5PActivity.objects.exists()
    assert stored_files(h5p_media) == []
