"""Views for one-click logging ("Les N vandaag gegeven") from Mijn groepen, the groep page and
the class lesson page, with its undo. The rules are in ``schools.quick_log`` and ``services``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from home.validators import parse_id
from lessons.models import ClassLessonPage

from . import quick_log, register_cache, services
from .models import Groep


def _next_url(request, default):
    """Back where the teacher clicked (same host only), else ``default``."""
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return next_url
    return default


@login_required
@require_POST
def quick_log_view(request, pk):
    """Log the posted lesson as given today. A lesson the groep already had is logged only after
    the teacher confirms (the confirmation page says when it was given)."""
    groep = get_object_or_404(Groep.objects.select_related("school", "programme"), pk=pk, teachers=request.user)
    next_url = _next_url(request, reverse("schools:groep_detail", args=[groep.pk]))
    lesson_id = parse_id(request.POST.get("lesson", ""))  # "²".isdigit() is true too
    lesson = ClassLessonPage.objects.live().filter(pk=lesson_id).first() if lesson_id else None
    if lesson is None or not groep.programme_id or not lesson.is_descendant_of(groep.programme):
        messages.error(request, _("Deze les hoort niet bij het programma van de groep."))
        return redirect(next_url)
    earlier = services.earlier_dates(groep, lesson)
    if earlier and request.POST.get("confirm") != "1":
        return render(request, "schools/quick_log_confirm.html", {
            "groep": groep, "lesson": lesson, "earlier": earlier, "next_url": next_url,
        })
    try:
        delivery = quick_log.log_today(request, groep, lesson)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _(
            "Les %(number)s is geregistreerd als gegeven (%(groep)s, vandaag: %(pupils)s leerlingen, %(minutes)s minuten). "
            "U kunt dit %(undo)s minuten ongedaan maken."
        ) % {"number": lesson.number, "groep": groep.name, "pupils": delivery.pupils_present, "minutes": delivery.minutes,
             "undo": quick_log.UNDO_MINUTES})
    return redirect(next_url)


@login_required
@require_POST
def undo_quick_log_view(request, pk):
    fallback = reverse("schools:my_groepen")
    try:
        delivery = quick_log.undo(request, pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Ongedaan gemaakt: les %(number)s is niet meer geregistreerd voor %(groep)s.")
                         % {"number": delivery.lesson.number, "groep": delivery.groep.name})
    return redirect(_next_url(request, fallback))


def lesson_register_panel(context, page) -> str:
    """``lessons_class_lesson_panels`` hook: "Les gegeven registreren" on a class lesson page,
    one button per groep of the teacher that follows this lesson's programme (one query).

    Kept rendered (``register_cache.panel_html``) but while an undo is on offer (the session's,
    for ten minutes after a one-click log)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    undo = quick_log.pending_undo(request)
    undo = undo if undo and undo.get("lesson_id") == page.pk else None

    def render(csrf_token=None):
        groepen = quick_log.groepen_for_lesson(request.user, page)
        if not groepen:
            return ""
        token = {} if csrf_token is None else {"csrf_token": csrf_token}
        return render_to_string("schools/includes/lesson_register_panel.html", {
            "page": page, "groepen": groepen, "undo": undo, "next_url": request.get_full_path(),
            "undo_minutes": quick_log.UNDO_MINUTES, **token,
        }, request=request)

    return render() if undo is not None else register_cache.panel_html(request, page, render)
