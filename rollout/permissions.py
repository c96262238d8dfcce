"""Coordinators only, checked on every view (not only in the menu)."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from schools.permissions import is_coordinator


def coordinator_required(view):
    """Wagtail's admin wrapper sends anonymous visitors to the login; a signed-in user who is not
    a coordinator (a teacher, or staff without the role) gets 403 and sees no figure."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not is_coordinator(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
