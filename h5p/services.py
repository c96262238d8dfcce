"""Writes of the h5p app: importing packages, storing results and resume state.

Import is all-or-nothing: the package is validated completely first (``validation``), then
streamed entry by entry into the package storage (``storage``: never under MEDIA_ROOT) under a
fresh unguessable token, and the rows are written last. Until they commit, nothing names the
token; any failure deletes the files written so far and rolls the rows back.
"""

import os
import zipfile
import zlib

from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import writes
from .models import H5PActivity, H5PPackage, new_token
from .storage import delete_tree, file_name, package_storage
from .validation import PackageInvalid, validate_package

CHUNK = 64 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")


class _CheckedMember:
    """A zip member read in chunks while checking what the directory promised: a storage
    backend pulls from it, so no member is ever held in memory whole."""

    closed = False  # asked by File.seekable() before django-storages' S3 backend uploads

    def __init__(self, stream, member):
        self.stream, self.member, self.written = stream, member, 0

    def seekable(self):
        return False  # read once, forwards: an S3 upload must not try to rewind it

    def read(self, size=-1):
        chunk = self.stream.read(CHUNK if size is None or size < 0 else size)
        if self.written == 0 and chunk.startswith(ZIP_MAGIC):
            raise PackageInvalid(
                [_("“%(name)s”: archieven in een pakket zijn niet toegestaan.") % {"name": self.member.filename}]
            )
        self.written += len(chunk)
        if self.written > self.member.file_size:  # the directory lied about the size
            raise PackageInvalid(
                [_("“%(name)s” is groter dan het zip-bestand aangeeft.") % {"name": self.member.filename}]
            )
        return chunk


def _extract(source, info, token):
    """Stream every member into the package storage under ``token``."""
    storage = package_storage()
    with zipfile.ZipFile(source) as zf:
        for member in info.members:
            name = file_name(token, member.filename)
            with zf.open(member) as src:
                stored = storage.save(name, File(_CheckedMember(src, member), name=member.filename))
            if stored != name:  # validated as unique already; belt and braces
                raise PackageInvalid([_("“%(name)s”: ongeldig pad.") % {"name": member.filename}])


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
    try:
        try:
            _extract(source, info, token)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
            # CRC or size mismatch, truncated data: found only while streaming the members.
            # (zipfile raises NotImplementedError for a compression method it cannot read.)
            raise PackageInvalid([_("Het pakket is beschadigd: %(error)s") % {"error": str(exc)[:200]}]) from exc
        with transaction.atomic():
            package = _save_rows(info, token, filename, activity, title, slug, user)
    except BaseException:
        if not H5PPackage.objects.filter(token=token).exists():
            delete_tree(package_storage(), token)
        raise
    package.skipped_files = list(info.skipped)  # for the import summary; nothing of them is stored
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


def _grades(statement) -> dict:
    """The score fields an attempt and a result row share, from a checked statement."""
    score = statement.score
    return {
        "raw_score": score.get("raw"), "max_score": score.get("max"), "scaled_score": score.get("scaled"),
        "success": statement.success, "completion": statement.completion,
    }


def record_statement(activity, learner_key, submission):
    """Store a checked ``xapi.Submission``; a parentless answered/completed with a result starts
    an attempt (Moodle's rule) and its sub-question statements become result rows of it. When
    the statement is itself the question (single-question content: TrueFalse, Drag the Words)
    and has no sub-questions, it is the attempt's one result row.

    Returns the new ``H5PAttempt`` or None.
    """
    from .models import H5PAttempt, H5PAttemptResult, H5PStatement, audience_of

    top = submission.statement
    attempt = None
    if top.starts_attempt:
        attempt = H5PAttempt(
            activity=activity,
            package_id=activity.current_package_id,
            learner_key=learner_key,
            audience=audience_of(learner_key),
            verb=top.verb,
            duration=top.duration,
            **_grades(top),
        )
    rows = [
        H5PStatement(activity=activity, attempt=attempt, learner_key=learner_key, verb=s.verb, raw=s.raw)
        for s in [top, *submission.children]
    ]
    questions = submission.children or ([top] if top.is_question else [])
    results = [
        H5PAttemptResult(
            attempt=attempt,
            object_id=q.object_id,
            question=q.question,
            interaction_type=q.interaction_type,
            correct_pattern=q.correct_pattern,
            response=q.response,
            **_grades(q),
        )
        for q in (questions if attempt is not None else [])
    ]
    # One round trip, all or nothing (h5p.writes).
    if attempt is None:
        writes.insert_rows(rows)
    else:
        writes.insert_attempt(attempt, rows, results)
    return attempt


def save_state(activity, learner_key, data):
    """Keep one resume state per activity and learner (checked by ``xapi.parse_state``)."""
    from .models import H5PState

    H5PState.objects.update_or_create(activity=activity, learner_key=learner_key, defaults={"data": data})
