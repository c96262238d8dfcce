"""Query counts do not grow with the number of blocks, lessons, documents or images."""

import io
import uuid

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from . import factories as f

pytestmark = pytest.mark.django_db

# Pinned counts for a logged-in teacher. They must not move when a page grows; if a change adds
# a fixed query on purpose, update the number here. The warm-up requests fill the chrome cache
# (footer; header for anonymous visitors), the route cache (home.route_cache: site, locale, the
# page and its view restrictions) and the page-tree reads kept under the content version
# (programme links, breadcrumbs, neighbours), so the measured request pays only for who asks:
# session, user and the per-user parts. The user's roles are kept under the roles version
# (home.roles.kept_for_user), replaced by any change of a membership or permission. The switcher's per-page links are kept under the
# content version too (home.languages.switcher_links), and the Wagtail userbar's permission check
# is kept per user under the roles version (bounce_tags.may_access_admin), so none costs a query here.
# Lesson: the schools "Les gegeven registreren" panel (lessons_class_lesson_panels hook: the
# teacher's groepen for this lesson) comes from the cache until a groep or delivery changes
# (schools.register_cache; one query however many groepen when it does:
# tests/schools/test_logging_ux.py), and the body from the fragment cache (home.fragment_cache).
LESSON_QUERIES = 2
HOME_MODULE_QUERIES = 3  # anonymous, rendered (not from the page cache): the carers' hint (the lesson pointing here) and the step images
INDEX_QUERIES = 5
COURSE_QUERIES = 3  # + the teacher's own progress on this module
PRESENT_QUERIES = 2  # session, user: no chrome, body from the fragment cache


def content_images(response) -> int:
    """Images from the page's own blocks: not the site logo nor the module's decorative icon."""
    html = response.content
    return html.count(b"<img") - html.count(b'class="site-header__logo"') - html.count(b'class="module__icon"')


def image(name="foto"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))


def h5p_activity(n):
    from h5p.models import H5PActivity

    return H5PActivity.objects.create(title=f"Reflectie {n}", slug=f"reflectie-{uuid.uuid4().hex[:12]}")


def rich_step(n, doc, img, module):
    return f.step(f"Stap {n}", [
        f.block("h5p", {"activity": h5p_activity(n).pk, "caption": ""}),
        f.paragraph(), f.exercise(f"Oefening {n}"), f.discussion(), f.worksheet(doc),
        f.block("image", {"image": img.pk, "decorative": False, "alt_text": "Kinderen in een kring"}),
        f.block("home_module", {"module": module.pk, "text": ""}),
        f.block("callout", {"kind": "tip", "title": "Tip", "text": "<p>Rustig aan.</p>"}),
        f.block("video", {"title": "Filmpje", "url": "https://www.youtube.com/watch?v=abc123", "file": None,
                          "captions": None, "transcript": "<p>Tekst</p>"}),
    ])


def grow(lesson, tree, steps):
    lesson.in_class = [rich_step(n, f.document(f"Werkblad {n}", name=f"w{n}.txt"), image(f"foto{n}"), tree["modules"][n % 2])
                       for n in range(steps)]
    lesson.preparation = [f.worksheet(f.document("Voorbereiding", name="v.txt")), f.paragraph()]
    lesson.save_revision().publish()


def render(client, url, expected, django_assert_num_queries):
    client.get(url)  # warm up: renditions are generated on the first view (and the footer settings row
    client.get(url)  # created, which bumps the content version); the second fills the route cache
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_lesson_page_queries_do_not_grow_with_blocks_documents_images_or_lessons(
    client, tree, teacher, django_assert_num_queries
):
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    grow(lesson, tree, steps=1)
    small = render(client, lesson.url, LESSON_QUERIES, django_assert_num_queries)
    grow(lesson, tree, steps=8)
    for n in range(4, 12):
        f.class_lesson(tree["klas"], n)
    big = render(client, lesson.url, LESSON_QUERIES, django_assert_num_queries)
    assert big.content.count(b'class="worksheet"') == 9 > small.content.count(b'class="worksheet"') == 2
    assert content_images(big) == 8
    # The presentation view reads the same data.
    render(client, lesson.url + "presenteren/", PRESENT_QUERIES, django_assert_num_queries)


def test_the_userbar_shows_for_editors_only(client, tree, teacher, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert b"wagtail-userbar" not in client.get(lesson.url).content
    client.force_login(coordinator)
    response = client.get(lesson.url)
    assert b"<wagtail-userbar" in response.content
    assert f"/admin/pages/{lesson.pk}/edit/".encode() in response.content


def set_module_steps(module, count):
    module.steps = [f.home_step(f"Stap {n}", [f.paragraph(), f.discussion(),
                                              f.block("image", {"image": image(f"m{n}").pk, "decorative": False, "alt_text": "Ouder en kind"})])
                    for n in range(count)]
    module.save_revision().publish()


def test_home_module_queries_do_not_grow_with_steps(client, tree, django_assert_num_queries):
    module = tree["modules"][0]
    # Any cookie beyond CSRF/language bypasses the anonymous page cache: this test measures rendering.
    client.cookies["measure-rendering"] = "1"
    set_module_steps(module, 1)
    render(client, module.url, HOME_MODULE_QUERIES, django_assert_num_queries)
    set_module_steps(module, 6)
    for n in range(3, 9):
        f.home_module(tree["thuis"], n)
    response = render(client, module.url, HOME_MODULE_QUERIES, django_assert_num_queries)
    assert response.content.count(b"Stap 7 van 7") == 1 and content_images(response) == 6


def test_index_and_course_queries_do_not_grow_with_parts(client, tree, teacher, django_assert_num_queries):
    client.force_login(teacher)
    render(client, "/cursus/", INDEX_QUERIES, django_assert_num_queries)
    render(client, tree["courses"][0].url, COURSE_QUERIES, django_assert_num_queries)
    for n in range(3, 10):
        f.course_module(tree["cursus"], n, body=[f.paragraph(), f.exercise(), f.worksheet(f.document(name=f"c{n}.txt"))])
    render(client, "/cursus/", INDEX_QUERIES, django_assert_num_queries)
    render(client, tree["courses"][0].url, COURSE_QUERIES, django_assert_num_queries)
