"""The class lesson, presentation mode and course body come from the fragment cache: few
queries for a signed-in teacher, the per-user parts still rendered, fresh after a publish."""

import pytest
from django.core.cache import cache

from tests.lessons import factories as f

# The counts pinned in tests/lessons/test_queries.py, which says what each pays for: a signed-in
# teacher, body from the fragment cache, route, tree reads and the register panel from the cache,
# nothing that grows with the lesson.
from tests.lessons.test_queries import COURSE_QUERIES, LESSON_QUERIES, PRESENT_QUERIES, grow

pytestmark = pytest.mark.django_db


def measure(client, url, expected, django_assert_num_queries):
    client.get(url)  # fills the fragment cache (the first request also creates the footer settings,
    client.get(url)  # which bumps the content version); the second fills the route cache
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_lesson_body_cached_queries_do_not_grow(client, tree, teacher, django_assert_num_queries):
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    grow(lesson, tree, steps=1)
    small = measure(client, lesson.url, LESSON_QUERIES, django_assert_num_queries)
    grow(lesson, tree, steps=6)
    big = measure(client, lesson.url, LESSON_QUERIES, django_assert_num_queries)
    assert big.count('class="worksheet"') == 7 > small.count('class="worksheet"') == 2
    measure(client, lesson.url + "presenteren/", PRESENT_QUERIES, django_assert_num_queries)
    measure(client, tree["courses"][0].url, COURSE_QUERIES, django_assert_num_queries)


def test_publish_shows_the_new_body_at_once_and_per_language(client, tree, teacher):
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    assert "Kringgesprek over talenten" in client.get(lesson.url).content.decode()
    assert any(k.startswith(":1:bounce:body:") or "bounce:body:" in k for k in cache._cache)  # stored
    lesson.in_class = [f.step("Nieuw", [f.paragraph("<p>Een nieuwe opening.</p>")])]
    lesson.save_revision().publish()
    page = client.get(lesson.url).content.decode()
    assert "Een nieuwe opening." in page and "Kringgesprek over talenten" not in page
    present = client.get(lesson.url + "presenteren/").content.decode()
    assert "Een nieuwe opening." in present


def test_per_user_parts_stay_outside_the_cached_body(tree, teacher, other_teacher):
    from bs4 import BeautifulSoup
    from django.test import Client

    def logout_token(response):
        form = BeautifulSoup(response.content, "html.parser").select_one("form[action='/account/uitloggen/']")
        return form.select_one("input[name=csrfmiddlewaretoken]")["value"]

    lesson = tree["lessons"][0]
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(teacher)
    second.force_login(other_teacher)
    first_token = logout_token(first.get(lesson.url))
    second_token = logout_token(second.get(lesson.url))  # header and body from the cache now
    assert first_token != second_token
    # Each page's token is its own visitor's: the other teacher's is refused.
    assert second.post("/account/uitloggen/", {"csrfmiddlewaretoken": first_token}).status_code == 403
    assert second.post("/account/uitloggen/", {"csrfmiddlewaretoken": second_token}).status_code == 302


def test_a_draft_preview_is_never_served_from_or_stored_in_the_cache(client, tree, coordinator):
    client.force_login(coordinator)
    lesson = tree["lessons"][0]
    client.get(lesson.url)
    lesson.in_class = [f.step("Concept", [f.paragraph("<p>Nog niet gepubliceerd.</p>")])]
    lesson.save_revision()  # a draft: the live page keeps its revision
    preview = lesson.make_preview_request(original_request=None)
    assert "Nog niet gepubliceerd." in preview.content.decode()
    assert "Nog niet gepubliceerd." not in client.get(lesson.url).content.decode()


def test_a_changed_h5p_activity_or_document_shows_at_once(client, tree, teacher, h5p_store):
    from tests.h5p.packages import make_activity

    activity = make_activity(title="Zelfcheck", slug="zelfcheck")
    lesson = tree["lessons"][0]
    doc = f.document("Oude titel", name="oud.txt")
    lesson.in_class = [f.step("Doe", [f.block("h5p", {"activity": activity.pk, "caption": ""}), f.worksheet(doc)])]
    lesson.save_revision().publish()
    client.force_login(teacher)
    assert "Interactieve oefening: Zelfcheck" in client.get(lesson.url).content.decode()
    activity.title = "Zelfcheck talenten"
    activity.save()
    doc.title = "Nieuwe titel"
    doc.save()
    page = client.get(lesson.url).content.decode()
    assert "Interactieve oefening: Zelfcheck talenten" in page and "Nieuwe titel" in page
