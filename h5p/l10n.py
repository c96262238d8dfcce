"""Interface strings of a package in the page's language, for the player to apply.

H5P keeps a content type's interface texts ("Check", "Your score: :score of :max") in the
content parameters, filled in by the editor in the author's language. A library may carry
translations of them: ``<library>/language/<code>.json`` mirrors its ``semantics.json`` with
translated labels and ``default`` values. For a page in another language than the package,
the player replaces the *common* fields (``"common": true`` in the semantics, or inside such a
group: the fields H5P itself treats as interface text) with the library's translated defaults;
the author's own content (questions, answers) is never touched. A package without that
language keeps its own strings.

On top of that, the project may rewrite whole interface strings per page (setting
``H5P_INTERFACE_REWRITES``: a dotted path to ``callable(context, language) -> {old: new}``),
e.g. "Je score" into "Uw score" for carers; this app knows nothing of who reads the page.

Package files never change once stored (a new upload gets a new token), so the result is
cached per package version and language.
"""

import json

from django.core.cache import cache
from django.utils.module_loading import import_string

from . import conf
from .storage import file_name, package_storage

CACHE_TIMEOUT = 24 * 3600
LIST_ITEM = "[]"  # in a patch tree: apply to every item of a list


def _read_json(storage, token, path):
    name = file_name(token, path)
    try:
        if not storage.exists(name):
            return None
        with storage.open(name, "rb") as handle:
            return json.loads(handle.read())
    except (OSError, ValueError):
        return None


def common_defaults(semantics, translated, inherited=False) -> dict:
    """A sparse tree ``{field name: translated default}`` of the common text fields.

    ``semantics`` and ``translated`` are parallel lists (a language file mirrors the
    semantics); groups nest, a list of groups becomes ``{LIST_ITEM: tree}``."""
    tree = {}
    if not isinstance(semantics, list) or not isinstance(translated, list):
        return tree
    for field, text in zip(semantics, translated, strict=False):
        if not isinstance(field, dict) or not isinstance(text, dict) or not isinstance(field.get("name"), str):
            continue
        common = inherited or bool(field.get("common"))
        kind = field.get("type")
        if kind == "group" and len(field.get("fields") or []) > 1:  # one-field groups store the bare value
            sub = common_defaults(field.get("fields"), text.get("fields"), common)
        elif kind == "list" and isinstance(field.get("field"), dict) and field["field"].get("type") == "group":
            items = common_defaults(field["field"].get("fields"), (text.get("field") or {}).get("fields"), common)
            sub = {LIST_ITEM: items} if items else {}
        elif common and kind in ("text", "textarea") and isinstance(text.get("default"), str):
            tree[field["name"]] = text["default"]
            continue
        else:
            continue
        if sub:
            tree[field["name"]] = sub
    return tree


def _same_language(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def library_strings(package, language: str) -> dict:
    """``{"Machine.Name major.minor": patch tree}`` for each library of ``package`` that carries
    ``language/<language>.json``; empty when the package is in that language already."""
    if not language or (package.language and _same_language(package.language, language)):
        return {}
    found = {}
    storage = package_storage()
    for library in package.libraries or []:
        folder = library.get("folder")
        if not folder:
            continue
        translated = _read_json(storage, package.token, f"{folder}/language/{language}.json")
        if not isinstance(translated, dict):
            continue
        tree = common_defaults(_read_json(storage, package.token, f"{folder}/semantics.json"), translated.get("semantics"))
        if tree:
            found[f"{library['machineName']} {library['majorVersion']}.{library['minorVersion']}"] = tree
    return found


def package_strings(activity, language: str) -> dict:
    """``{"main": library key, "libraries": {...}}`` of the activity's current version, cached
    per version and language (a cache hit costs no query; a version's files never change)."""
    key = f"h5p:l10n:{activity.current_package_id}:{language}"
    found = cache.get(key)
    if found is None:
        package = activity.current_package
        version = ".".join(package.main_library_version.split(".")[:2])
        found = {"main": f"{package.main_library} {version}", "libraries": library_strings(package, language)}
        cache.set(key, found, CACHE_TIMEOUT)
    return found


def rewrites(context, language: str) -> dict:
    """Whole-string replacements from the project's hook (``H5P_INTERFACE_REWRITES``)."""
    path = conf.get("H5P_INTERFACE_REWRITES")
    if not path:
        return {}
    table = import_string(path)(context or {}, language)
    return {str(old): str(new) for old, new in (table or {}).items()}
