"""A teacher's own course progress: mark done / undo by POST with CSRF, teachers only."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from lessons.models import CourseProgress

pytestmark = pytest.mark.django_db


def url(module):
    return reverse("lessons:course_progress", args=[module.pk])


def test_mark_done_and_undo_with_the_form_on_the_module_page(client, tree, teacher):
    module = tree["courses"][0]
    client.force_login(teacher)
    page = BeautifulSoup(client.get(module.url).content, "html.parser")
    form = page.select_one(".module-done form")
    assert form["action"] == url(module) and form.select_one("input[name=csrfmiddlewaretoken]")
    response = client.post(url(module), {"action": "done", "next": module.url}, follow=True)
    assert response.redirect_chain[-1][0] == module.url
    assert CourseProgress.objects.filter(user=teacher, module=module).count() == 1
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".module-done .badge--done") and html.select_one('button[value="undo"]')
    # Marking twice keeps one row; undo removes it.
    client.post(url(module), {"action": "done"})
    assert CourseProgress.objects.filter(user=teacher).count() == 1
    client.post(url(module), {"action": "undo"})
    assert not CourseProgress.objects.filter(user=teacher).exists()


def test_progress_needs_a_csrf_token(tree, teacher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    assert client.post(url(tree["courses"][0]), {"action": "done"}).status_code == 403
    assert not CourseProgress.objects.exists()


def test_progress_is_for_teachers_only_and_post_only(client, tree, teacher):
    module = tree["courses"][0]
    assert client.post(url(module), {"action": "done"}).status_code == 403
    client.force_login(teacher)
    assert client.get(url(module)).status_code == 405
    assert client.post(url(module), {"action": "iets"}).status_code == 404
    assert client.post(reverse("lessons:course_progress", args=[tree["lessons"][0].pk]), {"action": "done"}).status_code == 404
    module.unpublish()
    assert client.post(url(module), {"action": "done"}).status_code == 404
    assert not CourseProgress.objects.exists()


def test_next_must_stay_on_this_site(client, tree, teacher):
    module = tree["courses"][0]
    client.force_login(teacher)
    response = client.post(url(module), {"action": "done", "next": "https://elders.example/"})
    assert response["Location"] == module.url
