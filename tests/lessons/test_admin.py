"""The lessons admin: Wagtail-native, Dutch, aspects editable by coordinators only."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from lessons.models import Aspect, ClassLessonPage, CourseModulePage, HomeModulePage

pytestmark = pytest.mark.django_db


def test_coordinators_may_edit_aspects_and_teachers_may_not(client, coordinator, teacher):
    coordinators = Group.objects.get(name="Coördinatoren")
    codenames = set(coordinators.permissions.filter(content_type__app_label="lessons").values_list("codename", flat=True))
    assert {"add_aspect", "change_aspect", "delete_aspect", "view_aspect"} <= codenames
    client.force_login(coordinator)
    listing = client.get(reverse("wagtailsnippets_lessons_aspect:list"))
    assert listing.status_code == 200
    assert "Aspecten van veerkracht" in listing.content.decode()
    response = client.post(reverse("wagtailsnippets_lessons_aspect:add"),
                           {"name": "Zelfkennis", "description": "Weten wat je voelt.", "sort_order": 1, "locale": 1})
    assert response.status_code == 302
    assert Aspect.objects.filter(name="Zelfkennis").exists()
    client.force_login(teacher)
    assert client.get(reverse("wagtailsnippets_lessons_aspect:list")).status_code in (302, 403)


def test_each_programme_takes_only_its_own_kind_of_part(tree):
    assert ClassLessonPage.can_create_at(tree["klas"])
    assert not ClassLessonPage.can_create_at(tree["thuis"])
    assert HomeModulePage.can_create_at(tree["thuis"]) and not HomeModulePage.can_create_at(tree["cursus"])
    assert CourseModulePage.can_create_at(tree["cursus"]) and not CourseModulePage.can_create_at(tree["klas"])


def test_the_lesson_editor_is_dutch_and_shows_the_lesson_parts(client, tree, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[tree["lessons"][0].pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for label in ("Voorbereiden", "In de klas", "Leerdoelen", "Plaats en duur"):
        assert label.lower() in body.lower(), label
    add = client.get(reverse("wagtailadmin_pages:add", args=["lessons", "classlessonpage", tree["klas"].pk]))
    assert add.status_code == 200


def test_h5p_activities_can_be_placed_in_lessons_modules_and_course():
    from h5p.blocks import H5PActivityBlock

    step_content = ClassLessonPage.in_class.field.stream_block.child_blocks["step"].child_blocks["content"]
    home_content = HomeModulePage.steps.field.stream_block.child_blocks["step"].child_blocks["content"]
    course_body = CourseModulePage.body.field.stream_block
    for stream in (step_content, home_content, course_body):
        assert isinstance(stream.child_blocks["h5p"], H5PActivityBlock)


def test_coordinators_can_preview_a_lesson(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    from .test_validation import lesson_form

    assert client.post(url, lesson_form(lesson)).json()["is_valid"]
    response = client.get(url)
    assert response.status_code == 200 and "Vertel over je weekend." in response.content.decode()
