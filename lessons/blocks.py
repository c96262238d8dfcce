"""StreamField blocks of the programme pages (class lessons, at-home modules, course modules).

General blocks (image with required alt text, callout) come from the kernel (``home.blocks``);
the blocks here are the lesson-specific ones. Every block that points at other rows (images,
documents, pages) converts in bulk, so a page costs the same number of queries whether it holds
one worksheet or twenty.
"""

from urllib.parse import parse_qs, urlparse

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from h5p.blocks import H5PActivityBlock  # the H5P app's block; h5p itself knows nothing of lessons
from home.blocks import AccessibleImageBlock, CalloutBlock

TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class LessonImageBlock(AccessibleImageBlock):
    """The kernel's image block, plus one query that fetches the renditions of all images at once
    (otherwise every image on a lesson page asks the database for its own renditions)."""

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        prefetch_related_objects([i for i in images if i is not None and not hasattr(i, "prefetched_renditions")],
                                 _rendition_prefetch())
        return images


def _rendition_prefetch():
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    return Prefetch("renditions", queryset=get_image_model().get_rendition_model().objects.all(),
                    to_attr="prefetched_renditions")


VIDEO_HOSTS = {"www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be", "vimeo.com", "player.vimeo.com"}


def embed_url(url: str) -> str | None:
    """A privacy-friendly player address for YouTube (no-cookie domain) and Vimeo (do-not-track),
    or ``None`` when the address is not a known video page. No network request is needed."""
    parsed = urlparse(url or "")
    host = parsed.netloc.lower()
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
    elif host.endswith("youtube.com"):
        video_id = parse_qs(parsed.query).get("v", [""])[0] or parsed.path.rsplit("/", 1)[-1]
    elif host.endswith("vimeo.com"):
        video_id = parsed.path.rstrip("/").rsplit("/", 1)[-1]
        return f"https://player.vimeo.com/video/{video_id}?dnt=1" if video_id.isdigit() else None
    else:
        return None
    if not video_id or not all(c.isalnum() or c in "-_" for c in video_id):
        return None
    return f"https://www.youtube-nocookie.com/embed/{video_id}"


class VideoBlock(blocks.StructBlock):
    """An online video (YouTube/Vimeo) or an uploaded video file, always with captions or a transcript.

    An uploaded file takes a WebVTT captions document (played as a ``<track>``); every video may
    carry a written transcript, and an online video must (its captions cannot be checked here).
    """

    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    url = blocks.URLBlock(label=_("Online video (YouTube of Vimeo)"), required=False)
    file = DocumentChooserBlock(label=_("Of: videobestand (mp4 of webm)"), required=False)
    captions = DocumentChooserBlock(label=_("Ondertitels (WebVTT-bestand, .vtt)"), required=False)
    transcript = blocks.RichTextBlock(label=_("Uitgeschreven tekst"), required=False, features=["bold", "italic", "ul"])

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        url, file, captions = value.get("url"), value.get("file"), value.get("captions")
        has_transcript = bool(value.get("transcript") and strip_tags(value["transcript"].source).strip())
        if bool(url) == bool(file):
            errors["url"] = ValidationError(_("Kies óf een online video óf een videobestand (precies één van de twee)."))
        elif url and not embed_url(url):
            errors["url"] = ValidationError(_("Alleen video's van YouTube of Vimeo kunnen worden ingesloten."))
        elif url and not has_transcript:
            errors["transcript"] = ValidationError(
                _("Een online video heeft een uitgeschreven tekst nodig, zodat iedereen de inhoud kan volgen.")
            )
        if file and file.file_extension.lower() not in ("mp4", "webm"):
            errors["file"] = ValidationError(_("Een videobestand moet een mp4- of webm-bestand zijn."))
        if captions and captions.file_extension.lower() != "vtt":
            errors["captions"] = ValidationError(_("Ondertitels moeten een WebVTT-bestand (.vtt) zijn."))
        if file and not captions and not has_transcript:
            errors["captions"] = ValidationError(
                _("Voeg ondertitels of een uitgeschreven tekst toe: zonder kan niet iedereen de video volgen.")
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_src"] = embed_url(value.get("url")) if value.get("url") else None
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video.html"


class GroupingChoices:
    CHOICES = [("groep", _("Hele groep")), ("tweetallen", _("In tweetallen")), ("alleen", _("Alleen"))]


class ExerciseBlock(blocks.StructBlock):
    """An exercise with everything a teacher needs to run it without the manual at hand."""

    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    aim = blocks.TextBlock(label=_("Doel"), help_text=_("Wat leren de leerlingen hiervan? Eén of twee zinnen."))
    duration_minutes = blocks.IntegerBlock(label=_("Duur in minuten"), min_value=1, max_value=120)
    grouping = blocks.ChoiceBlock(label=_("Werkvorm"), choices=GroupingChoices.CHOICES, default="groep")
    materials = blocks.ListBlock(blocks.CharBlock(label=_("Materiaal"), max_length=200), label=_("Materialen"),
                                 min_num=0, default=[])
    steps = blocks.ListBlock(blocks.TextBlock(label=_("Stap")), label=_("Stappen"), min_num=1)
    debrief = blocks.ListBlock(blocks.CharBlock(label=_("Vraag"), max_length=300), label=_("Nabespreken"),
                               min_num=0, default=[], help_text=_("Vragen om samen op de oefening terug te kijken."))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["grouping_label"] = dict(GroupingChoices.CHOICES).get(value.get("grouping"), "")
        return context

    class Meta:
        icon = "group"
        label = _("Oefening")
        template = "blocks/exercise.html"


class DiscussionQuestionsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120, default=_("Om over te praten"))
    intro = blocks.TextBlock(label=_("Inleiding"), required=False)
    questions = blocks.ListBlock(blocks.CharBlock(label=_("Vraag"), max_length=300), label=_("Vragen"), min_num=1)

    class Meta:
        icon = "openquote"
        label = _("Gespreksvragen")
        template = "blocks/discussion_questions.html"


