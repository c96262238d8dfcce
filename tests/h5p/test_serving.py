"""Package files, player page, standalone page, StreamField block and demo content."""

import io

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from h5p.blocks import H5PActivityBlock
from h5p.builder import build_package
from h5p.models import H5PActivity
from h5p.services import import_package

from .packages import make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(db):
    data = build_package(
        extra_files=[
            ("content/images/a.png", b"\x89PNG"),
            ("BOUNCE.Zelfcheck-1.0/fonts/icons.woff2", b"wOF2"),
            ("BOUNCE.Zelfcheck-1.0/images/logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        ]
    )
    return import_package(io.BytesIO(data), filename="a.h5p", slug="zc")


def file_url(package, path):
    return reverse("h5p:package_file", args=[package.token, path])


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("h5p.json", "application/json"),
        ("content/content.json", "application/json"),
        ("BOUNCE.Zelfcheck-1.0/library.json", "application/json"),
        ("BOUNCE.Zelfcheck-1.0/zelfcheck.js", "text/javascript; charset=utf-8"),
        ("BOUNCE.Zelfcheck-1.0/zelfcheck.css", "text/css; charset=utf-8"),
        ("BOUNCE.Zelfcheck-1.0/fonts/icons.woff2", "font/woff2"),
        ("BOUNCE.Zelfcheck-1.0/images/logo.svg", "image/svg+xml"),
        ("content/images/a.png", "image/png"),
    ],
)
def test_package_files_have_sandbox_headers(client, package, path, content_type):
    response = client.get(file_url(package, path), HTTP_ORIGIN="null")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["X-Content-Type-Options"] == "nosniff"
    # Opened directly in a tab, even an SVG runs in an opaque origin.
    assert response["Content-Security-Policy"].startswith("sandbox")
    assert "Set-Cookie" not in response
    assert client.head(file_url(package, path)).status_code == 200


@pytest.mark.parametrize(
    "path",
    ["../../../etc/passwd", "content/../h5p.json.bak", "content/.hidden.json", "__MACOSX/x.json", "content/x.html", "nope.json"],
)
def test_package_files_refuse_traversal_hidden_and_unknown(client, package, path):
    assert client.get(file_url(package, path)).status_code == 404


def test_unknown_token_is_404(client, package):
    assert client.get(reverse("h5p:package_file", args=["x" * 32, "h5p.json"])).status_code == 404
    assert client.get(reverse("h5p:package_file", args=[".tmp-abc", "h5p.json"])).status_code == 404


def test_player_page_may_be_framed_by_us_only_and_is_sandboxed(client, package):
    response = client.get(reverse("h5p:player", args=["zc"]))
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    csp = response["Content-Security-Policy"]
    assert csp.startswith("sandbox allow-scripts") and "allow-same-origin" not in csp
    assert "frame-ancestors 'self'" in csp
    soup = BeautifulSoup(response.content, "html.parser")
    assert "h5p-iframe" in soup.html["class"]
    scripts = [s.get("src") for s in soup.find_all("script") if s.get("src")]
    assert "/static/vendor/h5p-standalone/main.bundle.js" in scripts
    assert not any(src.startswith(("http:", "https:", "//")) for src in scripts)  # never a CDN
    assert "embedType" in response.content.decode()


def test_player_for_activity_without_package_is_404(client):
    H5PActivity.objects.create(title="Leeg", slug="leeg")
    assert client.get(reverse("h5p:player", args=["leeg"])).status_code == 404
    assert client.get(reverse("h5p:activity", args=["leeg"])).status_code == 404


def test_old_version_preview_only_for_editors(client, package, coordinator, teacher):
    import_package(io.BytesIO(build_package(title="Twee")), filename="b.h5p", activity=package.activity)
    url = reverse("h5p:player", args=["zc"]) + "?versie=1"
    client.force_login(teacher)
    assert package.token not in client.get(url).content.decode()
    client.force_login(coordinator)
    assert package.token in client.get(url).content.decode()


