"""Player, package files, xAPI and resume-state endpoints.

Isolation model: the player page and the package files are only ever run inside an
``<iframe sandbox="allow-scripts ...">`` without ``allow-same-origin``, and both responses also
carry ``Content-Security-Policy: sandbox ...`` so that even opened directly in a tab they run in
an opaque origin: package JavaScript never gets the site's cookies, DOM or credentialed
requests. Results reach the server through the embedding page (``static/h5p/bridge.js``),
which posts with its own session and CSRF token.
"""

import json
import mimetypes
import re
from pathlib import Path

from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils._os import safe_join
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from . import conf
from .learners import remember_anonymous, resolve_learner
from .models import H5PActivity, H5PPackage
from .selectors import saved_state
from .services import package_path, record_statement, save_state
from .xapi import StatementInvalid, check_payload

PLAYER_SANDBOX = "sandbox allow-scripts allow-popups allow-forms"
# Content types by extension, from our own whitelist: nothing is guessed from file contents.
CONTENT_TYPES = {
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "json": "application/json",
    "svg": "image/svg+xml",
    "xml": "application/xml",
    "txt": "text/plain; charset=utf-8",
    "md": "text/plain; charset=utf-8",
    "map": "application/json",
    "vtt": "text/vtt",
    "webvtt": "text/vtt",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "ttf": "font/ttf",
    "otf": "font/otf",
    "eot": "application/vnd.ms-fontobject",
    "m4a": "audio/mp4",
    "webp": "image/webp",
}
MAX_XAPI_BODY = 512 * 1024


def _content_type(name):
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext not in conf.get("H5P_LIBRARY_EXTENSIONS"):
        return None
    return CONTENT_TYPES.get(ext) or mimetypes.types_map.get(f".{ext}") or "application/octet-stream"


