"""Kernel models: the image model, the home page and general text pages, the footer setting and
the demo marker."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .forms import FooterSettingsForm
from .page_cache import AnonymousPageCacheMixin


class BounceImage(AbstractImage):
    """Image with a credit line; custom from the start so fields can be added without a swap."""

    credit = models.CharField(_("maker / bron"), max_length=255, blank=True)

    admin_form_fields = (*Image.admin_form_fields, "credit")


class BounceRendition(AbstractRendition):
    image = models.ForeignKey(BounceImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HomePage(AnonymousPageCacheMixin, Page):
    """The site's front door: one path for teachers, one for carers."""

    intro = models.TextField(_("introductie"), max_length=500)
    teachers_title = models.CharField(_("titel voor leerkrachten"), max_length=120)
    teachers_text = RichTextField(_("tekst voor leerkrachten"), features=["bold", "italic", "link"])
    teachers_link = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("link voor leerkrachten"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    carers_title = models.CharField(_("titel voor ouders/verzorgers"), max_length=120)
    carers_text = RichTextField(_("tekst voor ouders/verzorgers"), features=["bold", "italic", "link"])
    carers_link = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("link voor ouders/verzorgers"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("teachers_title"), FieldPanel("teachers_text"), FieldPanel("teachers_link")],
            heading=_("Voor leerkrachten"),
        ),
        MultiFieldPanel(
            [FieldPanel("carers_title"), FieldPanel("carers_text"), FieldPanel("carers_link")],
            heading=_("Voor ouders en verzorgers"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1
    carer_facing = True  # carers land here in their own language too (home.languages)
    carer_nav = False  # but teachers start here as well: keep the full navigation in nl and en

    class Meta:
        verbose_name = _("startpagina")
        verbose_name_plural = _("startpagina's")


class StandardPage(AnonymousPageCacheMixin, Page):
    """A general text page: privacy statement, accessibility statement, about the programme."""

    intro = models.TextField(_("introductie"), blank=True, max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name=_("inhoud"))
    last_reviewed = models.DateField(_("laatst herzien"), null=True, blank=True)
    show_in_footer = models.BooleanField(_("tonen in de voettekst"), default=False)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("last_reviewed")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standaardpagina")
        verbose_name_plural = _("standaardpagina's")


class DemoLoad(models.Model):
    """Which app's demo content ``load_demo`` has loaded, so a second run changes nothing."""

    app_label = models.CharField(max_length=100, unique=True)
    loaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("geladen voorbeeldinhoud")
        verbose_name_plural = _("geladen voorbeeldinhoud")

    def __str__(self):
        return self.app_label


DEFAULT_FOOTER_TEXT = _("BOUNCE online: veerkracht op de basisschool, voor leerkrachten en ouders/verzorgers.")


@register_setting(icon="list-ul")
class FooterSettings(ClusterableModel, BaseSiteSetting):
    """The footer's line of text, edited by coordinators (Instellingen → Voettekst) per language.

    One row per language rather than one translatable field: a site setting is not a page, so
    wagtail-localize does not translate it, and carers read the footer in five languages. A
    language without a row shows the Dutch row; without any row the built-in line is shown
    (``home.templatetags.bounce_tags.footer_text``). Saving clears the cached footer
    (``home.signals``).
    """

    panels = [InlinePanel("texts", label=_("Tekst per taal"))]
    base_form_class = FooterSettingsForm

    class Meta:
        verbose_name = _("voettekst")
        verbose_name_plural = _("voetteksten")

    @staticmethod
    def text_for(site, language_code: str) -> str:
        """The row for ``language_code``, else the Dutch row, else "" (one query). Reads only:
        unlike ``for_request`` it creates no setting row, which would clear the chrome cache."""
        texts = dict(FooterText.objects.filter(setting__site=site).values_list("language", "text")) if site else {}
        return texts.get(language_code) or texts.get(settings.LANGUAGE_CODE, "")


class FooterText(Orderable):
    """The footer text in one language."""

    setting = ParentalKey(FooterSettings, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("taal"), max_length=10, choices=settings.LANGUAGES)
    text = models.TextField(_("tekst"), max_length=500)

    panels = [FieldPanel("language"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("voettekst in een taal")
        verbose_name_plural = _("voetteksten per taal")
        constraints = [models.UniqueConstraint(fields=["setting", "language"], name="home_footertext_one_per_language")]

    def __str__(self):
        return self.language
