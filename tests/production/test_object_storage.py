"""Object storage (issue 12): media and H5P packages on S3-compatible buckets (django-storages).

Against a real S3 API: moto's server, started in this test process on a free local port. The
storages come from the production settings code (``bounce.settings.object_storage``) with the
same environment variables an operator sets. Shown: an H5P package uploaded through the admin
lands in the private package bucket (private ACL, signed URLs only) and nowhere under MEDIA or
the local package folder; the package view streams it with the sandbox headers; deleting the
activity removes its objects. Images and documents go to the media bucket, documents still
through Wagtail's view. And two gunicorn servers on production settings share the buckets: a
package uploaded through A's admin plays on B and its deletion through B empties the bucket.
"""

import io
import zipfile
from pathlib import Path

import boto3
import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto.server import ThreadedMotoServer
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from bounce.settings import object_storage
from h5p.builder import build_package
from h5p.models import H5PActivity, H5PPackage
from tests.factories import CoordinatorFactory
from tests.production.test_project import PRODUCTION_ENV, run_manage
from tests.servers import Visitor, app_servers, server_logs, with_production_password

MEDIA_BUCKET, H5P_BUCKET, REGION = "bounce-media", "bounce-h5p-pakketten", "eu-central-1"
ADD = "wagtailsnippets_h5p_h5pactivity:add"
DELETE = "wagtailsnippets_h5p_h5pactivity:delete"
PUBLIC_GRANTEES = ("AllUsers", "AuthenticatedUsers")


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def storage_environment(endpoint):
    return {
        "AWS_STORAGE_BUCKET_NAME": MEDIA_BUCKET, "H5P_S3_BUCKET": H5P_BUCKET, "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_S3_ADDRESSING_STYLE": "path",
    }


@pytest.fixture
def s3(s3_endpoint):
    """Empty media and package buckets; a boto3 client on them."""
    requests.post(f"{s3_endpoint}/moto-api/reset", timeout=10).raise_for_status()
    client = boto3.client(
        "s3", endpoint_url=s3_endpoint, region_name=REGION, aws_access_key_id="testing", aws_secret_access_key="testing",
    )
    for bucket in (MEDIA_BUCKET, H5P_BUCKET):
        client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    return client


@pytest.fixture
def on_s3(s3, s3_endpoint, settings, monkeypatch, tmp_path):
    """This process's storages as production builds them from the environment; local media
    and package folders of the test's own, to show nothing lands there."""
    for name, value in storage_environment(s3_endpoint).items():
        monkeypatch.setenv(name, value)
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.H5P_STORAGE_ROOT = str(tmp_path / "media-h5p")
    settings.STORAGES = object_storage.storages(settings.STORAGES)
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"  # as production sets it with S3 media
    return s3


def keys(client, bucket):
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=bucket).get("Contents", []))