@require_safe
def package_file(request, token, path):
    """Serve one extracted package file with the headers a sandboxed player needs.

    Served by Django rather than WhiteNoise because packages arrive at run time (WhiteNoise
    only knows files present at start-up) and because the content type must come from our
    whitelist, never from guessing. Production can hand this off to the web server
    (X-Accel-Redirect); the unguessable token in the URL is the access control, because
    requests from the sandbox carry ``Origin: null`` and no cookies.
    """
    if not token or token.startswith(".") or "/" in token:
        raise Http404
    content_type = _content_type(path)
    parts = path.split("/")
    if content_type is None or any(p.startswith((".", "_")) or not p for p in parts):
        raise Http404
    try:
        full = Path(safe_join(str(Path(package_path(H5PPackage(token=token)))), path))
    except Exception as exc:  # SuspiciousFileOperation: outside the package folder
        raise Http404 from exc
    if not full.is_file():
        raise Http404
    response = _ranged_file_response(request, full, content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    # A token names one immutable package version: a re-upload gets a new token.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _ranged_file_response(request, full, content_type):
    """A file, or one byte range of it: audio/video seek with ranges, and Safari on iOS will
    not play a video at all without them."""
    size = full.stat().st_size
    match = RANGE.match(request.headers.get("Range", ""))
    if not match or not any(match.groups()):
        response = FileResponse(open(full, "rb"), content_type=content_type)  # noqa: SIM115 (closed by Django)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last) if last else size - 1, size - 1)
    else:  # suffix range: the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start > end or start >= size:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    handle = open(full, "rb")  # noqa: SIM115 (closed by Django)
    handle.seek(start)
    response = StreamingHttpResponse(_read_span(handle, end - start + 1), status=206, content_type=content_type)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    return response


def _read_span(handle, length, chunk=64 * 1024):
    with handle:
        while length > 0:
            data = handle.read(min(chunk, length))
            if not data:
                return
            length -= len(data)
            yield data


def _package_for(request, activity):
    """The current version, or (for people who may manage activities) ``?versie=N``."""
    version = request.GET.get("versie")
    if version and request.user.has_perm("h5p.change_h5pactivity"):
        return get_object_or_404(H5PPackage, activity=activity, version=version if version.isdigit() else -1)
    if activity.current_package is None:
        raise Http404
    return activity.current_package


def player_config(request, activity, package):
    base = reverse("h5p:package_file", args=[package.token, "x"])[:-1].rstrip("/")
    return {
        "h5pJsonPath": base,
        "contentJsonPath": f"{base}/content",
        "librariesPath": base,
        "frameJs": static("vendor/h5p-standalone/frame.bundle.js"),
        "frameCss": static("vendor/h5p-standalone/styles/h5p.css"),
        "id": f"h5p-{activity.pk}",
        "embedType": "div",
        "frame": False,
        "copyright": False,
        "export": False,
        "icon": False,
        "fullScreen": True,
        "saveFreq": 5,
        "preventH5PInit": False,
        "xAPIObjectIRI": request.build_absolute_uri(reverse("h5p:activity", args=[activity.slug])),
    }


@never_cache
@xframe_options_sameorigin
@require_GET
def player(request, slug):
    """The page inside the sandboxed iframe. It knows no learner: state comes by postMessage."""
    activity = get_object_or_404(H5PActivity.objects.select_related("current_package"), slug=slug)
    package = _package_for(request, activity)
    response = render(
        request,
        "h5p/player.html",
        {"activity": activity, "package": package, "config": player_config(request, activity, package)},
    )
    response["Content-Security-Policy"] = f"{PLAYER_SANDBOX}; frame-ancestors 'self'; {conf.get('H5P_PLAYER_CSP')}"
    return response


@require_GET
def activity_page(request, slug):
    """Standalone player URL (previews, sharing): the same embed the StreamField block renders."""
    activity = get_object_or_404(H5PActivity.objects.select_related("current_package"), slug=slug)
    if activity.current_package is None:
        raise Http404
    return render(request, "h5p/h5p_activity.html", {"activity": activity, "h5p_csrf": get_token(request)})


def _no_constants(name):
    """NaN and Infinity are not JSON (Python accepts them; PostgreSQL's jsonb does not)."""
    raise ValueError(name)


def _bad(reason, status=400):
    return JsonResponse({"error": reason}, status=status)


def _learner(request):
    try:
        return resolve_learner(request)
    except ValueError:
        return None


@require_POST
def xapi(request, slug):
    """Receive a statement (with optional sub-statements) from the embedding page's bridge."""
    activity = get_object_or_404(H5PActivity, slug=slug)
    if len(request.body) > MAX_XAPI_BODY:
        return _bad(_("Het statement is te groot."), 413)
    try:
        text = request.body.decode("utf-8")
        payload = json.loads(text, parse_constant=_no_constants)
    except (ValueError, UnicodeDecodeError):
        return _bad(_("De inhoud is geen geldige JSON."))
    if "\x00" in text or "\\u0000" in text:  # no database stores NUL in text
        return _bad(_("Een statement mag geen NUL-tekens bevatten."))
    try:
        statement, children = check_payload(payload)
        limit = conf.get("H5P_MAX_STATEMENT_BYTES")
        if any(len(json.dumps(s)) > limit for s in [statement, *children]):
            raise StatementInvalid(_("Een statement is groter dan %(kb)d KB.") % {"kb": limit // 1024})
    except StatementInvalid as exc:
        return _bad(str(exc))
    learner = _learner(request)
    if learner is None:
        return _bad(_("Resultaten kunnen hier niet worden bewaard."), 403)
    attempt = record_statement(activity, learner, statement, children)
    return remember_anonymous(
        request, JsonResponse({"stored": True, "attempt": attempt.pk if attempt else None}, status=201)
    )


@never_cache
@require_http_methods(["GET", "POST"])
def state(request, slug):
    """Resume state of the current learner: GET returns it, POST replaces it (max 64 KB)."""
    activity = get_object_or_404(H5PActivity, slug=slug)
    learner = _learner(request)
    if request.method == "GET":
        data = None
        if learner is not None and not getattr(request, "_h5p_new_anon", None):
            data = saved_state(activity, learner)
        return JsonResponse({"state": data})
    limit = conf.get("H5P_MAX_STATE_BYTES")
    if len(request.body) > limit + 1024:
        return _bad(_("De tussenstand is groter dan %(kb)d KB.") % {"kb": limit // 1024}, 413)
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return _bad(_("De inhoud is geen geldige JSON."))
    data = payload.get("state") if isinstance(payload, dict) else None
    if not isinstance(data, str):
        return _bad(_("Verwacht een JSON-object met “state” als tekst."))
    if "\x00" in data:
        return _bad(_("De tussenstand mag geen NUL-tekens bevatten."))
    if len(data.encode("utf-8")) > limit:
        return _bad(_("De tussenstand is groter dan %(kb)d KB.") % {"kb": limit // 1024}, 413)
    if learner is None:
        return _bad(_("Een tussenstand kan hier niet worden bewaard."), 403)
    save_state(activity, learner, data)
    return remember_anonymous(request, JsonResponse({"stored": True}))