def render_block(activity, caption="", user=None):
    from django.contrib.auth.models import AnonymousUser

    block = H5PActivityBlock()
    value = block.to_python({"activity": activity.pk, "caption": caption})
    request = RequestFactory().get("/les/")
    request.user = user or AnonymousUser()
    template = Template("{% load wagtailcore_tags %}{% include_block value %}{% include_block value %}")
    return template.render(Context({"value": block.bind(value), "request": request}))


def test_block_renders_sandboxed_lazy_iframe_with_escaped_title(package):
    activity = package.activity
    activity.title = "<img src=x onerror=alert(1)> Oefening"
    activity.save()
    html = render_block(activity, caption="Doe dit <b>samen</b>")
    soup = BeautifulSoup(html, "html.parser")
    iframes = soup.find_all("iframe")
    assert len(iframes) == 2
    iframe = iframes[0]
    sandbox = list(iframe["sandbox"])
    assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox
    assert iframe["src"] == "about:blank"  # the bridge starts it when it scrolls into view
    assert iframe["title"] == "Interactieve oefening: <img src=x onerror=alert(1)> Oefening"
    assert "<img src=x" not in html and "<b>samen</b>" not in html
    figure = soup.find("figure", attrs={"data-h5p-embed": True})
    assert figure["data-player-url"] == reverse("h5p:player", args=["zc"])
    assert figure["data-xapi-url"] == reverse("h5p:xapi", args=["zc"])
    # No per-visitor token in the HTML (cacheable); the bridge gets it from the cookie or here:
    assert "data-csrf" not in figure.attrs and figure["data-csrf-url"] == reverse("h5p:csrf")
    assert figure["data-csrf-cookie"] == "csrftoken"
    assert "zelf gerapporteerd" in html


def test_block_query_count(package, django_assert_max_num_queries):
    block = H5PActivityBlock()
    with django_assert_max_num_queries(2):
        value = block.to_python({"activity": package.activity.pk, "caption": ""})
        block.render(value, context={"request": RequestFactory().get("/")})


def test_standalone_page_escapes_title(client, package):
    activity = package.activity
    activity.title = "<script>x()</script>"
    activity.save()
    html = client.get(reverse("h5p:activity", args=["zc"])).content.decode()
    assert "<script>x()</script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html


def test_demo_creates_the_activities_lessons_embed(capsys):
    from h5p import demo

    demo.load(io.StringIO())
    demo.load(io.StringIO())  # idempotent
    slugs = set(H5PActivity.objects.values_list("slug", flat=True))
    assert {"demo-reflectie", "demo-zelfcheck"} <= slugs
    assert H5PActivity.objects.count() == 2
    for activity in H5PActivity.objects.all():
        assert activity.current_package.main_library == "BOUNCE.Zelfcheck"
        assert "Voorbeeldinhoud" in activity.title or "voorbeeldinhoud" in activity.title
    assert demo.summary()


def test_make_activity_helper_builds_from_source():
    activity = make_activity(slug="bron")
    assert activity.current_package.file_count == 5


def test_media_files_support_byte_ranges(client):
    data = bytes(range(256)) * 40  # 10240 bytes
    package = import_package(io.BytesIO(build_package(extra_files=[("content/video.mp4", data)])), filename="v.h5p")
    url = file_url(package, "content/video.mp4")
    full = client.get(url)
    assert full["Accept-Ranges"] == "bytes" and b"".join(full.streaming_content) == data
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206 and part["Content-Range"] == "bytes 100-199/10240"
    assert b"".join(part.streaming_content) == data[100:200]
    assert part["Access-Control-Allow-Origin"] == "*" and part["Content-Type"] == "video/mp4"
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert b"".join(tail.streaming_content) == data[-10:]
    open_end = client.get(url, HTTP_RANGE="bytes=10200-")
    assert b"".join(open_end.streaming_content) == data[10200:]
    assert client.get(url, HTTP_RANGE="bytes=20000-").status_code == 416
