"""A hostile package runs in the sandbox: no cookies, no parent DOM, no credentialed requests."""

import io
import json

import pytest

from h5p.models import H5PStatement
from h5p.services import import_package
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)
from tests.h5p.conftest import h5p_media  # noqa: F401 (autouse fixture: own package storage)
from tests.h5p.packages import hostile_package

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_hostile_package_cannot_read_cookies_dom_or_call_site_with_session(page, login, coordinator, live_server):
    data = hostile_package(private_url="/admin/", xapi_url="/h5p/xapi/vijandig/")
    activity = import_package(io.BytesIO(data), filename="vijandig.h5p", slug="vijandig").activity
    login(page, coordinator)
    console = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(f"/h5p/activiteit/{activity.slug}/")
    # Positive control: the embedding page itself can read the private page with its session.
    own = page.evaluate("fetch('/admin/', {credentials: 'include'}).then(r => r.text())")
    marker = coordinator.get_full_name()
    assert marker and marker in own

    frame = page.frame_locator("iframe.h5p-embed__iframe")
    probe = frame.locator("[data-probe]")
    probe.wait_for(state="attached", timeout=20_000)
    result = json.loads(probe.get_attribute("data-probe"))

    assert result["cookie"].startswith("ERR:")  # opaque origin: reading cookies throws
    assert result["parentDocument"].startswith("ERR:")
    assert result["parentCookie"].startswith("ERR:")
    assert result["topLocation"].startswith("ERR:")
    assert result["fetch"].startswith("ERR:")  # CORS refuses a credentialed read from origin null
    assert marker not in json.dumps(result)
    assert not result["xapiPost"].startswith("STATUS:2")
    assert not H5PStatement.objects.exists()
    # The player's CSP keeps answers from being sent to other hosts.
    assert result["external"].startswith("ERR:")
    assert any("elders.example.invalid" in m and "Content Security Policy" in m and "connect-src" in m for m in console)
