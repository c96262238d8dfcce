"""The kernel's image block refuses an image without a text alternative with its own Dutch
message, before Wagtail's (which offers "decorative", not allowed here), so every app's image
block inherits the rule without overriding ``clean``."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.blocks import AccessibleImageBlock

pytestmark = pytest.mark.django_db

MESSAGE = "Vul een alternatieve tekst in"


def _image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), "teal").save(buffer, "PNG")
    return get_image_model().objects.create(title="bal", file=ImageFile(buffer, name="bal.png"))


@pytest.mark.parametrize(
    "decorative, alt_text",
    [(False, ""), (False, "   "), (True, "")],
    ids=["empty", "whitespace", "marked-decorative"],
)
def test_an_image_without_alt_text_gets_the_dutch_message(decorative, alt_text):
    block, img = AccessibleImageBlock(), _image()
    with pytest.raises(ValidationError) as refused:
        block.clean(block.to_python({"image": img.pk, "decorative": decorative, "alt_text": alt_text}))
    errors = refused.value.block_errors["alt_text"]
    assert MESSAGE in " ".join(errors.messages)
    assert "decorative" not in " ".join(errors.messages)


def test_an_image_with_alt_text_is_accepted():
    block, img = AccessibleImageBlock(), _image()
    value = block.clean(block.to_python({"image": img.pk, "decorative": False, "alt_text": "Een bal"}))
    assert value.contextual_alt_text == "Een bal"


def test_the_demo_content_still_validates_against_the_declared_blocks():
    """The programme streams declare their children as class attributes (``lessons.blocks``);
    every StreamField the demo stored must still load and pass the blocks' own validation."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.fields import StreamField
    from wagtail.models import Page

    call_command("load_demo", stdout=StringIO())
    checked = 0
    for page in Page.objects.live().specific():
        for field in page._meta.get_fields():
            if isinstance(field, StreamField) and (value := getattr(page, field.name)):
                field.stream_block.clean(value)
                checked += len(value)
    assert checked > 50
