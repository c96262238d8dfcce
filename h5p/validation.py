"""Check an ``.h5p`` file completely before anything is written (H5P PHP core / Lumi policy).

Only the zip's central directory and the small JSON metadata files are read here; nothing is
extracted. Every problem found is collected so that the editor gets them all in one message
instead of fixing them one upload at a time.
"""

import json
import os
import re
import stat
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import conf

ARCHIVE_EXTENSIONS = frozenset("zip h5p jar rar 7z gz tgz tar bz2 xz zst war apk".split())
MACHINE_NAME = re.compile(r"^[\w\-.]{1,255}$")
LANGUAGE = re.compile(r"^[-a-zA-Z]{1,10}$")
# Translations of a library: ``language/<code>.json`` (nl, en, pt-br, zh-hans, nb) or the
# ``.en.json`` template (a dotfile, so ignored and never stored anyway), as Lumi accepts.
LANGUAGE_FILE = re.compile(r"^([a-z]{2,3}(-[a-z0-9]{2,8})*|\.en)\.json$", re.IGNORECASE)
EMBED_TYPES = {"iframe", "div"}
SUPPORTED_COMPRESSION = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
MAX_JSON_BYTES = 1024 * 1024  # h5p.json and library.json are a few KB in real packages
MAX_LISTED_PROBLEMS = 25


class PackageInvalid(Exception):
    """Raised with every problem found; ``message`` is one Dutch text for the editor."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(self.message)

    @property
    def message(self):
        shown = self.problems[:MAX_LISTED_PROBLEMS]
        lines = [
            ngettext(
                "Dit H5P-pakket is niet geïmporteerd; er is %(count)d probleem:",
                "Dit H5P-pakket is niet geïmporteerd; er zijn %(count)d problemen:",
                len(self.problems),
            )
            % {"count": len(self.problems)}
        ]
        lines += [f"{i}. {problem}" for i, problem in enumerate(shown, 1)]
        if len(self.problems) > len(shown):
            lines.append(_("… en nog %(count)d problemen.") % {"count": len(self.problems) - len(shown)})
        return "\n".join(lines)


@dataclass
class Library:
    machine_name: str
    major: int
    minor: int
    patch: int
    title: str
    runnable: bool
    folder: str

    @property
    def version(self):
        return f"{self.major}.{self.minor}.{self.patch}"

    def as_dict(self):
        return {
            "machineName": self.machine_name,
            "majorVersion": self.major,
            "minorVersion": self.minor,
            "patchVersion": self.patch,
            "title": self.title,
            "runnable": self.runnable,
            "folder": self.folder,
        }


@dataclass
class PackageInfo:
    """What the importer needs: metadata and the exact list of members to extract."""

    h5p_json: dict
    title: str
    language: str
    main_library: Library
    libraries: list
    members: list = field(default_factory=list)  # ZipInfo objects, all safe to extract
    skipped: list = field(default_factory=list)  # stray files at the root: not content, not stored
    total_size: int = 0
    content_size: int = 0
    archive_size: int = 0

    @property
    def file_count(self):
        return len(self.members)


def _version(value):
    """H5P writes versions as numbers or strings ("1"); both mean the same."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _is_ignored(parts):
    """``__MACOSX/``, ``.DS_Store`` and friends: skipped, as H5P servers do."""
    return any(part.startswith((".", "_")) for part in parts)


def _entry_problems(info):
    """Dangerous names and entry kinds, checked on every entry (ignored ones too)."""
    raw = info.orig_filename
    name = info.filename
    problems = []
    if "\x00" in raw:
        problems.append(_("“%(name)s”: de naam bevat een NUL-teken.") % {"name": raw.replace("\x00", "\\0")})
    if "\\" in raw:
        problems.append(_("“%(name)s”: de naam bevat een backslash.") % {"name": raw})
    if raw.startswith("/") or re.match(r"^[A-Za-z]:", raw):
        problems.append(_("“%(name)s”: absolute paden zijn niet toegestaan.") % {"name": raw})
    if ".." in name.replace("\\", "/").split("/"):
        problems.append(_("“%(name)s”: “..” in een pad is niet toegestaan.") % {"name": raw})
    if stat.S_ISLNK(info.external_attr >> 16):
        problems.append(_("“%(name)s”: symbolische koppelingen zijn niet toegestaan.") % {"name": raw})
    if info.flag_bits & 0x1:
        problems.append(_("“%(name)s”: versleutelde bestanden zijn niet toegestaan.") % {"name": raw})
    if info.compress_type not in SUPPORTED_COMPRESSION:
        problems.append(_("“%(name)s”: deze compressiemethode wordt niet ondersteund.") % {"name": raw})
    if "//" in name.rstrip("/"):
        problems.append(_("“%(name)s”: de naam bevat een leeg padgedeelte.") % {"name": raw})
    return problems


