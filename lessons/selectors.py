"""Reads for the programme pages: who may see what, the parts of a programme, neighbours and
progress. Every function costs a fixed number of queries, whatever the number of parts."""

from django.db.models import Count, Q

from home.roles import is_teacher  # noqa: F401 (roles live in the kernel; callers use selectors.is_teacher)

PART_FIELDS = ("id", "title", "slug", "number", "duration_minutes", "summary", "url_path", "path", "depth", "locale_id")


def programme_parts(index_page):
    """The live parts of a programme in order, with only what a listing needs."""
    return list(
        index_page.part_model.objects.child_of(index_page).live().order_by("number", "path").only(*PART_FIELDS)
    )


def completed_module_ids(user) -> set[int]:
    from .models import CourseProgress

    if not user.is_authenticated:
        return set()
    return set(CourseProgress.objects.filter(user=user).values_list("module_id", flat=True))


def course_progress_summary(user, index_page) -> dict:
    """How many of a course's live modules ``user`` finished (counted in the database)."""
    from .models import CourseModulePage

    return CourseModulePage.objects.child_of(index_page).live().aggregate(
        total=Count("id", distinct=True), done=Count("progress", filter=Q(progress__user=user), distinct=True)
    )


def index_context(index_page, user) -> dict:
    parts = programme_parts(index_page)
    teacher = is_teacher(user)
    context = {"parts": parts, "is_teacher": teacher}
    if teacher and index_page.programme_type == "cursus":
        done = completed_module_ids(user)
        for part in parts:
            part.is_done = part.id in done
        context["progress"] = course_progress_summary(user, index_page)
    return context


def part_context(page, request) -> dict:
    """Breadcrumbs, previous/next within the programme and (course) the teacher's own progress."""
    ancestors = list(page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "path", "depth"))
    siblings = list(type(page).objects.sibling_of(page).live().order_by("number", "path")
                    .only("id", "title", "number", "url_path", "path", "depth"))
    position = next((i for i, s in enumerate(siblings) if s.id == page.id), None)
    context = {
        "breadcrumbs": ancestors,
        "programme": ancestors[-1] if ancestors else None,
        "previous_part": siblings[position - 1] if position else None,
        "next_part": siblings[position + 1] if position is not None and position + 1 < len(siblings) else None,
        "is_teacher": is_teacher(request.user),
    }
    from .models import CourseModulePage, CourseProgress

    if isinstance(page, CourseModulePage) and request.user.is_authenticated:
        context["completed"] = CourseProgress.objects.filter(user=request.user, module=page).first()
    return context


def worksheets(lesson) -> list:
    """The worksheet blocks of a class lesson (preparation and every step), for the print plan."""
    found = [block.value for block in lesson.preparation if block.block_type == "worksheet"]
    for step in lesson.in_class:
        found += [block.value for block in step.value["content"] if block.block_type == "worksheet"]
    return found


def searchable_models(user):
    """Which programme pages ``user`` may find in search: carers' modules and the indexes for all,
    class lessons and course modules only for teachers and coordinators."""
    from .models import ClassLessonPage, CourseModulePage, HomeModulePage, ProgrammeIndexPage

    models = [ProgrammeIndexPage, HomeModulePage]
    if is_teacher(user):
        models += [ClassLessonPage, CourseModulePage]
    return models


def search_pages(query: str, user, locale):
    """Wagtail search (PostgreSQL full text on PostgreSQL) over the programme pages ``user`` may see."""
    from wagtail.models import Page

    queryset = Page.objects.live().public().filter(locale=locale).type(*searchable_models(user))
    return queryset.search(query, operator="and")


def specific_in_order(pages) -> list:
    """The specific pages for a page of search results, in result order (one query per page type)."""
    from wagtail.models import Page

    ids = [p.pk for p in pages]
    by_id = {p.pk: p for p in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[i] for i in ids if i in by_id]
