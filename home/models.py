"""Kernel models: the image model, the home page and general text pages, and the demo marker."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
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
