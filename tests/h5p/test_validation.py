"""The package validator: every rule, with crafted bad packages, and good (real-shaped) ones."""

import io
import json
import stat
import zipfile

import pytest
from django.test import override_settings

from h5p.builder import build_package, h5p_json
from h5p.validation import PackageInvalid, validate_package

MAIN = {"machineName": "BOUNCE.Zelfcheck", "majorVersion": 1, "minorVersion": 0}


def validate(data, filename="pakket.h5p"):
    return validate_package(io.BytesIO(data), filename=filename)


def problems_of(data, filename="pakket.h5p"):
    with pytest.raises(PackageInvalid) as caught:
        validate(data, filename)
    return caught.value


def symlink_entry(name):
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


def with_nul(data, visible, hidden):
    """Replace a same-length name in the local header and central directory (zipfile cannot
    write a NUL in a name itself)."""
    assert len(visible) == len(hidden)
    return data.replace(visible.encode(), hidden.encode())


def library(name, major=1, minor=0, deps=(), js=True, **extra):
    folder = f"{name}-{major}.{minor}"
    lib = {
        "title": name, "machineName": name, "majorVersion": major, "minorVersion": minor, "patchVersion": 2,
        "runnable": 0, "preloadedDependencies": [
            {"machineName": d[0], "majorVersion": d[1], "minorVersion": d[2]} for d in deps
        ],
        **extra,
    }
    files = [(f"{folder}/library.json", json.dumps(lib).encode())]
    if js:
        lib["preloadedJs"] = [{"path": "dist/lib.js"}]
        files = [(f"{folder}/library.json", json.dumps(lib).encode()), (f"{folder}/dist/lib.js", b"var x=1;")]
    return files


def bigfile(size):
    return b"\0" * size


BAD_PACKAGES = {
    "dotdot": (dict(extra_files=[("content/../../etc/passwd.txt", b"x")]), "“..”"),
    "absolute": (dict(extra_files=[("/etc/evil.json", b"{}")]), "absolute paden"),
    "backslash": (dict(extra_files=[("content\\evil.json", b"{}")]), "backslash"),
    "symlink": (dict(extra_files=[(symlink_entry("content/link.json"), b"/etc/passwd")]), "symbolische koppelingen"),
    "duplicate": (dict(extra_files=[("content/content.json", b"{}")]), "meer dan één keer"),
    "duplicate_case": (dict(extra_files=[("Content/Content.json", b"{}")]), "meer dan één keer"),
    "nested_zip": (dict(extra_files=[("content/archief.zip", b"PK")]), "archieven"),
    "nested_h5p": (dict(extra_files=[("BOUNCE.Zelfcheck-1.0/inner.h5p", b"PK")]), "archieven"),
    "content_js": (dict(extra_files=[("content/evil.js", b"alert(1)")]), "niet toegestaan in content/"),
    "content_html": (dict(extra_files=[("content/page.html", b"<script>")]), "niet toegestaan in content/"),
    "content_svg": (dict(extra_files=[("content/images/logo.svg", b"<svg onload=alert(1)>")]), "niet toegestaan in content/"),
    "content_xml": (dict(extra_files=[("content/data.xml", b"<x/>")]), "niet toegestaan in content/"),
    "content_php": (dict(extra_files=[("content/shell.php", b"<?php")]), "niet toegestaan in content/"),
    "library_exe": (dict(extra_files=[("BOUNCE.Zelfcheck-1.0/tool.exe", b"MZ")]), "niet toegestaan in een bibliotheek"),
    "library_html": (dict(extra_files=[("BOUNCE.Zelfcheck-1.0/x.html", b"<p>")]), "niet toegestaan in een bibliotheek"),
    "no_extension": (dict(extra_files=[("BOUNCE.Zelfcheck-1.0/Makefile", b"all:")]), "niet toegestaan in een bibliotheek"),
    "root_file_type": (dict(extra_files=[("readme.html", b"<p>hallo")]), "niet toegestaan in een pakket"),
    "no_h5p_json": (dict(omit={"h5p.json"}), "h5p.json ontbreekt"),
    "no_content_json": (dict(omit={"content/content.json"}), "content/content.json ontbreekt"),
    "bad_h5p_json": (dict(omit={"h5p.json"}, extra_files=[("h5p.json", b"{niet: json")]), "geen geldige JSON"),
    "h5p_json_list": (dict(manifest=[]), "JSON-object"),
    "h5p_json_no_title": (dict(manifest={**h5p_json(), "title": ""}), "titel"),
    "h5p_json_no_language": (dict(manifest={k: v for k, v in h5p_json().items() if k != "language"}), "taal"),
    "h5p_json_bad_embed": (dict(manifest={**h5p_json(), "embedTypes": ["popup"]}), "embedTypes"),
    "h5p_json_no_deps": (dict(manifest={k: v for k, v in h5p_json().items() if k != "preloadedDependencies"}), "preloadedDependencies"),
    "main_not_in_deps": (
        dict(manifest={**h5p_json(), "preloadedDependencies": [{"machineName": "H5P.Other", "majorVersion": 1, "minorVersion": 0}]}),
        "staat niet bij",
    ),
    "bad_dep_version": (
        dict(manifest={**h5p_json(), "preloadedDependencies": [{"machineName": "BOUNCE.Zelfcheck", "majorVersion": "een", "minorVersion": 0}]}),
        "onvolledig",
    ),
    "missing_main_library": (dict(omit={"BOUNCE.Zelfcheck-1.0/library.json", "BOUNCE.Zelfcheck-1.0/zelfcheck.js", "BOUNCE.Zelfcheck-1.0/zelfcheck.css"}), "ontbreekt (nodig voor h5p.json)"),
    "missing_dependency": (
        dict(
            manifest=h5p_json(dependencies=[MAIN, {"machineName": "H5P.JoubelUI", "majorVersion": 1, "minorVersion": 3}])
        ),
        "H5P.JoubelUI 1.3 ontbreekt",
    ),
    "missing_library_dependency": (dict(extra_files=library("H5P.Helper", deps=[("H5P.Gone", 2, 1)])), "H5P.Gone 2.1 ontbreekt"),
    "folder_name_mismatch": (
        dict(extra_files=[("H5P.Wrong-1.0/library.json", json.dumps({"title": "x", "machineName": "H5P.Right", "majorVersion": 1, "minorVersion": 0, "patchVersion": 0, "runnable": 0}).encode())]),
        "hoort “H5P.Right-1.0” te heten",
    ),
    "library_json_missing_keys": (
        dict(extra_files=[("H5P.Half-1.0/library.json", json.dumps({"title": "x", "machineName": "H5P.Half"}).encode())]),
        "mist verplichte velden",
    ),
    "library_without_library_json": (dict(extra_files=[("H5P.Empty-1.0/script.js", b"1")]), "heeft geen library.json"),
    "library_missing_js": (dict(extra_files=[("H5P.Lost-1.0/library.json", json.dumps({"title": "x", "machineName": "H5P.Lost", "majorVersion": 1, "minorVersion": 0, "patchVersion": 0, "runnable": 0, "preloadedJs": [{"path": "gone.js"}]}).encode())]), "verwijst naar een bestand dat ontbreekt"),
    "empty_segment": (dict(extra_files=[("content//x.json", b"{}")]), "leeg padgedeelte"),
}


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("case", sorted(BAD_PACKAGES))
def test_bad_package_is_refused_with_a_dutch_reason(case):
    kwargs, expected = BAD_PACKAGES[case]
    error = problems_of(build_package(**kwargs))
    assert any(expected in problem for problem in error.problems), error.problems
    assert error.message.startswith("Dit H5P-pakket is niet geïmporteerd")


