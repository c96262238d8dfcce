"""``{% load households %}{% household_progress page %}``: the carer's "done" button on a thuismodule page.

Reads only (which household, is this module done); the writes happen in the POST views.
"""

from django import template

from ..households import household_from_request
from ..models import HouseholdModuleProgress

register = template.Library()


@register.inclusion_tag("schools/includes/household_progress.html", takes_context=True)
def household_progress(context, module):
    request = context.get("request")
    household = household_from_request(request) if request is not None else None
    completed = bool(
        household
        and HouseholdModuleProgress.objects.filter(household=household, module_id=module.pk, completed_at__isnull=False).exists()
    )
    return {"household": household, "module": module, "completed": completed, "request": request, "csrf_token": context.get("csrf_token")}
