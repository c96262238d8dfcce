"""Content-Security-Policy per kind of page, and a Permissions-Policy.

The base policy (``CONTENT_SECURITY_POLICY`` in settings, built by django-csp) is strict: scripts
and styles only from this site's own files, no plugins, no ``<base>``, forms only to this site,
and the site never framed. Two things cannot be said in a static policy, so this middleware adds
them per request:

* **Frames.** The only frames the front end shows are the sandboxed H5P player (a path of this
  site) and the privacy-friendly video hosts the video block embeds. A CSP source expression
  with a path needs a scheme and host, so the player's prefix is written out for the host that
  asked (``ALLOWED_HOSTS`` has vetted it): ``'self'`` would allow framing any page of the site.
* **The Wagtail admin.** Wagtail 8 still renders a few inline ``<script>`` blocks (InlinePanel,
  date widgets, wagtail-localize's editor) and ``style`` attributes without nonces, and shows
  page previews in a same-origin frame. Under the admin prefix only, scripts and styles may
  therefore be inline and the admin may frame itself; everything else stays as strict.

Responses that already carry a policy (the H5P player and package files send their own
``sandbox`` policy, JSON answers a ``default-src 'none'``) are left alone, and the site's policy
is not even built for them: on an xAPI post that building was a noticeable part of the work.
"""

from csp.constants import HEADER, SELF, UNSAFE_INLINE
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse

ADMIN_PREFIX = "/admin/"


def _report_only_configured() -> bool:
    return bool(getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None))


def _h5p_player_prefix() -> str:
    """``/h5p/speler/`` from the h5p app's own URL (the slug is cut off)."""
    return reverse("h5p:player", args=["x"])[: -len("x/")]


class BounceCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the per-request additions described above."""

    def process_response(self, request, response):
        """django-csp builds both policies for every response, also for one that carries its
        own (each xAPI post's JSON answer, the H5P player): that work is skipped here."""
        if HEADER in response and not _report_only_configured():
            if getattr(request, "_csp_nonce", None) is None:  # as django-csp: no nonce after this
                request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only and not _report_only_configured():
            return parts  # no report-only policy: nothing to add to
        frames = [request.build_absolute_uri(_h5p_player_prefix()), *settings.CSP_VIDEO_FRAME_ORIGINS]
        replace, update = {"frame-src": frames}, {}
        if request.path_info.startswith(ADMIN_PREFIX):
            replace = {"frame-src": [SELF, *frames], "frame-ancestors": [SELF]}
            update = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
        # A view's own ``csp_update``/``csp_replace`` decorator still has the last word.
        parts.replace = {**replace, **(parts.replace or {})}
        parts.update = {**update, **(parts.update or {})}
        return parts


class PermissionsPolicyMiddleware:
    """Sends ``Permissions-Policy`` from ``PERMISSIONS_POLICY`` (feature -> allowlist): the site
    needs no camera, microphone or location, only full screen (presentation mode, H5P)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=*" if origins == ["*"] else f"{feature}=({' '.join(origins)})"
            for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