def test_at_least_twenty_crafted_bad_packages():
    assert len(BAD_PACKAGES) >= 20


def test_nul_in_entry_name_is_refused():
    data = with_nul(build_package(extra_files=[("content/aXb.json", b"{}")]), "content/aXb.json", "content/a\0b.json")
    error = problems_of(data)
    assert any("NUL" in p for p in error.problems)


def test_encrypted_entry_is_refused():
    data = bytearray(build_package(extra_files=[("content/geheim.txt", b"x")]))
    # Set the "encrypted" flag (bit 0 at offset 8) in that entry's central directory record.
    name_at = data.index(b"content/geheim.txt", data.index(b"PK\x01\x02"))
    record = data.rfind(b"PK\x01\x02", 0, name_at)
    data[record + 8] |= 0x01
    error = problems_of(bytes(data))
    assert any("versleutelde" in p for p in error.problems)


def test_not_a_zip_and_wrong_extension():
    assert "geen leesbaar zip-bestand" in problems_of(b"dit is geen zip").message
    assert ".h5p" in problems_of(build_package(), filename="pakket.zip").message


@override_settings(H5P_MAX_FILES=6)
def test_too_many_files():
    error = problems_of(build_package(extra_files=[(f"content/{i}.txt", b"x") for i in range(3)]))
    assert any("maximum is 6" in p for p in error.problems)


@override_settings(H5P_MAX_FILE_SIZE=1000)
def test_file_too_large_is_seen_in_the_directory():
    error = problems_of(build_package(extra_files=[("content/groot.txt", bytes(2000))], compression=zipfile.ZIP_STORED))
    assert any("groter dan" in p for p in error.problems)


@override_settings(H5P_MAX_TOTAL_SIZE=20_000)
def test_total_size_limit():
    error = problems_of(
        build_package(extra_files=[(f"content/{i}.txt", bytes(6000)) for i in range(4)], compression=zipfile.ZIP_STORED)
    )
    assert any("uitgepakt" in p and "maximum" in p for p in error.problems)


