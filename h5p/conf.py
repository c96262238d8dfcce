"""H5P settings with their defaults; override any of them in Django settings.

Limits follow the H5P PHP core and the Lumi server (16 MiB a file, 64 MiB in all) and are
checked from the zip directory before a single byte is extracted.
"""

from django.conf import settings

MiB = 1024 * 1024


def get(name):
    return getattr(settings, name, DEFAULTS[name])


CONTENT_EXTENSIONS = frozenset(
    "json png jpg jpeg gif bmp tif tiff webp webm mp4 ogg mp3 m4a wav vtt webvtt txt pdf csv".split()
)
# Library folders hold the executable part; they may add code, styles, fonts and vector images.
# (Office files, which the PHP core also allows, are zip archives: refused here as nested archives.)
LIBRARY_EXTENSIONS = CONTENT_EXTENSIONS | frozenset(
    "js css svg xml woff woff2 ttf eot otf md textile diff patch gltf glb map".split()
)

DEFAULTS = {
    "H5P_MAX_FILES": 2000,
    "H5P_MAX_FILE_SIZE": 16 * MiB,
    "H5P_MAX_TOTAL_SIZE": 64 * MiB,
    "H5P_MAX_UPLOAD_SIZE": 64 * MiB,
    # Deflate reaches ~10:1 on text; 100:1 and up is what zip bombs look like.
    "H5P_MAX_COMPRESSION_RATIO": 100,
    "H5P_RATIO_MIN_SIZE": 1 * MiB,  # small files may compress wildly (a json of spaces) harmlessly
    "H5P_CONTENT_EXTENSIONS": CONTENT_EXTENSIONS,
    "H5P_LIBRARY_EXTENSIONS": LIBRARY_EXTENSIONS,
    "H5P_MAX_STATE_BYTES": 64 * 1024,
    "H5P_MAX_STATEMENT_BYTES": 64 * 1024,
    "H5P_MAX_CHILDREN": 200,
    # Privacy: no breakdown of carers' (or anonymous) results from fewer than this many attempts.
    "H5P_REPORT_MIN_GROUP": 5,
    # Package code may only talk to this site (no sending answers elsewhere). Content that
    # embeds e.g. YouTube needs frame-src/media-src widened here.
    "H5P_PLAYER_CSP": (
        "default-src 'self' data: blob:; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; connect-src 'self'; form-action 'none'; base-uri 'none'"
    ),
    "H5P_LEARNER_RESOLVER": "h5p.learners.default_resolver",
    "H5P_LEARNER_FALLBACK": True,
    "H5P_ANON_COOKIE": "bounce_h5p_learner",
    "H5P_ANON_COOKIE_AGE": 365 * 24 * 3600,
    # Package files live in their own storage, never under MEDIA_ROOT (see ``h5p.storage``);
    # None: "<MEDIA_ROOT>-h5p", a sibling folder. ``STORAGES["h5p"]`` overrides it.
    "H5P_STORAGE_ROOT": None,
    # (posts, seconds) for xAPI and resume-state posts together (see ``h5p.ratelimit``).
    "H5P_RATE_LIMIT_LEARNER": (60, 60),
    "H5P_RATE_LIMIT_ADDRESS": (600, 60),
    # Images of package content load with CORS, so content that draws them on a canvas works.
    "H5P_CROSSORIGIN": "anonymous",
    # The page around a standalone activity; it must have the blocks "title" and "content".
    "H5P_PAGE_TEMPLATE": "h5p/page.html",
    # Dotted path to ``callable(page_context, language) -> {old: new}``: whole interface strings the
    # project rewrites on a page (``h5p.l10n``), e.g. the informal "je" into "u" for adults.
    "H5P_INTERFACE_REWRITES": None,
}
