"""The undo offer after a one-click "Les N vandaag gegeven" (read from the session, no query)."""

from django import template

from schools import quick_log

register = template.Library()


@register.inclusion_tag("schools/includes/quick_log_undo.html", takes_context=True)
def quick_log_undo(context):
    request = context.get("request")
    return {
        "undo": quick_log.pending_undo(request) if request else None, "undo_minutes": quick_log.UNDO_MINUTES,
        "request": request, "csrf_token": context.get("csrf_token"), "next_url": request.get_full_path() if request else "",
    }
