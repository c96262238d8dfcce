"""Vertaalstatus: per at-home module and carer language, is the translation complete and in
step with the Dutch page? For coordinators and the "Vertalers" (Wagtail admin, Reports).

Built here rather than adopted: ``wagtail-localize-dashboard`` 0.5.0 (checked December 2026)
declares Wagtail 5-6 and Django 4.2-5.0 only, has no Dutch catalogue, lets only Django staff in
(``staff_member_required``: coordinators are not staff) and counts translated segments only; it
cannot say that a translation fell behind a Dutch edit, which is what coordinators asked for.

The facts come from wagtail-localize's own records:

- a ``TranslationSource`` per Dutch page, ``last_updated_at`` = when its text was last taken
  over ("synchronised") for the translators;
- a ``Translation`` per target language, and ``StringTranslation`` rows per translated segment.

A translation is *verouderd* when the Dutch page got a revision after its source was last
synchronised (the translators have not seen that edit), *onvolledig* while segments lack a
translation, *volledig* otherwise, and *ontbreekt* when no page exists in that language. A
fixed number of queries, whatever the number of modules (pinned in
``tests/carers/test_translation_status.py``).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from home.languages import TRANSLATORS_GROUP
from home.roles import is_coordinator

from .models import HomeModulePage

COMPLETE, INCOMPLETE, OUTDATED, MISSING, UNMANAGED = "volledig", "onvolledig", "verouderd", "ontbreekt", "los"
LABELS = {
    COMPLETE: _("Volledig"),
    INCOMPLETE: _("Onvolledig"),
    OUTDATED: _("Verouderd"),
    MISSING: _("Ontbreekt"),
    UNMANAGED: _("Buiten de vertaalhulp"),
}


@dataclass
class Cell:
    language: str
    status: str
    done: int = 0
    total: int = 0
    live: bool = False
    edit_url: str = ""
    sync_url: str = ""
    translate_url: str = ""

    @property
    def label(self):
        return LABELS[self.status]


def target_languages() -> list[tuple[str, str]]:
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _segment_progress(source_ids, languages):
    """{source id: (total segments, {language: translated segments})}, in one grouped query."""
    from wagtail_localize.models import StringSegment, StringTranslation

    def translated_in(code):
        return Exists(StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"), context_id=OuterRef("context_id"),
            locale__language_code=code, has_error=False,
        ))

    rows = (
        StringSegment.objects.filter(source_id__in=source_ids).values("source_id")
        .annotate(total=Count("pk"), **{f"done_{code}": Count("pk", filter=Q(translated_in(code))) for code in languages})
        .order_by()
    )
    return {row["source_id"]: (row["total"], {code: row[f"done_{code}"] for code in languages}) for row in rows}


def module_status():
    """``(languages, rows)``: each row a Dutch at-home module with one ``Cell`` per language."""
    from wagtail_localize.models import Translation, TranslationSource

    languages = target_languages()
    codes = [code for code, _name in languages]
    modules = list(
        HomeModulePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .only("pk", "title", "number", "translation_key", "latest_revision_created_at", "path").order_by("path")
    )
    keys = [m.translation_key for m in modules]
    pages = {
        (row["translation_key"], row["locale__language_code"]): row
        for row in Page.objects.filter(translation_key__in=keys, locale__language_code__in=codes)
        .values("pk", "translation_key", "locale__language_code", "live")
    }
    sources = {
        row["object_id"]: row
        for row in TranslationSource.objects.filter(object_id__in=keys, locale__language_code=settings.LANGUAGE_CODE)
        .values("pk", "object_id", "last_updated_at")
    }
    managed = set(
        Translation.objects.filter(source_id__in=[s["pk"] for s in sources.values()], enabled=True)
        .values_list("source_id", "target_locale__language_code")
    )
    progress = _segment_progress([s["pk"] for s in sources.values()], codes)
    rows = []
    for module in modules:
        source = sources.get(module.translation_key)
        total, done = progress.get(source["pk"], (0, {})) if source else (0, {})
        cells = []
        for code in codes:
            page = pages.get((module.translation_key, code))
            cell = Cell(language=code, status=MISSING)
            if page is None:
                cell.translate_url = reverse("wagtail_localize:submit_page_translation", args=[module.pk])
            elif source is None or (source["pk"], code) not in managed:
                cell.status = UNMANAGED
            else:
                cell.done, cell.total = done.get(code, 0), total
                behind = module.latest_revision_created_at and module.latest_revision_created_at > source["last_updated_at"]
                cell.status = OUTDATED if behind else (COMPLETE if cell.done >= total else INCOMPLETE)
                if behind:
                    cell.sync_url = reverse("wagtail_localize:update_translations", args=[source["pk"]])
            if page is not None:
                cell.live = page["live"]
                cell.edit_url = reverse("wagtailadmin_pages:edit", args=[page["pk"]])
            cells.append(cell)
        rows.append({"module": module, "cells": cells})
    return languages, rows


def may_see(user) -> bool:
    return is_coordinator(user) or (user.is_active and user.groups.filter(name=TRANSLATORS_GROUP).exists())


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Vertaalstatus")
    header_icon = "globe"
    template_name = "lessons/admin/translation_status.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["languages"], context["rows"] = module_status()
        context["labels"] = LABELS
        return context


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


def menu_item():
    return TranslationStatusMenuItem(_("Vertaalstatus"), reverse("lessons_translation_status"), icon_name="globe", order=720)
