"""Reads for the programme pages: who may see what, the parts of a programme, neighbours and
progress. Every function costs a fixed number of queries, whatever the number of parts.

The page models call these from ``get_context``, so this module imports nothing from
``lessons.models``: it reaches other models through the page and user it is given
(``index_page.part_model``, ``user.course_progress``, ``page.progress``). Search, which
needs the model classes themselves, lives in ``lessons.search``.
"""

from django.db.models import Count, Q

from home.chrome_cache import versioned
from home.roles import is_teacher  # noqa: F401 (roles live in the kernel; callers use selectors.is_teacher)

from .programme import ProgrammeType

PART_FIELDS = ("id", "title", "slug", "number", "duration_minutes", "summary", "url_path", "path", "depth", "locale_id")


def programme_parts(index_page):
    """The live parts of a programme in order, with only what a listing needs."""
    return list(
        index_page.part_model.objects.child_of(index_page).live().order_by("number", "path").only(*PART_FIELDS)
    )


def completed_module_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.course_progress.values_list("module_id", flat=True))


def course_progress_summary(user, index_page) -> dict:
    """How many of a course's live modules ``user`` finished (counted in the database)."""
    return index_page.part_model.objects.child_of(index_page).live().aggregate(
        total=Count("id", distinct=True), done=Count("progress", filter=Q(progress__user=user), distinct=True)
    )


def index_context(index_page, user) -> dict:
    parts = programme_parts(index_page)
    teacher = is_teacher(user)
    context = {"parts": parts, "is_teacher": teacher}
    if teacher and index_page.programme_type == ProgrammeType.COURSE:
        done = completed_module_ids(user)
        for part in parts:
            part.is_done = part.id in done
        context["progress"] = course_progress_summary(user, index_page)
    return context


def part_context(page, request) -> dict:
    """Breadcrumbs, previous/next within the programme and (course) the teacher's own progress."""
    ancestors, siblings = versioned(f"part:{page.pk}", lambda: (  # the same for everyone until a publish
        list(page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "path", "depth")),
        list(type(page).objects.sibling_of(page).live().order_by("number", "path")
             .only("id", "title", "number", "url_path", "path", "depth")),
    ))
    position = next((i for i, s in enumerate(siblings) if s.id == page.id), None)
    context = {
        "breadcrumbs": ancestors,
        "programme": ancestors[-1] if ancestors else None,
        "previous_part": siblings[position - 1] if position else None,
        "next_part": siblings[position + 1] if position is not None and position + 1 < len(siblings) else None,
        "is_teacher": is_teacher(request.user),
    }
    if page.tracks_course_progress and request.user.is_authenticated:
        context["completed"] = page.progress.filter(user=request.user).first()
    return context


def worksheets(lesson) -> list:
    """The worksheet blocks of a class lesson (preparation and every step), for the print plan."""
    found = [block.value for block in lesson.preparation if block.block_type == "worksheet"]
    for step in lesson.in_class:
        found += [block.value for block in step.value["content"] if block.block_type == "worksheet"]
    return found
