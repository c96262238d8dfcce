"""Build ``.h5p`` packages in code from the project's own content type source.

Tests, ``load_demo`` and ``bench_h5p`` use this so that the repository holds source, never
binary packages. ``extra_files`` lets tests craft broken or hostile packages on purpose.
"""

import io
import json
import zipfile
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parent / "contenttype"
LIBRARY_FOLDER = "BOUNCE.Zelfcheck-1.0"
MAIN_LIBRARY = {"machineName": "BOUNCE.Zelfcheck", "majorVersion": 1, "minorVersion": 0}


def h5p_json(title="Zelfcheck", language="nl", main=MAIN_LIBRARY, dependencies=None):
    return {
        "title": title,
        "language": language,
        "mainLibrary": main["machineName"],
        "embedTypes": ["div"],
        "license": "U",
        "preloadedDependencies": dependencies if dependencies is not None else [main],
    }


def sample_content(intro="Voorbeeldinhoud: kies bij elke vraag wat bij jou past.", questions=None, behaviour=None):
    return {
        "intro": intro,
        "behaviour": behaviour or {"showScore": True},
        "submitLabel": "Klaar",
        "resultText": "Je score: :score van :max.",
        "missingText": "Kies bij elke vraag een antwoord.",
        "doneText": "Dank je wel voor je antwoorden.",
        "questions": questions
        or [
            {"id": "q1", "text": "Wat doe je als iets niet lukt?", "options": ["Ik geef op", "Ik probeer het opnieuw"], "correct": 1},
            {"id": "q2", "text": "Wie kun je om hulp vragen?", "options": ["Niemand", "Iemand die ik vertrouw"], "correct": 1},
        ],
    }


def library_files(folder=LIBRARY_FOLDER):
    """The content type's source files as (path in package, bytes)."""
    base = SOURCE_DIR / LIBRARY_FOLDER
    return [(f"{folder}/{path.name}", path.read_bytes()) for path in sorted(base.iterdir()) if path.is_file()]


def translation_files(folder=LIBRARY_FOLDER):
    """Its ``semantics.json`` and ``language/<code>.json`` (nl, en, ar, tr, pl), as a real
    library carries them: kept apart so that packages built for other tests stay as they were."""
    base = SOURCE_DIR / "translations"
    return [(f"{folder}/{path.relative_to(base).as_posix()}", path.read_bytes()) for path in sorted(base.rglob("*.json"))]


def build_package(
    title="Zelfcheck",
    content=None,
    manifest=None,
    extra_files=(),
    omit=(),
    compression=zipfile.ZIP_DEFLATED,
    target=None,
    translated=False,
):
    """Return the bytes of an ``.h5p`` (or write it to ``target``, a path or file object).

    ``extra_files`` are (name, bytes) or ``zipfile.ZipInfo``/bytes pairs added as-is;
    ``omit`` names standard entries to leave out (to make packages incomplete); ``translated``
    adds the content type's semantics and language files.
    """
    manifest = manifest if manifest is not None else h5p_json(title=title)
    content = content if content is not None else sample_content()
    files = [
        ("h5p.json", json.dumps(manifest).encode()),
        ("content/content.json", json.dumps(content).encode()),
        *library_files(),
        *(translation_files() if translated else ()),
    ]
    buffer = target if target is not None else io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as zf:
        for name, data in [*((n, d) for n, d in files if n not in omit), *extra_files]:
            zf.writestr(name, data)
    if target is None:
        return buffer.getvalue()
    return target
