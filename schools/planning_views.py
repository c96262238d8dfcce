"""Views for planning: the planning grid (front end for a groep's teachers, admin for
coordinators) and the teacher's iCalendar feed. The grid's rules live in ``schools.planning``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import calendar, planning
from .models import CalendarFeed, Groep


@login_required
def plan_groep(request, pk):
    """The groep's own teachers plan from "Mijn groepen" (other groepen answer 404)."""
    groep = get_object_or_404(Groep.objects.select_related("school", "programme"), pk=pk, teachers=request.user)
    form, counts = planning.handle_planning_form(request, groep)
    if counts is not None:
        messages.success(request, planning.saved_message(counts))
        return redirect("schools:groep_detail", pk=groep.pk)
    return render(request, "schools/planning.html", {"groep": groep, "form": form})


def admin_plan_groep(request, pk):
    """Coordinators plan any groep in the admin (Wagtail's admin login is checked by its URL hook)."""
    if not request.user.has_perm("schools.change_groep"):
        raise PermissionDenied
    groep = get_object_or_404(Groep.objects.select_related("school", "programme"), pk=pk)
    form, counts = planning.handle_planning_form(request, groep)
    if counts is not None:
        from wagtail.admin import messages as admin_messages

        admin_messages.success(request, planning.saved_message(counts))
        return redirect("groepen:edit", groep.pk)
    return TemplateResponse(request, "schools/admin/planning.html", {"groep": groep, "form": form})


@login_required
def calendar_settings(request):
    """Where a teacher finds (and renews) the secret address of their calendar feed."""
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = request.build_absolute_uri(calendar.feed_path(feed)) if feed else None
    return render(request, "schools/calendar.html", {"feed_url": feed_url})


@login_required
@require_POST
def calendar_rotate(request):
    had_feed = CalendarFeed.objects.filter(user=request.user).exists()
    calendar.rotate(request.user)
    if had_feed:
        messages.success(request, _("U hebt een nieuwe agendalink. De oude link werkt niet meer: zet de nieuwe in uw agenda."))
    else:
        messages.success(request, _("Uw agendalink is klaar. Zet hem in uw agenda."))
    return redirect("schools:calendar")


@never_cache
def calendar_feed(request, pk, token):
    """The feed itself: no login (calendar apps cannot log in), the secret token is the key."""
    feed = calendar.feed_for_token(pk, token)
    if feed is None:
        raise Http404
    response = HttpResponse(calendar.build_ics(feed.user, request.build_absolute_uri("/")), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="bounce-planning.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
