"""A teacher's roles are kept under the roles version (``home.roles``): a lesson page costs no
role query, and a change of membership or permission shows on the very next request."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db


def test_a_teacher_removed_from_her_group_loses_the_lesson_on_the_next_request(client, tree, teacher):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert client.get(lesson.url).status_code == 200
    assert client.get(lesson.url).status_code == 200  # the roles now come from the cache
    teacher.groups.remove(Group.objects.get(name=settings.TEACHERS_GROUP))
    assert client.get(lesson.url).status_code == 403


def test_an_account_given_the_teachers_role_reads_the_lesson_on_the_next_request(client, tree, teacher):
    lesson = tree["lessons"][0]
    group = Group.objects.get(name=settings.TEACHERS_GROUP)
    teacher.groups.remove(group)
    client.force_login(teacher)
    assert client.get(lesson.url).status_code == 403
    group.user_set.add(teacher)  # the other side of the same many-to-many
    assert client.get(lesson.url).status_code == 200


def test_a_renamed_group_is_no_longer_a_role_on_the_next_request(client, tree, teacher):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert client.get(lesson.url).status_code == 200
    group = Group.objects.get(name=settings.TEACHERS_GROUP)
    group.name = "Oud-leerkrachten"
    group.save()
    assert client.get(lesson.url).status_code == 403


def test_the_userbar_follows_a_permission_given_to_the_teachers_group_at_once(client, tree, teacher):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert b"<wagtail-userbar" not in client.get(lesson.url).content
    group = Group.objects.get(name=settings.TEACHERS_GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    assert b"<wagtail-userbar" in client.get(lesson.url).content
    group.permissions.clear()
    assert b"<wagtail-userbar" not in client.get(lesson.url).content


def test_one_teachers_roles_are_never_another_users(client, tree, teacher, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    assert b"<wagtail-userbar" in client.get(lesson.url).content
    client.force_login(teacher)
    assert b"<wagtail-userbar" not in client.get(lesson.url).content
