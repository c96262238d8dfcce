"""Bad input in the editor: missing required fields, images without alt text, videos without
captions or transcript. Each gives a clear Dutch error and publishes nothing."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.blocks import StreamValue
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from lessons.blocks import KnowledgeCheckBlock, LessonImageBlock, VideoBlock
from lessons.models import ClassLessonPage

from . import factories as f
from .test_queries import image

pytestmark = pytest.mark.django_db


def listblock(items):
    data = {"count": len(items)}
    for i, value in enumerate(items):
        data[i] = {"value": value, "deleted": "", "order": i, "id": ""}
    return data


def step_form(content):
    return ("step", {"title": "In de kring", "duration_minutes": 10, "content": streamfield(content)})


def lesson_form(lesson, **overrides):
    data = {
        "title": lesson.title, "slug": lesson.slug, "number": lesson.number, "duration_minutes": 60,
        "summary": "Een nieuwe samenvatting.", "learning_goals": rich_text("<ul><li>Ik ken mijn talenten.</li></ul>"),
        "materials": rich_text(""), "home_module": "", "preparation": streamfield([]),
        "in_class": streamfield([step_form([("paragraph", rich_text("<p>Vertel over je weekend.</p>"))])]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def publish_via_admin(client, lesson, **overrides):
    return client.post(reverse("wagtailadmin_pages:edit", args=[lesson.pk]), lesson_form(lesson, **overrides))


def test_a_complete_lesson_publishes_from_the_admin(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    response = publish_via_admin(client, lesson)
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson.refresh_from_db()
    assert lesson.summary == "Een nieuwe samenvatting."


def error_text(form):
    """All messages of a page form, including those nested inside StreamField blocks."""
    messages = []
    for name, errors in form.errors.as_data().items():
        for error in errors:
            data = error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages}
            messages.append(f"{name}: {json.dumps(data, ensure_ascii=False)}")
    return "\n".join(messages)


def assert_rejected(response, lesson, message):
    assert response.status_code == 200
    assert "De pagina kon niet worden opgeslagen" in response.content.decode() or response.context["form"].errors
    assert message in error_text(response.context["form"])
    lesson.refresh_from_db()
    assert lesson.summary == "Samenvatting van les 1."  # live content unchanged
    assert lesson.revisions.count() == 1  # no half-saved draft either


def test_missing_required_field_is_refused(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    response = publish_via_admin(client, lesson, summary="", duration_minutes="")
    assert_rejected(response, lesson, "Dit is een verplicht veld")


def test_a_lesson_without_steps_is_refused(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    assert_rejected(publish_via_admin(client, lesson, in_class=streamfield([])), lesson, "Het minimale aantal items is 1")


def test_an_image_without_alt_text_is_refused(client, tree, coordinator):
    lesson, img = tree["lessons"][0], image()
    client.force_login(coordinator)
    content = [("image", {"image": img.pk, "decorative": "", "alt_text": ""})]
    response = publish_via_admin(client, lesson, in_class=streamfield([step_form(content)]))
    assert_rejected(response, lesson, "Vul een alternatieve tekst in")


def test_a_decorative_image_is_refused_too(client, tree, coordinator):
    lesson, img = tree["lessons"][0], image()
    client.force_login(coordinator)
    content = [("image", {"image": img.pk, "decorative": "on", "alt_text": ""})]
    response = publish_via_admin(client, lesson, in_class=streamfield([step_form(content)]))
    assert_rejected(response, lesson, "Vul een alternatieve tekst in")


def test_a_video_without_captions_or_transcript_is_refused(client, tree, coordinator):
    lesson = tree["lessons"][0]
    video = f.document("Filmpje", content=b"\x00\x00\x00\x18ftypmp42", name="filmpje.mp4")
    client.force_login(coordinator)
    content = [("video", {"title": "Filmpje", "url": "", "file": video.pk, "captions": "", "transcript": rich_text("")})]
    response = publish_via_admin(client, lesson, in_class=streamfield([step_form(content)]))
    assert_rejected(response, lesson, "Voeg ondertitels of een uitgeschreven tekst toe")


def test_an_online_video_needs_a_transcript(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    content = [("video", {"title": "Filmpje", "url": "https://www.youtube.com/watch?v=abc", "file": "", "captions": "",
                          "transcript": rich_text("")})]
    response = publish_via_admin(client, lesson, in_class=streamfield([step_form(content)]))
    assert_rejected(response, lesson, "Een online video heeft een uitgeschreven tekst nodig")


def test_an_exercise_without_steps_is_refused(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    exercise = {"title": "Toren", "aim": "Samenwerken", "duration_minutes": 10, "grouping": "groep",
                "materials": listblock([]), "steps": listblock([]), "debrief": listblock([])}
    response = publish_via_admin(client, lesson, in_class=streamfield([step_form([("exercise", exercise)])]))
    assert response.status_code == 200
    lesson.refresh_from_db()
    assert lesson.revisions.count() == 1


# The same rules, straight on the blocks.

def test_video_block_rules():
    block = VideoBlock()
    ok_text = RichText("<p>Wat er gezegd wordt.</p>")
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "Geen bron", "url": "", "file": None, "captions": None, "transcript": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "Onbekende site", "url": "https://video.example/1", "transcript": "<p>x</p>"}))
    value = block.clean(block.to_python({"title": "YouTube", "url": "https://youtu.be/abc_12", "transcript": ok_text.source}))
    assert block.get_context(value)["embed_src"] == "https://www.youtube-nocookie.com/embed/abc_12"


def test_image_block_requires_alt_text():
    block, img = LessonImageBlock(), image()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": img.pk, "decorative": False, "alt_text": "  "}))
    assert block.clean(block.to_python({"image": img.pk, "decorative": False, "alt_text": "Een bal"})).contextual_alt_text == "Een bal"


def test_knowledge_check_needs_a_correct_answer():
    block = KnowledgeCheckBlock()
    value = block.to_python({"question": "Wat?", "explanation": "Daarom.",
                             "choices": [{"text": "A", "correct": False}, {"text": "B", "correct": False}]})
    with pytest.raises(ValidationError):
        block.clean(value)


def test_stream_values_are_what_the_templates_expect(tree):
    lesson = ClassLessonPage.objects.get(pk=tree["lessons"][0].pk)
    assert isinstance(lesson.in_class, StreamValue) and lesson.in_class[0].value["title"] == "Start"


def test_a_number_can_be_used_only_once_per_programme(client, tree, coordinator):
    lesson = tree["lessons"][0]
    client.force_login(coordinator)
    response = publish_via_admin(client, lesson, number=2)
    assert_rejected(response, lesson, "In dit programma heeft ‘Les nummer 2’ al nummer 2.")
    # A new lesson with a free number is created and published.
    add = reverse("wagtailadmin_pages:add", args=["lessons", "classlessonpage", tree["klas"].pk])
    response = client.post(add, lesson_form(ClassLessonPage(title="Nieuw", slug="nieuw", number=4)))
    assert response.status_code == 302, error_text(response.context["form"])
    assert ClassLessonPage.objects.live().filter(slug="nieuw", number=4).exists()