def package_members(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def files_under(folder):
    return [path for path in Path(folder).rglob("*") if path.is_file()] if Path(folder).exists() else []


def test_production_settings_choose_s3_only_when_the_buckets_are_named():
    show = (
        "from django.conf import settings as s; print(s.STORAGES['default']['BACKEND'], "
        "s.STORAGES.get('h5p', {}).get('BACKEND'), getattr(s, 'WAGTAILDOCS_SERVE_METHOD', None))"
    )
    local = run_manage("shell", "-v0", "-c", show, env_overrides=PRODUCTION_ENV)
    assert local.returncode == 0, local.stderr
    assert local.stdout.split() == ["django.core.files.storage.FileSystemStorage", "None", "None"]

    s3 = run_manage("shell", "-v0", "-c", show, env_overrides={**PRODUCTION_ENV, **storage_environment("http://s3.test")})
    assert s3.returncode == 0, s3.stderr
    assert s3.stdout.split() == [object_storage.S3_BACKEND, object_storage.S3_BACKEND, "serve_view"]

    same = run_manage("check", env_overrides={
        **PRODUCTION_ENV, **storage_environment("http://s3.test"), "H5P_S3_BUCKET": MEDIA_BUCKET,
    })
    assert same.returncode != 0 and "H5P_S3_BUCKET" in same.stderr


@pytest.mark.django_db
def test_an_uploaded_package_lives_in_the_private_bucket_plays_and_goes_with_its_activity(
    client, on_s3, settings, django_capture_on_commit_callbacks
):
    coordinator = CoordinatorFactory()
    client.force_login(coordinator)
    data = build_package(title="Zelfcheck uit de bucket")
    response = client.post(reverse(ADD), {
        "package_file": SimpleUploadedFile("zelfcheck.h5p", data), "title": "", "slug": "", "description": "",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    package = H5PPackage.objects.get()
    members = package_members(data)

    # Every file of the package, and nothing else, in the package bucket; none of it local.
    assert keys(on_s3, H5P_BUCKET) == sorted(f"{package.token}/{name}" for name in members)
    assert keys(on_s3, MEDIA_BUCKET) == []
    assert files_under(settings.MEDIA_ROOT) == [] and files_under(settings.H5P_STORAGE_ROOT) == []
    # Private objects: no grant to the public, and any URL the storage makes is signed.
    for key in keys(on_s3, H5P_BUCKET):
        grants = on_s3.get_object_acl(Bucket=H5P_BUCKET, Key=key)["Grants"]
        assert not [g for g in grants if g["Grantee"].get("URI", "").endswith(PUBLIC_GRANTEES)]
    assert "X-Amz-Signature=" in storages["h5p"].url(f"{package.token}/h5p.json")

    # Played through the package view: streamed from the bucket with the sandbox headers.
    client.logout()
    for name in ("h5p.json", "content/content.json", next(n for n in members if n.endswith(".js"))):
        served = client.get(reverse("h5p:package_file", args=[package.token, name]))
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == members[name]
        assert served["Content-Security-Policy"].startswith("sandbox")
        assert served["X-Content-Type-Options"] == "nosniff"
    ranged = client.get(reverse("h5p:package_file", args=[package.token, "h5p.json"]), HTTP_RANGE="bytes=0-9")
    assert ranged.status_code == 206 and b"".join(ranged.streaming_content) == members["h5p.json"][:10]
    assert client.get(reverse("h5p:package_file", args=[package.token, "geen.json"])).status_code == 404
    assert client.get(reverse("h5p:player", args=[package.activity.slug])).status_code == 200

    # Deleting the activity in the admin removes its objects once the deletion is committed.
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(DELETE, args=[package.activity.pk]))
    assert response.status_code == 302 and not H5PActivity.objects.exists()
    assert keys(on_s3, H5P_BUCKET) == []


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "#2a7").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_images_and_documents_go_to_the_media_bucket_and_documents_through_the_site(client, on_s3, settings):
    image = get_image_model().objects.create(title="Kring", file=ImageFile(io.BytesIO(png_bytes()), name="kring.png"))
    rendition = image.get_rendition("fill-20x20")
    document = get_document_model().objects.create(
        title="Werkblad", file=ContentFile(b"%PDF-1.4 werkblad", name="werkblad.pdf")
    )
    stored = keys(on_s3, MEDIA_BUCKET)
    assert image.file.name in stored and rendition.file.name in stored and document.file.name in stored
    assert keys(on_s3, H5P_BUCKET) == [] and files_under(settings.MEDIA_ROOT) == []
    # Renditions are linked straight from the bucket, unsigned (cached pages outlive signatures).
    assert rendition.url.startswith(f"{settings.STORAGES['default']['OPTIONS']['endpoint_url']}/{MEDIA_BUCKET}/")
    assert "Signature" not in rendition.url
    # Documents are streamed by Wagtail's view (its checks run), not redirected to the bucket.
    response = client.get(document.url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 werkblad"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_app_servers_share_the_package_bucket(s3, s3_endpoint):
    """Production settings from the environment on both servers: what A's admin stores, B plays."""
    coordinator = with_production_password(CoordinatorFactory(email="coordinator@gemeente.example"))
    data = build_package(title="Gedeeld pakket")
    members = package_members(data)
    with app_servers(2, env=storage_environment(s3_endpoint), share_cache=False) as (first, second):
        browser = Visitor("198.51.100.71")
        status, _headers, _body = browser.submit(
            first + "/account/inloggen/", {"username": coordinator.email, "password": "correct-horse-battery", "next": ""}
        )
        assert status == 302, browser.last_body[:2000]
        add = first + reverse(ADD)
        status, _headers, _body = browser.submit(
            add, {"title": "", "slug": "", "description": ""}, files={"package_file": ("gedeeld.h5p", data)}
        )
        assert status == 302, server_logs()
        package = H5PPackage.objects.get()
        assert keys(s3, H5P_BUCKET) == sorted(f"{package.token}/{name}" for name in members)

        anonymous = Visitor("198.51.100.72")
        status, headers, body = anonymous.get(f"{second}/h5p/pakket/{package.token}/h5p.json")
        assert status == 200, server_logs()
        assert body.encode() == members["h5p.json"] and headers["Content-Security-Policy"].startswith("sandbox")

        delete = second + reverse(DELETE, args=[package.activity.pk])
        status, _headers, _body = browser.submit(delete, {})
        assert status == 302, server_logs()
        assert keys(s3, H5P_BUCKET) == []
        assert anonymous.get(f"{first}/h5p/pakket/{package.token}/h5p.json")[0] == 404
