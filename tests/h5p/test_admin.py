"""Wagtail admin: coordinators upload, inspect (details, usage, preview) and re-upload activities."""

import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ReferenceIndex

from h5p.builder import build_package
from h5p.models import H5PActivity, H5PAttempt, H5PPackage

from .conftest import stored_files
from .packages import make_activity, record
from .test_xapi import completed

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_h5p_h5pactivity:add"


def upload(data, name="oefening.h5p"):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_coordinators_group_has_model_permissions():
    group = Group.objects.get(name="Coördinatoren")
    codenames = set(group.permissions.filter(content_type__app_label="h5p").values_list("codename", flat=True))
    assert {"add_h5pactivity", "change_h5pactivity", "delete_h5pactivity", "view_h5pactivity", "view_h5pattempt"} <= codenames
    assert not Permission.objects.filter(group__name="Leerkrachten", content_type__app_label="h5p").exists()


def test_coordinator_uploads_package(client, coordinator, h5p_media):
    client.force_login(coordinator)
    response = client.post(reverse(ADD), {"package_file": upload(build_package(title="Uit het pakket")), "title": "", "slug": "", "description": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    activity = H5PActivity.objects.get()
    assert activity.title == "Uit het pakket" and activity.slug == "uit-het-pakket"
    package = activity.current_package
    assert package.uploaded_by == coordinator and package.original_filename == "oefening.h5p"
    assert stored_files(h5p_media)


def test_teacher_cannot_upload(client, teacher):
    client.force_login(teacher)
    response = client.post(reverse(ADD), {"package_file": upload(build_package()), "title": "x", "slug": "x"})
    assert response.status_code in (302, 403)
    assert not H5PActivity.objects.exists()


def test_bad_upload_shows_all_problems_in_dutch_and_writes_nothing(client, coordinator, h5p_media):
    client.force_login(coordinator)
    data = build_package(omit={"content/content.json"}, extra_files=[("content/x.js", b"1"), ("content/y.svg", b"<svg/>")])
    response = client.post(reverse(ADD), {"package_file": upload(data), "title": "Kapot", "slug": "kapot"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit H5P-pakket is niet geïmporteerd; er zijn 3 problemen" in html
    for fragment in ("content/x.js", "content/y.svg", "content/content.json ontbreekt"):
        assert fragment in html
    assert not H5PActivity.objects.exists() and not H5PPackage.objects.exists()
    assert stored_files(h5p_media) == []


def test_create_requires_a_file(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse(ADD), {"title": "Zonder bestand", "slug": "zonder"})
    assert response.status_code == 200
    assert not H5PActivity.objects.exists()


def test_reupload_in_admin_keeps_identity_and_results(client, coordinator):
    activity = make_activity(title="Eerste", slug="vaste-plek")
    record(activity, "user:9", completed())
    client.force_login(coordinator)
    url = reverse("wagtailsnippets_h5p_h5pactivity:edit", args=[activity.pk])
    response = client.post(url, {"package_file": upload(build_package(title="Nieuw")), "title": "Eerste", "slug": "vaste-plek", "description": ""})
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.current_package.version == 2 and activity.slug == "vaste-plek"
    assert H5PAttempt.objects.filter(activity=activity).count() == 1
    # Editing without a file keeps the current version.
    client.post(url, {"title": "Andere titel", "slug": "vaste-plek", "description": ""})
    activity.refresh_from_db()
    assert activity.title == "Andere titel" and activity.current_package.version == 2


def test_inspect_shows_details_usage_and_preview_with_title_escaped(client, coordinator):
    from tests.lessons import factories as lf

    activity = make_activity(title="<script>alert('x')</script> Quiz", slug="quiz",
                             extra_files=[("content/images/a.png", b"\x89PNG" + bytes(2048))])
    home = lf.site_home()
    klas = lf.programme(home, "klas", "lessen", "Lessen in de klas")
    lesson = lf.class_lesson(klas, 1, "Les met quiz", steps=[lf.step("Stap", [lf.block("h5p", {"activity": activity.pk, "caption": ""})])])
    ReferenceIndex.create_or_update_for_object(lesson)
    client.force_login(coordinator)
    response = client.get(reverse("wagtailsnippets_h5p_h5pactivity:inspect", args=[activity.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Quiz" in html
    assert "BOUNCE.Zelfcheck 1.0.3" in html
    assert "BOUNCE Zelfcheck" in html  # library title in the libraries table
    assert "6 bestanden" in html
    assert "Les met quiz" in html  # where used
    soup = BeautifulSoup(html, "html.parser")
    preview = soup.select_one(".h5p-admin-preview [data-h5p-embed]")  # live preview, results not saved
    assert preview["data-player-url"] == reverse("h5p:player", args=["quiz"]) and preview["data-h5p-preview"] == "1"
    assert "allow-same-origin" not in preview.find("iframe")["sandbox"]
    listing = client.get(reverse("wagtailsnippets_h5p_h5pactivity:list")).content.decode()
    assert "<script>alert('x')</script>" not in listing and "&lt;script&gt;" in listing


def test_teacher_cannot_inspect(client, teacher):
    activity = make_activity(slug="geheim")
    client.force_login(teacher)
    response = client.get(reverse("wagtailsnippets_h5p_h5pactivity:inspect", args=[activity.pk]))
    assert response.status_code in (302, 403)


def test_command_and_admin_accept_the_same_packages(client, coordinator, tmp_path):
    """An upload through the admin and through h5p_import end in the same stored package."""
    from django.core.management import call_command

    data = build_package(title="Zelfde")
    path = tmp_path / "zelfde.h5p"
    path.write_bytes(data)
    call_command("h5p_import", str(path), "--slug", "via-command", stdout=io.StringIO(), stderr=io.StringIO())
    client.force_login(coordinator)
    client.post(reverse(ADD), {"package_file": upload(data), "title": "", "slug": "via-admin"})
    a, b = (H5PActivity.objects.get(slug=s).current_package for s in ("via-command", "via-admin"))
    assert (a.file_count, a.extracted_size, a.libraries) == (b.file_count, b.extracted_size, b.libraries)


def test_damage_found_while_extracting_is_a_form_error_not_a_crash(client, coordinator, h5p_media):
    import os
    import zipfile

    data = bytearray(build_package(extra_files=[("content/images/foto.jpg", os.urandom(5000))], compression=zipfile.ZIP_STORED))
    at = data.index(b"content/images/foto.jpg") + len("content/images/foto.jpg") + 100
    data[at] ^= 0xFF
    client.force_login(coordinator)
    response = client.post(reverse(ADD), {"package_file": upload(bytes(data)), "title": "Kapot", "slug": "kapot"})
    assert response.status_code == 200
    assert "Het pakket is beschadigd" in response.content.decode()
    assert not H5PActivity.objects.exists()
    assert stored_files(h5p_media) == []