class WorksheetBlock(blocks.StructBlock):
    """A download (werkblad), shown with its file type and size so a teacher knows what to expect."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Naam op de pagina"), required=False, max_length=120,
                             help_text=_("Leeg laten om de titel van het document te gebruiken."))
    description = blocks.TextBlock(label=_("Toelichting"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Werkblad")
        template = "blocks/worksheet.html"


class HomeModuleLinkBlock(blocks.StructBlock):
    """Points teachers (and carers) at the at-home module that goes with this part."""

    module = blocks.PageChooserBlock(label=_("Thuismodule"), page_type="lessons.HomeModulePage")
    text = blocks.TextBlock(label=_("Toelichting"), required=False)

    class Meta:
        icon = "home"
        label = _("Link naar thuismodule")
        template = "blocks/home_module_link.html"


class KnowledgeCheckBlock(blocks.StructBlock):
    """A multiple-choice question that teachers answer for themselves; the answer is revealed on
    request. It stores nothing: the course checks understanding, it does not grade."""

    question = blocks.CharBlock(label=_("Vraag"), max_length=300)
    choices = blocks.ListBlock(
        blocks.StructBlock(
            [("text", blocks.CharBlock(label=_("Antwoord"), max_length=200)),
             ("correct", blocks.BooleanBlock(label=_("Juist antwoord"), required=False))],
            label=_("Antwoord"),
        ),
        label=_("Antwoorden"), min_num=2,
    )
    explanation = blocks.TextBlock(label=_("Uitleg"))

    def clean(self, value):
        value = super().clean(value)
        if not any(choice["correct"] for choice in value["choices"]):
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Markeer ten minste één antwoord als juist."))}
            )
        return value

    class Meta:
        icon = "tick-inverse"
        label = _("Kennisvraag")
        template = "blocks/knowledge_check.html"


class ProgrammeContentBlock(blocks.StreamBlock):
    """The content every programme part can use; each part's stream below adds its own blocks.

    Declared as class attributes (as Wagtail and bakerydemo do) rather than built in ``__init__``,
    so the children are visible to readers and to subclassing; subclasses' blocks follow these.
    """

    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=TEXT_FEATURES, template="blocks/paragraph.html")
    image = LessonImageBlock(label=_("Afbeelding"))
    video = VideoBlock()
    callout = CalloutBlock()


class PreparationBlock(ProgrammeContentBlock):
    """"Voorbereiden": background and preparation for the teacher."""

    discussion = DiscussionQuestionsBlock()
    worksheet = WorksheetBlock()
    home_module = HomeModuleLinkBlock()


class ClassStepContentBlock(ProgrammeContentBlock):
    """The content of one step "In de klas", with exercises and interactive (H5P) activities."""

    exercise = ExerciseBlock()
    discussion = DiscussionQuestionsBlock()
    worksheet = WorksheetBlock()
    home_module = HomeModuleLinkBlock()
    h5p = H5PActivityBlock()


class ClassStepBlock(blocks.StructBlock):
    """One step of "In de klas"; presentation mode shows one step per screen."""

    title = blocks.CharBlock(label=_("Titel van de stap"), max_length=120)
    duration_minutes = blocks.IntegerBlock(label=_("Duur in minuten"), min_value=1, max_value=120)
    content = ClassStepContentBlock(label=_("Inhoud"))

    class Meta:
        icon = "list-ol"
        label = _("Stap")


class HomeStepContentBlock(ProgrammeContentBlock):
    """The content of one screen of an at-home module: no worksheets or exercises for carers."""

    discussion = DiscussionQuestionsBlock()
    h5p = H5PActivityBlock()


class HomeStepBlock(blocks.StructBlock):
    """One screen of an at-home module ("stap 2 van 4")."""

    title = blocks.CharBlock(label=_("Titel van de stap"), max_length=120)
    content = HomeStepContentBlock(label=_("Inhoud"))

    class Meta:
        icon = "list-ol"
        label = _("Stap")


class CourseBodyBlock(ProgrammeContentBlock):
    """The body of a teacher course module, with headings and self-check questions."""

    heading = blocks.CharBlock(label=_("Tussenkop"), max_length=120, template="blocks/heading.html", icon="title")
    exercise = ExerciseBlock()
    discussion = DiscussionQuestionsBlock()
    knowledge_check = KnowledgeCheckBlock()
    worksheet = WorksheetBlock()
    h5p = H5PActivityBlock()
