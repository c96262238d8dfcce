"""Writes of the h5p app: importing packages, storing results and resume state.

Import is all-or-nothing: the package is validated completely first (``validation``), then
streamed entry by entry into a temporary folder next to its final place, and only when every
row is written is the folder renamed into place (an atomic rename on one file system). Any
failure removes the temporary folder and rolls the rows back.
"""

import os
import shutil
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import H5PActivity, H5PPackage, new_token
from .validation import PackageInvalid, validate_package

CHUNK = 64 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")


def storage_root():
    return Path(settings.MEDIA_ROOT) / "h5p"


def package_path(package):
    return storage_root() / package.token


def _extract(source, info, target_dir):
    """Stream every member into ``target_dir``; never hold a whole member in memory."""
    target_dir.mkdir(parents=True)
    root = target_dir.resolve()
    with zipfile.ZipFile(source) as zf:
        for member in info.members:
            target = (target_dir / member.filename).resolve()
            if root not in target.parents:  # validated already; belt and braces
                raise PackageInvalid([_("“%(name)s”: ongeldig pad.") % {"name": member.filename}])
            target.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with zf.open(member) as src, open(target, "xb") as dst:
                while chunk := src.read(CHUNK):
                    if written == 0 and chunk.startswith(ZIP_MAGIC):
                        raise PackageInvalid(
                            [_("“%(name)s”: archieven in een pakket zijn niet toegestaan.") % {"name": member.filename}]
                        )
                    written += len(chunk)
                    if written > member.file_size:  # the directory lied about the size
                        raise PackageInvalid(
                            [_("“%(name)s” is groter dan het zip-bestand aangeeft.") % {"name": member.filename}]
                        )
                    dst.write(chunk)


def unique_slug(title):
    base = slugify(title)[:70] or "h5p"
    slug, n = base, 2
    while H5PActivity.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def import_package(source, *, filename=None, activity=None, title=None, slug=None, user=None, info=None):
    """Validate and store a package; return its ``H5PPackage`` (new activity unless given).

    ``source`` is a path or a seekable binary file. Raises ``PackageInvalid`` and leaves
    nothing behind on any problem. Re-uploading for an ``activity`` adds a version and keeps
    its identity (slug, embeds, attempts).
    """
    if info is None:
        info = validate_package(source, filename=filename)
    if info.main_library is None:
        raise PackageInvalid([_("De hoofdbibliotheek ontbreekt in het pakket.")])
    if hasattr(source, "seek"):
        source.seek(0)
    token = new_token()
    final_dir = storage_root() / token
    tmp_dir = storage_root() / f".tmp-{token}"
    storage_root().mkdir(parents=True, exist_ok=True)
    try:
        try:
            _extract(source, info, tmp_dir)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
            # CRC or size mismatch, truncated data: found only while streaming the members.
            # (zipfile raises NotImplementedError for a compression method it cannot read.)
            raise PackageInvalid([_("Het pakket is beschadigd: %(error)s") % {"error": str(exc)[:200]}]) from exc
        with transaction.atomic():
            package = _save_rows(info, token, filename, activity, title, slug, user)
            os.rename(tmp_dir, final_dir)
    except BaseException:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        if final_dir.exists() and not H5PPackage.objects.filter(token=token).exists():
            shutil.rmtree(final_dir, ignore_errors=True)
        raise
    return package


def _save_rows(info, token, filename, activity, title, slug, user):
    title = (title or "").strip() or info.title or _("H5P-activiteit")
    if activity is None:
        activity = H5PActivity.objects.create(title=title[:255], slug=slug or unique_slug(title))
    else:
        activity = H5PActivity.objects.select_for_update().get(pk=activity.pk)
    version = (activity.packages.aggregate(m=Max("version"))["m"] or 0) + 1
    main = info.main_library
    package = H5PPackage.objects.create(
        activity=activity,
        version=version,
        token=token,
        original_filename=os.path.basename(str(filename or ""))[:255],
        package_title=info.title,
        language=info.language,
        main_library=main.machine_name,
        main_library_version=main.version,
        libraries=[lib.as_dict() for lib in info.libraries],
        h5p_json=info.h5p_json,
        file_count=info.file_count,
        archive_size=info.archive_size,
        extracted_size=info.total_size,
        content_size=info.content_size,
        uploaded_by=user if user is not None and user.is_authenticated else None,
    )
    activity.current_package = package
    activity.save(update_fields=["current_package", "updated_at"])
    return package


def record_statement(activity, learner_key, statement, children=()):
    """Store a checked statement raw; a parentless answered/completed with a result starts an
    attempt (Moodle's rule) and its sub-question statements become result rows of it.

    Returns the new ``H5PAttempt`` or None.
    """
    from .models import H5PAttempt, H5PAttemptResult, H5PStatement, audience_of
    from .xapi import ATTEMPT_VERBS, check_statement, description_of, has_parent, verb_of

    parsed = check_statement(statement)
    verb = verb_of(statement)
    with transaction.atomic():
        attempt = None
        if not has_parent(statement) and verb in ATTEMPT_VERBS and statement.get("result") is not None:
            score = parsed["score"] or {}
            attempt = H5PAttempt.objects.create(
                activity=activity,
                package_id=activity.current_package_id,
                learner_key=learner_key,
                audience=audience_of(learner_key),
                verb=verb,
                raw_score=score.get("raw"),
                max_score=score.get("max"),
                scaled_score=score.get("scaled"),
                success=parsed.get("success"),
                completion=parsed.get("completion"),
                duration=parsed.get("duration"),
            )
        rows = [H5PStatement(activity=activity, attempt=attempt, learner_key=learner_key, verb=verb, raw=statement)]
        results = []
        for child in children:
            child_parsed = check_statement(child)
            rows.append(
                H5PStatement(activity=activity, attempt=attempt, learner_key=learner_key, verb=verb_of(child), raw=child)
            )
            if attempt is not None:
                score = child_parsed["score"] or {}
                results.append(
                    H5PAttemptResult(
                        attempt=attempt,
                        object_id=child["object"]["id"][:500],
                        question=description_of(child),
                        interaction_type=str(((child["object"].get("definition") or {}).get("interactionType")) or "")[:40],
                        response=child_parsed.get("response", ""),
                        raw_score=score.get("raw"),
                        max_score=score.get("max"),
                        scaled_score=score.get("scaled"),
                        success=child_parsed.get("success"),
                        completion=child_parsed.get("completion"),
                    )
                )
        H5PStatement.objects.bulk_create(rows)
        H5PAttemptResult.objects.bulk_create(results)
    return attempt


def save_state(activity, learner_key, data):
    """Keep one resume state per activity and learner (size is checked by the caller)."""
    from .models import H5PState

    H5PState.objects.update_or_create(activity=activity, learner_key=learner_key, defaults={"data": data})