def _read_json(zf, info, problems, label):
    if info.file_size > MAX_JSON_BYTES and label != "content/content.json":
        problems.append(_("%(file)s is te groot.") % {"file": label})
        return None
    try:  # zipfile raises NotImplementedError for a compression method it cannot read
        with zf.open(info) as fh:
            data = json.loads(fh.read(info.file_size + 1).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile, RuntimeError, OSError, EOFError, zlib.error, NotImplementedError):
        problems.append(_("%(file)s is geen geldige JSON.") % {"file": label})
        return None
    if not isinstance(data, dict):
        problems.append(_("%(file)s moet een JSON-object zijn.") % {"file": label})
        return None
    return data


def _dependencies(data, key, problems, label):
    deps = data.get(key, [])
    if deps in (None, ""):
        return []
    if not isinstance(deps, list):
        problems.append(_("%(file)s: “%(key)s” moet een lijst zijn.") % {"file": label, "key": key})
        return []
    result = []
    for dep in deps:
        if not isinstance(dep, dict):
            problems.append(_("%(file)s: een afhankelijkheid in “%(key)s” is ongeldig.") % {"file": label, "key": key})
            continue
        name, major, minor = dep.get("machineName"), _version(dep.get("majorVersion")), _version(dep.get("minorVersion"))
        if not isinstance(name, str) or not MACHINE_NAME.match(name) or major is None or minor is None:
            problems.append(
                _("%(file)s: afhankelijkheid %(dep)s in “%(key)s” is onvolledig (machineName, majorVersion, minorVersion).")
                % {"file": label, "dep": json.dumps(dep)[:80], "key": key}
            )
            continue
        result.append((name, major, minor))
    return result


def _check_h5p_json(data, problems):
    label = "h5p.json"
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(_("h5p.json mist een titel (“title”)."))
    elif len(title) > 255:
        problems.append(_("h5p.json: de titel is langer dan 255 tekens."))
    language = data.get("language")
    if not isinstance(language, str) or not LANGUAGE.match(language):
        problems.append(_("h5p.json mist een geldige taal (“language”)."))
    main = data.get("mainLibrary")
    if not isinstance(main, str) or not MACHINE_NAME.match(main):
        problems.append(_("h5p.json mist de hoofdbibliotheek (“mainLibrary”)."))
    embed = data.get("embedTypes")
    if not isinstance(embed, list) or not embed or not set(embed) <= EMBED_TYPES:
        problems.append(_("h5p.json: “embedTypes” moet “iframe” en/of “div” bevatten."))
    if "preloadedDependencies" not in data:
        problems.append(_("h5p.json mist “preloadedDependencies”."))
    deps = _dependencies(data, "preloadedDependencies", problems, label)
    if isinstance(main, str) and "preloadedDependencies" in data and main not in {d[0] for d in deps}:
        problems.append(
            _("h5p.json: de hoofdbibliotheek %(main)s staat niet bij “preloadedDependencies”.") % {"main": main}
        )
    return deps


def _check_library_json(folder, data, files, problems):
    label = f"{folder}/library.json"
    missing = [k for k in ("title", "machineName", "majorVersion", "minorVersion", "patchVersion", "runnable") if k not in data]
    if missing:
        problems.append(_("%(file)s mist verplichte velden: %(keys)s.") % {"file": label, "keys": ", ".join(missing)})
        return None
    name = data["machineName"]
    major, minor, patch = (_version(data[k]) for k in ("majorVersion", "minorVersion", "patchVersion"))
    if not isinstance(name, str) or not MACHINE_NAME.match(name) or None in (major, minor, patch):
        problems.append(_("%(file)s: machineName of versienummers zijn ongeldig.") % {"file": label})
        return None
    expected = f"{name}-{major}.{minor}"
    if folder != expected:
        problems.append(
            _("De map “%(folder)s” hoort “%(expected)s” te heten (volgens library.json).")
            % {"folder": folder, "expected": expected}
        )
    for key in ("preloadedJs", "preloadedCss"):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            problems.append(_("%(file)s: “%(key)s” moet een lijst zijn.") % {"file": label, "key": key})
            continue
        for entry in entries:
            path = entry.get("path") if isinstance(entry, dict) else None
            if not isinstance(path, str) or f"{folder}/{path}" not in files:
                problems.append(
                    _("%(file)s verwijst naar een bestand dat ontbreekt: %(path)s.") % {"file": label, "path": str(path)[:120]}
                )
    title = data["title"] if isinstance(data["title"], str) else name
    return Library(name, major, minor, patch, title[:255], bool(data.get("runnable")), folder)


