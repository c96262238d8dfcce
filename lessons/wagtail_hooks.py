"""Admin registration only: the aspects of resilience as an editable, translatable snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
