"""The aspects of resilience as an editable, translatable snippet, and the programme links of the
site menu (``register_nav_items``, ``home.navigation``)."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.navigation import NavItem

from .models import Aspect


class AspectViewSet(SnippetViewSet):
    model = Aspect
    icon = "tag"
    menu_label = _("Aspecten van veerkracht")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


register_snippet(AspectViewSet)


@hooks.register("register_nav_items")
def programme_and_search_links(request, page):
    """The programmes of the current language (one query) and search, first in the main menu."""
    from .templatetags.lessons_tags import programme_pages

    items = [
        NavItem(programme.title, programme.get_url(request), order=10 + i, current=page is not None and page.pk == programme.pk)
        for i, programme in enumerate(programme_pages())
    ]
    return [*items, NavItem(gettext("Zoeken"), reverse("lessons:search"), order=50)]


@hooks.register("register_admin_urls")
def translation_status_urls():
    from django.urls import path

    from .translation_status import TranslationStatusView

    return [path("vertaalstatus/", TranslationStatusView.as_view(), name="lessons_translation_status")]


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    """Vertaalstatus (``lessons.translation_status``) for coordinators and Vertalers."""
    from .translation_status import menu_item

    return menu_item()
