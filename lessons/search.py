"""Search over the programme pages, limited to what the visitor may read.

Apart from ``lessons.selectors`` because it needs the page classes, which import the
selectors for their context: keeping it here lets imports run one way (search -> models ->
selectors).
"""

from wagtail.models import Page

from .models import ClassLessonPage, CourseModulePage, HomeModulePage, ProgrammeIndexPage
from .selectors import is_teacher


def searchable_models(user):
    """Which programme pages ``user`` may find in search: carers' modules and the indexes for all,
    class lessons and course modules only for teachers and coordinators."""
    models = [ProgrammeIndexPage, HomeModulePage]
    if is_teacher(user):
        models += [ClassLessonPage, CourseModulePage]
    return models


def search_pages(query: str, user, locale):
    """Wagtail search (PostgreSQL full text on PostgreSQL) over the programme pages ``user`` may see."""
    queryset = Page.objects.live().public().filter(locale=locale).type(*searchable_models(user))
    return queryset.search(query, operator="and")


def specific_in_order(pages) -> list:
    """The specific pages for a page of search results, in result order (one query per page type)."""
    ids = [p.pk for p in pages]
    by_id = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[i] for i in ids if i in by_id]
