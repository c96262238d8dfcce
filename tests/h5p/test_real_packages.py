"""Issue 8, packages from the real world: stray root files, language files, where package files
live (never under MEDIA_ROOT) and how existing packages move there."""

import io
import json
import os
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from h5p.builder import build_package
from h5p.models import H5PPackage
from h5p.services import import_package
from h5p.validation import PackageInvalid, validate_package

from .conftest import stored_files
from .packages import real_export_package

pytestmark = pytest.mark.django_db

LANGUAGE = json.dumps({"semantics": []}).encode()


def test_real_export_imports_with_stray_root_files_skipped_and_stored_nowhere(h5p_media):
    package = import_package(io.BytesIO(real_export_package()), filename="plaatjescheck.h5p")
    assert package.skipped_files == ["README.txt", "LICENSE"]
    files = stored_files(h5p_media)
    assert not any(name.endswith(("README.txt", "LICENSE")) for name in files)
    assert f"{package.token}/BOUNCE.PictureCheck-1.2/language/nl.json" in files
    assert f"{package.token}/BOUNCE.Colours-2.0/colours.js" in files  # both versions kept
    assert not any("/.en.json" in name for name in files)  # dotfiles stay ignored
    assert package.main_library == "BOUNCE.PictureCheck" and package.main_library_version == "1.2.7"
    assert sorted((lib["machineName"], lib["minorVersion"]) for lib in package.libraries) == [
        ("BOUNCE.Colours", 0), ("BOUNCE.Colours", 1), ("BOUNCE.PictureCheck", 2),
    ]


def test_import_command_names_the_skipped_files(tmp_path, capsys):
    path = tmp_path / "export.h5p"
    path.write_bytes(real_export_package())
    call_command("h5p_import", str(path))
    err = capsys.readouterr().err
    assert "Overgeslagen" in err and "README.txt" in err and "LICENSE" in err


def test_stray_root_file_keeps_the_extension_whitelist_and_archive_rule():
    for name, reason in (("evil.html", "niet toegestaan in een pakket"), ("extra.zip", "archieven")):
        with pytest.raises(PackageInvalid) as caught:
            validate_package(io.BytesIO(build_package(extra_files=[(name, b"<p>x</p>")])))
        assert reason in caught.value.message


def test_bad_language_files_of_two_libraries_are_all_listed_in_one_message():
    data = real_export_package()
    bad = build_package(
        manifest=json.loads(_read(data, "h5p.json")),
        content=json.loads(_read(data, "content/content.json")),
        extra_files=[
            *[(n, _read(data, n)) for n in _names(data) if n not in ("h5p.json", "content/content.json")],
            ("BOUNCE.PictureCheck-1.2/language/de.json", b"{niet json"),
            ("BOUNCE.PictureCheck-1.2/language/XXX!.json", LANGUAGE),
            ("BOUNCE.Colours-2.1/language/fr.json", b"[1, 2]"),
            ("BOUNCE.Colours-2.1/language/nederlands.json", LANGUAGE),
        ],
        omit={"BOUNCE.Zelfcheck-1.0/" + n for n in ("library.json", "zelfcheck.js", "zelfcheck.css")},
    )
    with pytest.raises(PackageInvalid) as caught:
        validate_package(io.BytesIO(bad))
    message = caught.value.message
    assert "BOUNCE.PictureCheck-1.2/language/de.json is geen geldige JSON" in message
    assert "BOUNCE.PictureCheck-1.2/language/XXX!.json" in message
    assert "BOUNCE.Colours-2.1/language/fr.json moet een JSON-object zijn" in message
    assert "BOUNCE.Colours-2.1/language/nederlands.json" in message
    assert "4 problemen" in message


def test_language_codes_that_real_libraries_use_are_accepted():
    names = ["nl", "en", "pt-br", "zh-hans", "nb", "sma", "es-419"]
    files = [(f"BOUNCE.Zelfcheck-1.0/language/{code}.json", LANGUAGE) for code in names]
    assert validate_package(io.BytesIO(build_package(extra_files=files)))


def _names(data):
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.namelist()


def _read(data, name):
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read(name)


