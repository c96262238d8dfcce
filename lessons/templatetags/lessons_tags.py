"""Template tags for the site navigation: the programme pages in the current language."""

from django import template
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks
from wagtail.models import Locale

from home.chrome_cache import versioned

register = template.Library()


@register.simple_tag
def programme_pages():
    """The live programme index pages of the active language, in tree order: two queries per
    content version (``home.chrome_cache.versioned``), none on a signed-in user's next page."""
    from lessons.models import ProgrammeIndexPage

    language = translation.get_language()
    return versioned(f"programmes:{language}", lambda: list(
        ProgrammeIndexPage.objects.live().filter(locale__language_code=Locale.get_active().language_code)
        .order_by("path").only("id", "title", "url_path", "path", "depth", "programme_type")
    ))


@register.simple_tag(takes_context=True)
def home_module_done_extras(context, page):
    """What other apps add to a thuismodule's last step (e.g. the carer's "done" button).

    Apps register a ``lessons_home_module_done`` Wagtail hook, ``fn(context, page) -> html``,
    so that lessons never imports the apps built on top of it.
    """
    return mark_safe(  # noqa: S308 - every piece is escaped unless it is already safe HTML
        "".join(conditional_escape(fn(context, page)) for fn in hooks.get_hooks("lessons_home_module_done"))
    )


@register.simple_tag(takes_context=True)
def class_lesson_panels(context, page):
    """What other apps add to a class lesson page for the teacher (e.g. "Les gegeven registreren").

    Apps register a ``lessons_class_lesson_panels`` Wagtail hook, ``fn(context, page) -> html``;
    lessons never imports them (schools sits above lessons)."""
    return mark_safe(  # noqa: S308 - every piece is escaped unless it is already safe HTML
        "".join(conditional_escape(fn(context, page)) for fn in hooks.get_hooks("lessons_class_lesson_panels"))
    )


@register.simple_tag(takes_context=True)
def course_progress_extras(context, page):
    """What other apps add under the teacher's course progress (e.g. feedback's "Hoe voorbereid
    voelt u zich?" once the course is done). Apps register a ``lessons_course_progress`` Wagtail
    hook, ``fn(context, page) -> html``; the context holds ``progress`` (``done``, ``total``)."""
    return mark_safe(  # noqa: S308 - every piece is escaped unless it is already safe HTML
        "".join(conditional_escape(fn(context, page)) for fn in hooks.get_hooks("lessons_course_progress"))
    )
