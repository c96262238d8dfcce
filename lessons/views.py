"""Views outside Wagtail's page tree: course progress (POST) and search over the programmes."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from wagtail.models import Locale

from . import search as programme_search
from . import selectors, services
from .models import CourseModulePage

MAX_QUERY_LENGTH = 200


@require_POST
def course_progress(request, page_id):
    """Mark a course module as done (``action=done``) or undo it (``action=undo``); teachers only."""
    if not selectors.is_teacher(request.user):
        return HttpResponseForbidden(_("Alleen leerkrachten en coördinatoren kunnen hun cursusvoortgang bijhouden."))
    module = get_object_or_404(CourseModulePage.objects.live(), pk=page_id)
    action = request.POST.get("action")
    if action == "done":
        services.mark_module_done(request.user, module)
        messages.success(request, _("Goed gedaan: u hebt ‘%(title)s’ afgerond.") % {"title": module.title})
    elif action == "undo":
        services.undo_module_done(request.user, module)
        messages.info(request, _("‘%(title)s’ staat weer op nog niet afgerond.") % {"title": module.title})
    else:
        raise Http404
    target = request.POST.get("next")
    if not target or not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = module.get_url(request)
    return redirect(target)


@require_GET
def search(request):
    """Search lessons and modules; anonymous visitors only find what they may read."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    page_obj, results = None, []
    if query:
        found = programme_search.search_pages(query, request.user, Locale.get_active())
        page_obj = Paginator(found, 20).get_page(request.GET.get("pagina"))
        results = programme_search.specific_in_order(page_obj)
    return TemplateResponse(request, "lessons/search.html", {
        "query": query, "page_obj": page_obj, "results": results, "is_teacher": selectors.is_teacher(request.user),
    })