# Point 6: package files never live under MEDIA_ROOT and never answer under MEDIA_URL.

MEDIA_URLCONF = "tests.h5p.urls_with_media"


def test_package_files_are_stored_outside_media_root(settings, h5p_media):
    package = import_package(io.BytesIO(real_export_package()), filename="a.h5p")
    media = Path(settings.MEDIA_ROOT)
    assert list(media.rglob("*")) == []
    assert (h5p_media / package.token / "h5p.json").is_file()
    assert not h5p_media.resolve().is_relative_to(media.resolve())


@override_settings(ROOT_URLCONF=MEDIA_URLCONF, DEBUG=True)
def test_no_package_file_answers_under_media_url_even_with_debug_media_serving(client, settings, h5p_media):
    """The development server's media route (``static(MEDIA_URL, document_root=MEDIA_ROOT)``, on
    with DEBUG) and any server serving MEDIA_ROOT find nothing: only the package view serves."""
    package = import_package(io.BytesIO(real_export_package()), filename="a.h5p")
    probe = Path(settings.MEDIA_ROOT) / "probe.txt"
    probe.write_text("media works")
    assert client.get(f"{settings.MEDIA_URL}probe.txt").status_code == 200  # the route is live
    for path in ("h5p.json", "BOUNCE.PictureCheck-1.2/picture-check.js", "content/images/beeld.png"):
        for url in (f"/media/h5p/{package.token}/{path}", f"/media/{package.token}/{path}",
                    f"/media/../h5p-packages/{package.token}/{path}"):
            assert client.get(url).status_code in (400, 404), url  # 400: traversal refused
        served = client.get(reverse("h5p:package_file", args=[package.token, path]))
        assert served.status_code == 200
        assert served["Content-Security-Policy"].startswith("sandbox")


def test_storage_root_inside_media_root_fails_the_system_check(settings, tmp_path):
    settings.H5P_STORAGE_ROOT = str(Path(settings.MEDIA_ROOT) / "h5p")
    assert "h5p.E001" in [e.id for e in run_checks()]
    settings.H5P_STORAGE_ROOT = str(tmp_path / "elders")
    assert "h5p.E001" not in [e.id for e in run_checks()]


def test_a_configured_storage_alias_is_used(settings, tmp_path):
    """Production can point ``STORAGES["h5p"]`` at another backend (e.g. a private S3 bucket)."""
    target = tmp_path / "eigen-opslag"
    settings.STORAGES = {**settings.STORAGES, "h5p": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(target)},
    }}
    package = import_package(io.BytesIO(build_package()), filename="a.h5p")
    assert (target / package.token / "h5p.json").is_file()


def test_migration_moves_existing_packages_out_of_media(settings, h5p_media):
    """Packages extracted by the old importer under MEDIA_ROOT/h5p/<token>/ move into the
    package storage and are served from there; re-running changes nothing."""
    import importlib

    from django.apps import apps

    move = importlib.import_module("h5p.migrations.0004_move_packages_out_of_media").move_packages
    package = import_package(io.BytesIO(build_package()), filename="a.h5p")
    old = Path(settings.MEDIA_ROOT) / "h5p" / package.token
    os.renames(h5p_media / package.token, old)  # as the old importer left it
    (Path(settings.MEDIA_ROOT) / "h5p" / ".tmp-half").mkdir()
    assert not (h5p_media / package.token).exists()

    move(apps, None)
    assert not (Path(settings.MEDIA_ROOT) / "h5p").exists()
    assert (h5p_media / package.token / "content" / "content.json").is_file()
    move(apps, None)
    assert H5PPackage.objects.count() == 1
    from django.test import Client

    assert Client().get(reverse("h5p:package_file", args=[package.token, "h5p.json"])).status_code == 200


def test_default_storage_root_is_a_sibling_of_media_root(settings, tmp_path):
    from h5p.storage import inside, storage_root

    settings.H5P_STORAGE_ROOT = None
    settings.MEDIA_ROOT = str(tmp_path / "media")
    assert storage_root() == (tmp_path / "media-h5p").resolve()
    assert not inside(storage_root(), settings.MEDIA_ROOT)
