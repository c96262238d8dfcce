"""Every kind of page carries a strict Content-Security-Policy and a Permissions-Policy.

The policy is read back from real responses and parsed directive by directive, so a loosened
setting (``'unsafe-inline'`` scripts on the front end, a missing ``frame-ancestors``) fails here.
"""

import json

import pytest
from django.conf import settings

from tests.h5p.packages import make_activity
from tests.lessons import factories as f

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no CSP on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        assert name not in directives, f"{name} twice in {header}"
        directives[name] = values
    return directives


def assert_strict_front_end(response, frames_allowed=True):
    csp = policy(response)
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]
    # Frames: the H5P player's path on this host and the video block's hosts, nothing else.
    assert csp["frame-src"] == ["http://testserver/h5p/speler/", *settings.CSP_VIDEO_FRAME_ORIGINS]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    permissions = response.headers["Permissions-Policy"]
    assert "camera=()" in permissions and "microphone=()" in permissions and "geolocation=()" in permissions
    assert "fullscreen=*" in permissions
    return csp


@pytest.fixture
def module_with_h5p(tree, h5p_store):
    activity = make_activity(title="Zelfcheck talenten", slug="zelfcheck-talenten")
    module = tree["modules"][0]
    module.steps = json.dumps([f.home_step("Doe", [f.block("h5p", {"activity": activity.pk, "caption": ""})])])
    module.save_revision().publish()
    return module, activity


def test_public_pages_rendered_and_from_the_page_cache(client, tree):
    first = client.get("/")
    second = client.get("/")
    assert second.headers.get("X-Page-Cache") == "hit"  # answered by the page cache middleware
    for response in (first, second):
        assert response.status_code == 200
        assert_strict_front_end(response)
    assert_strict_front_end(client.get(tree["modules"][1].url))
    assert_strict_front_end(client.get("/gezond/"))
    missing = client.get("/bestaat-niet/")
    assert missing.status_code == 404
    assert_strict_front_end(missing)


def test_teacher_pages_lesson_presentation_and_course(client, tree, teacher):
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    for url in (lesson.url, lesson.url + "presenteren/", tree["courses"][0].url, "/account/inloggen/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        assert_strict_front_end(response)


def test_module_with_h5p_and_the_player_keeps_its_sandbox(client, module_with_h5p):
    module, activity = module_with_h5p
    page = client.get(module.url)
    assert b'data-player-url="/h5p/speler/zelfcheck-talenten/"' in page.content
    assert_strict_front_end(page)
    player = client.get(f"/h5p/speler/{activity.slug}/")
    assert player.status_code == 200
    header = player.headers["Content-Security-Policy"]
    assert header.startswith("sandbox allow-scripts") and "frame-ancestors 'self'" in header
    assert "script-src 'self' 'unsafe-inline' 'unsafe-eval'" in header  # the player's own, not the site's
    assert "http://testserver/h5p/" not in header


def test_admin_has_only_the_allowances_wagtail_needs(client, coordinator):
    client.force_login(coordinator)
    for url in ("/admin/", "/admin/pages/", "/admin/images/"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = policy(response)
        # Wagtail renders inline scripts/styles without nonces, and frames its own previews.
        assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
        assert csp["style-src"] == ["'self'", "'unsafe-inline'"]
        assert csp["frame-ancestors"] == ["'self'"]
        assert csp["frame-src"][0] == "'self'"
        assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"] and csp["form-action"] == ["'self'"]
        assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    login = client.get("/admin/login/")
    assert policy(login)["script-src"] == ["'self'", "'unsafe-inline'"]


def test_language_cookie_is_same_site_and_http_only(client, tree):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]


def test_answers_with_a_policy_of_their_own_are_left_alone_without_building_the_sites(
    client, module_with_h5p, monkeypatch
):
    """The player and each JSON answer (an xAPI post's, a token's) send their own policy;
    django-csp would still build the site's policy twice for each. A page still gets it."""
    import csp.middleware

    built = []
    real = csp.middleware.build_policy
    monkeypatch.setattr(
        csp.middleware, "build_policy", lambda *a, **k: built.append(k.get("report_only", False)) or real(*a, **k)
    )
    module, activity = module_with_h5p
    player = client.get(f"/h5p/speler/{activity.slug}/")
    token = client.get("/h5p/csrf/")
    assert player.headers["Content-Security-Policy"].startswith("sandbox ")
    assert token.headers["Content-Security-Policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert built == []
    page = client.get(f"/h5p/activiteit/{activity.slug}/")
    assert_strict_front_end(page)
    assert built == [False, True]  # the page's policy, and the (empty) report-only one
    assert "Content-Security-Policy-Report-Only" not in page.headers


def test_a_nonce_asked_for_after_the_policy_was_sent_is_refused(rf):
    """As django-csp: once a response has gone out, a late nonce would not be in its policy."""
    from csp.exceptions import CSPNonceError
    from django.http import JsonResponse

    from home.security_headers import BounceCSPMiddleware

    middleware = BounceCSPMiddleware(lambda request: None)
    for own_policy in (True, False):
        request = rf.get("/h5p/csrf/")
        middleware.process_request(request)
        response = JsonResponse({})
        if own_policy:
            response["Content-Security-Policy"] = "default-src 'none'"
        middleware.process_response(request, response)
        with pytest.raises(CSPNonceError):
            str(request.csp_nonce)
