"""The StreamField block other apps put in their pages to embed an H5P activity.

It renders a sandboxed iframe player (see ``h5p/templates/h5p/blocks/h5p_activity.html``) plus
the small bridge script that starts players one after another, sizes them and forwards their
results to this app's endpoints with the embedding page's session and CSRF token. The HTML is
the same for every visitor (the bridge gets the CSRF token itself), so the page can be cached.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .embed import embed_context


class H5PActivityBlock(blocks.StructBlock):
    """An H5P activity chosen from the snippets, with an optional caption under it."""

    activity = SnippetChooserBlock("h5p.H5PActivity", label=_("H5P-activiteit"))
    caption = blocks.CharBlock(
        label=_("Onderschrift"),
        required=False,
        max_length=250,
        help_text=_("Optioneel: een korte uitleg onder de oefening."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context.update(embed_context(value.get("activity"), caption=value.get("caption") or "", page_context=parent_context))
        return context

    class Meta:
        icon = "pick"
        label = _("Interactieve oefening (H5P)")
        template = "h5p/blocks/h5p_activity.html"