@override_settings(H5P_RATIO_MIN_SIZE=10_000, H5P_MAX_COMPRESSION_RATIO=50)
def test_zip_bomb_compression_ratio():
    error = problems_of(build_package(extra_files=[("content/bom.txt", bigfile(2_000_000))]))
    assert any("zipbom" in p for p in error.problems)


def test_upload_size_limit():
    with override_settings(H5P_MAX_UPLOAD_SIZE=100):
        assert "groter dan" in problems_of(build_package()).message


def test_all_problems_come_in_one_message():
    data = build_package(
        omit={"content/content.json"},
        extra_files=[("content/evil.js", b"1"), ("../up.txt", b"x"), ("content/logo.svg", b"<svg/>")],
    )
    error = problems_of(data)
    assert len(error.problems) == 4
    message = error.message
    assert "er zijn 4 problemen" in message
    for fragment in ("evil.js", "..", "logo.svg", "content/content.json ontbreekt"):
        assert fragment in message


def test_good_package_with_macosx_and_dotfiles_ignored():
    data = build_package(
        extra_files=[
            ("__MACOSX/._h5p.json", b"\0\0junk"),
            ("__MACOSX/content/._content.json", b"junk"),
            (".DS_Store", b"junk"),
            ("content/.hidden.exe", b"MZ"),
            ("content/images/foto.jpg", b"\xff\xd8\xff"),
        ]
    )
    info = validate(data)
    names = {m.filename for m in info.members}
    assert "content/images/foto.jpg" in names
    assert not any(n.startswith(("__MACOSX", ".")) or "/." in n for n in names)
    assert info.main_library.machine_name == "BOUNCE.Zelfcheck"
    assert info.main_library.version == "1.0.3"


def test_real_export_shape_with_string_versions_and_library_tree():
    """Shaped like a Lumi/Moodle export: string versions, several libraries, fonts and svg in a library."""
    manifest = {
        "title": "Waar of niet waar?",
        "language": "nl",
        "mainLibrary": "H5P.TrueFalse",
        "embedTypes": ["iframe"],
        "license": "U",
        "defaultLanguage": "nl",
        "preloadedDependencies": [
            {"machineName": "H5P.TrueFalse", "majorVersion": "1", "minorVersion": "6"},
            {"machineName": "H5P.Question", "majorVersion": "1", "minorVersion": "5"},
        ],
    }
    files = [
        *library("H5P.TrueFalse", 1, 6, deps=[("H5P.Question", 1, 5), ("H5P.FontIcons", 1, 0)], runnable=1),
        *library("H5P.Question", 1, 5, deps=[("H5P.JoubelUI", 1, 3)]),
        *library("H5P.JoubelUI", 1, 3, deps=[("H5P.FontIcons", 1, 0)]),
        *library("H5P.FontIcons", 1, 0, js=False),
        ("H5P.FontIcons-1.0/fonts/h5p.woff2", b"wOF2"),
        ("H5P.FontIcons-1.0/fonts/h5p.ttf", b"\0\1"),
        ("H5P.JoubelUI-1.3/images/icon.svg", b"<svg/>"),
        ("H5P.JoubelUI-1.3/semantics.json", b"[]"),
        ("H5P.JoubelUI-1.3/language/nl.json", b"{}"),
        ("H5P.Question-1.5/styles/question.css", b".x{}"),
        ("content/images/file-1.png", b"\x89PNG"),
    ]
    data = build_package(manifest=manifest, content={"question": "<p>De aarde is rond.</p>", "correct": "true"}, extra_files=files)
    info = validate(data)
    assert info.main_library.machine_name == "H5P.TrueFalse"
    assert info.main_library.version == "1.6.2"
    assert {lib.machine_name for lib in info.libraries} == {
        "BOUNCE.Zelfcheck", "H5P.TrueFalse", "H5P.Question", "H5P.JoubelUI", "H5P.FontIcons",
    }


def test_title_with_markup_is_kept_as_text():
    info = validate(build_package(title="<script>alert('x')</script> Quiz"))
    assert info.title == "<script>alert('x')</script> Quiz"


def test_unicode_lookalike_duplicates_are_refused():
    error = problems_of(build_package(extra_files=[("content/caf\u00e9.txt", b"1"), ("content/cafe\u0301.txt", b"2")]))
    assert any("meer dan één keer" in p for p in error.problems)


def test_unsupported_compression_is_refused():
    data = bytearray(build_package(extra_files=[("content/x.txt", b"abc")], compression=zipfile.ZIP_STORED))
    name_at = data.index(b"content/x.txt", data.index(b"PK\x01\x02"))
    record = data.rfind(b"PK\x01\x02", 0, name_at)
    data[record + 10] = 9  # deflate64, which zipfile cannot read
    error = problems_of(bytes(data))
    assert any("compressiemethode" in p for p in error.problems)
