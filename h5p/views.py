"""Player, package files, xAPI and resume-state endpoints.

Isolation model: the player page and the package files are only ever run inside an
``<iframe sandbox="allow-scripts ...">`` without ``allow-same-origin``, and both responses also
carry ``Content-Security-Policy: sandbox ...`` so that even opened directly in a tab they run in
an opaque origin: package JavaScript never gets the site's cookies, DOM or credentialed
requests. Results reach the server through the embedding page (``h5p/static/h5p/bridge.js``),
which posts with its own session and CSRF token. The embed HTML itself carries no per-visitor
token (so pages with activities can be cached for anonymous visitors): the bridge reads the
CSRF cookie, or asks ``csrf_token`` once for one.
"""

import mimetypes
import re

from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpResponse, JsonResponse, StreamingHttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from . import activity_cache, conf, ratelimit
from .embed import embed_context, sandbox_tokens
from .learners import remember_anonymous, resolve_learner
from .models import H5PActivity, H5PPackage
from .selectors import saved_state
from .services import record_statement, save_state
from .storage import file_name, package_storage
from .xapi import StatementInvalid, parse_state, parse_submission, player_rules

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
    if content_type is None or any(p.startswith((".", "_")) or not p or "\\" in p for p in parts):
        raise Http404
    storage = package_storage()
    name = file_name(token, path)
    try:
        if not storage.exists(name):
            raise Http404
        size = storage.size(name)
        handle = storage.open(name, "rb")
    except (OSError, ValueError, SuspiciousFileOperation) as exc:  # a folder; a path outside the storage
        raise Http404 from exc
    response = _ranged_file_response(request, handle, size, content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    # A token names one immutable package version: a re-upload gets a new token.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _ranged_file_response(request, handle, size, content_type):
    """A file, or one byte range of it: audio/video seek with ranges, and Safari on iOS will
    not play a video at all without them. ``handle`` is an open storage file (closed by Django
    or by ``_read_span``)."""
    match = RANGE.match(request.headers.get("Range", ""))
    if not match or not any(match.groups()):
        response = FileResponse(handle, content_type=content_type)
        response["Content-Length"] = str(size)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last) if last else size - 1, size - 1)
    else:  # suffix range: the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start > end or start >= size:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
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
        # Not options of h5p-standalone: player.js puts them into H5PIntegration / uses them.
        "crossorigin": conf.get("H5P_CROSSORIGIN"),
        "rules": player_rules(),
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
    response["Content-Security-Policy"] = (
        f"sandbox {sandbox_tokens(activity)}; frame-ancestors 'self'; {conf.get('H5P_PLAYER_CSP')}"
    )
    return response


@require_GET
def activity_page(request, slug):
    """Standalone player URL (previews, sharing): the same embed the StreamField block renders,
    inside the layout named by ``H5P_PAGE_TEMPLATE``."""
    activity = get_object_or_404(H5PActivity.objects.select_related("current_package"), slug=slug)
    if activity.current_package is None:
        raise Http404
    context = {"page_template": conf.get("H5P_PAGE_TEMPLATE"), **embed_context(activity)}
    return render(request, "h5p/h5p_activity.html", context)


@never_cache
@require_GET
def csrf_token(request):
    """Hands the bridge a CSRF token (and sets the cookie) when the page it runs on, cached for
    anonymous visitors, carries none. ``no-store``: the token belongs to this visitor."""
    return _json({"token": get_token(request)})


# JSON answers are no document: nothing in them may load, run or be framed. Set here, so the
# site's page policy (django-csp leaves a response that has one alone) is not built per post.
JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"


def _json(payload, status=200):
    response = JsonResponse(payload, status=status)
    response["Content-Security-Policy"] = JSON_POLICY
    return response


def _bad(reason, status=400):
    return _json({"error": reason}, status=status)


def _learner(request):
    try:
        return resolve_learner(request)
    except ValueError:
        return None


def _too_many():
    response = _bad(_("Te veel resultaten in korte tijd. Wacht een minuut en probeer het opnieuw."), 429)
    response["Retry-After"] = "60"
    return response


def _activity_counted(request, slug, learner):
    """The activity a post names, and whether the post is within the limits (``ratelimit``).

    The post counts against its address, and its learner if there is one; the activity row is
    read from the cache in the same round trip (``activity_cache``), because on a post each
    round trip costs about as much as the work. A malformed post is refused before this: it
    does not count, and checking it costs less than the count. A post to an activity that does
    not exist counts too (probing slugs is posting)."""
    allowed, cached = ratelimit.count_and_read(request, learner, activity_cache.cache_key(slug))
    return activity_cache.found(slug, cached), allowed


@require_POST
def xapi(request, slug):
    """Receive a statement (with optional sub-statements) from the embedding page's bridge."""
    try:
        submission = parse_submission(request.body)
    except StatementInvalid as exc:
        return _bad(str(exc), exc.status)
    learner = _learner(request)
    activity, allowed = _activity_counted(request, slug, learner)
    if not allowed:
        return _too_many()
    if activity is None:
        raise Http404
    if learner is None:
        return _bad(_("Resultaten kunnen hier niet worden bewaard."), 403)
    attempt = record_statement(activity, learner, submission)
    return remember_anonymous(request, _json({"stored": True, "attempt": attempt.pk if attempt else None}, status=201))


@never_cache
@require_http_methods(["GET", "POST"])
def state(request, slug):
    """Resume state of the current learner: GET returns it, POST replaces it (max 64 KB)."""
    learner = _learner(request)
    if request.method == "GET":
        activity = activity_cache.get(slug)
        if activity is None:
            raise Http404
        data = None
        if learner is not None and not getattr(request, "_h5p_new_anon", None):
            data = saved_state(activity, learner)
        return _json({"state": data})
    try:
        data = parse_state(request.body)
    except StatementInvalid as exc:
        return _bad(str(exc), exc.status)
    activity, allowed = _activity_counted(request, slug, learner)
    if not allowed:
        return _too_many()
    if activity is None:
        raise Http404
    if learner is None:
        return _bad(_("Een tussenstand kan hier niet worden bewaard."), 403)
    save_state(activity, learner, data)
    return remember_anonymous(request, _json({"stored": True}))