def _check_language_files(zf, folder, members, problems):
    """``<library>/language/*.json``: a language code as the name and valid JSON (Lumi's rule).
    Every bad file of every library is reported, not only the first."""
    prefix = f"{folder}/language/"
    for name in sorted(n for n in members if n.startswith(prefix)):
        base = name[len(prefix):]
        if "/" in base or not LANGUAGE_FILE.match(base):
            problems.append(
                _("“%(name)s”: de naam van een taalbestand moet een taalcode zijn, zoals nl.json.") % {"name": name}
            )
            continue
        _read_json(zf, members[name], problems, name)


def validate_package(source, filename=None):
    """Return ``PackageInfo`` for a safe, complete package or raise ``PackageInvalid``.

    ``source`` is a path or a binary file object (an upload). ``filename`` is the name the
    user gave the file; only ``.h5p`` is accepted, as H5P servers do.
    """
    problems = []
    if filename is not None and not str(filename).lower().endswith(".h5p"):
        raise PackageInvalid([_("Alleen bestanden met de extensie .h5p zijn toegestaan.")])
    try:
        if hasattr(source, "seek"):
            source.seek(0, 2)
            archive_size = source.tell()
            source.seek(0)
        else:
            archive_size = os.path.getsize(source)
    except OSError as exc:
        raise PackageInvalid([_("Het bestand kan niet worden gelezen.")]) from exc
    if archive_size > conf.get("H5P_MAX_UPLOAD_SIZE"):
        raise PackageInvalid([_("Het bestand is groter dan %(mb)d MB.") % {"mb": conf.get("H5P_MAX_UPLOAD_SIZE") // conf.MiB}])
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise PackageInvalid([_("Dit is geen geldig .h5p-bestand (het is geen leesbaar zip-bestand).")]) from exc
    with zf:
        info = _validate_zip(zf, problems)
    if problems:
        raise PackageInvalid(problems)
    info.archive_size = archive_size
    return info


def _validate_zip(zf, problems):
    max_files = conf.get("H5P_MAX_FILES")
    max_file = conf.get("H5P_MAX_FILE_SIZE")
    max_total = conf.get("H5P_MAX_TOTAL_SIZE")
    max_ratio = conf.get("H5P_MAX_COMPRESSION_RATIO")
    ratio_min = conf.get("H5P_RATIO_MIN_SIZE")
    content_ext = conf.get("H5P_CONTENT_EXTENSIONS")
    library_ext = conf.get("H5P_LIBRARY_EXTENSIONS")

    seen = set()
    members = {}
    skipped = []
    total = content_total = 0
    for info in zf.infolist():
        entry_problems = _entry_problems(info)
        problems.extend(entry_problems)
        key = unicodedata.normalize("NFC", info.filename.rstrip("/")).casefold()
        if key in seen:
            problems.append(_("“%(name)s” komt meer dan één keer voor.") % {"name": info.filename})
        seen.add(key)
        if entry_problems or info.is_dir():
            continue
        parts = info.filename.split("/")
        if _is_ignored(parts):
            continue
        name = info.filename
        ext = name.rsplit(".", 1)[-1].lower() if "." in parts[-1] else ""
        total += info.file_size
        if info.file_size > max_file:
            problems.append(
                _("“%(name)s” is uitgepakt groter dan %(mb)d MB.") % {"name": name, "mb": max_file // conf.MiB}
            )
        if info.file_size >= ratio_min and (
            info.compress_size == 0 or info.file_size / info.compress_size > max_ratio
        ):
            problems.append(
                _("“%(name)s” is verdacht sterk gecomprimeerd (mogelijk een zipbom).") % {"name": name}
            )
        if ext in ARCHIVE_EXTENSIONS:
            problems.append(_("“%(name)s”: archieven in een pakket zijn niet toegestaan.") % {"name": name})
        elif len(parts) == 1 and name != "h5p.json":
            # README.txt, LICENSE...: H5P core and Lumi look only at h5p.json, content/ and
            # library folders, so such files are skipped (still under the extension whitelist).
            if ext and ext not in library_ext:
                problems.append(
                    _("“%(name)s”: dit bestandstype is niet toegestaan in een pakket.") % {"name": name}
                )
            else:
                skipped.append(name)
            continue
        elif len(parts) == 1:
            pass
        elif parts[0] == "content":
            content_total += info.file_size
            if ext not in content_ext:
                problems.append(
                    _("“%(name)s”: dit bestandstype is niet toegestaan in content/.") % {"name": name}
                )
        elif ext not in library_ext:
            problems.append(
                _("“%(name)s”: dit bestandstype is niet toegestaan in een bibliotheek.") % {"name": name}
            )
        members[name] = info
    if len(members) > max_files:
        problems.append(
            _("Het pakket bevat %(count)d bestanden; het maximum is %(max)d.") % {"count": len(members), "max": max_files}
        )
    if total > max_total:
        problems.append(
            _("Het pakket is uitgepakt %(mb).1f MB; het maximum is %(max)d MB.")
            % {"mb": total / conf.MiB, "max": max_total // conf.MiB}
        )
    compressed = sum(i.compress_size for i in members.values())
    if total >= ratio_min and (compressed == 0 or total / compressed > max_ratio):
        problems.append(_("Het pakket is verdacht sterk gecomprimeerd (mogelijk een zipbom)."))

    h5p_deps = []
    h5p_json = {}
    if "h5p.json" not in members:
        problems.append(_("h5p.json ontbreekt in de hoofdmap."))
    else:
        h5p_json = _read_json(zf, members["h5p.json"], problems, "h5p.json") or {}
        if h5p_json:
            h5p_deps = _check_h5p_json(h5p_json, problems)
    if "content/content.json" not in members:
        problems.append(_("content/content.json ontbreekt."))
    elif members["content/content.json"].file_size <= max_file:
        _read_json(zf, members["content/content.json"], problems, "content/content.json")

    libraries = {}
    needs = [(dep, "h5p.json") for dep in h5p_deps]
    folders = sorted({name.split("/")[0] for name in members if "/" in name} - {"content"})
    for folder in folders:
        lib_file = f"{folder}/library.json"
        if lib_file not in members:
            problems.append(_("De map “%(folder)s” heeft geen library.json.") % {"folder": folder})
            continue
        data = _read_json(zf, members[lib_file], problems, lib_file)
        if data is None:
            continue
        library = _check_library_json(folder, data, members, problems)
        if library is None:
            continue
        libraries[(library.machine_name, library.major, library.minor)] = library
        _check_language_files(zf, folder, members, problems)
        for key in ("preloadedDependencies", "dynamicDependencies"):
            needs += [(dep, lib_file) for dep in _dependencies(data, key, problems, lib_file)]

    reported = set()
    for dep, needed_by in needs:
        if dep not in libraries and (dep, needed_by) not in reported:
            reported.add((dep, needed_by))
            problems.append(
                _("Bibliotheek %(lib)s %(major)d.%(minor)d ontbreekt (nodig voor %(by)s).")
                % {"lib": dep[0], "major": dep[1], "minor": dep[2], "by": needed_by}
            )

    main = None
    main_name = h5p_json.get("mainLibrary") if h5p_json else None
    for name, major, minor in h5p_deps:
        if name == main_name and (name, major, minor) in libraries:
            main = libraries[(name, major, minor)]
    title = h5p_json.get("title") if isinstance(h5p_json.get("title"), str) else ""
    return PackageInfo(
        h5p_json=h5p_json,
        title=title.strip()[:255],
        language=str(h5p_json.get("language", ""))[:20],
        main_library=main,
        libraries=sorted(libraries.values(), key=lambda lib: lib.machine_name.lower()),
        members=list(members.values()),
        skipped=skipped,
        total_size=total,
        content_size=content_total,
    )
