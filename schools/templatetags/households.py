"""``{% load households %}{% household_progress page %}``: the carer's "done" button on a thuismodule page.

The context comes from ``schools.households.progress_context`` (shared with the hook that
renders the same button); this module only registers the tag.
"""

from django import template

from ..households import progress_context

register = template.Library()


@register.inclusion_tag("schools/includes/household_progress.html", takes_context=True)
def household_progress(context, module):
    return progress_context(context, module)
