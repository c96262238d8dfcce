"""StreamField blocks shared by every app's pages (the kernel's blocks).

Blocks used by a single app live in that app's ``blocks.py``.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class AccessibleImageBlock(ImageBlock):
    """Wagtail's image block, but alt text is always required (no "decorative" escape).

    Content images in lessons carry meaning for pupils and carers; an image without a text
    alternative cannot be published (WCAG 1.1.1).
    """

    def clean(self, value):
        # Checked before Wagtail's own clean, so editors see this message rather than Wagtail's,
        # which suggests marking the image decorative (not allowed here). Whitespace is no text.
        if (
            not self.is_deferred_validation
            and value is not None
            and not (value.contextual_alt_text or "").strip()
        ):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Vul een alternatieve tekst in: beschrijf wat de afbeelding laat zien.")
                    )
                }
            )
        return super().clean(value)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class CalloutBlock(blocks.StructBlock):
    """A highlighted tip or note."""

    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("tip", _("Tip")), ("note", _("Let op")), ("info", _("Achtergrond"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("Titel"), required=False, max_length=120)
    text = blocks.RichTextBlock(label=_("Tekst"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Tip of kader")
        template = "blocks/callout.html"


class BaseStreamBlock(blocks.StreamBlock):
    """Body content for general pages (home, privacy, accessibility statement)."""

    heading = blocks.CharBlock(label=_("Tussenkop"), form_classname="title", template="blocks/heading.html", icon="title")
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html")
    image = AccessibleImageBlock(label=_("Afbeelding"))
    callout = CalloutBlock()
