"""Who may do what outside the admin. Views call these on every request (not only menus)."""

from django.conf import settings


def is_coordinator(user) -> bool:
    """Active superuser or member of the coordinators group (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if not hasattr(user, "_is_bounce_coordinator"):
        user._is_bounce_coordinator = user.is_superuser or user.groups.filter(name=settings.COORDINATORS_GROUP).exists()
    return user._is_bounce_coordinator


def teaches(user, groep) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and groep.teachers.filter(pk=user.pk).exists()


def can_manage_carer_code(user, groep) -> bool:
    """The groep's own teacher or a coordinator may print the letter and renew the code."""
    return is_coordinator(user) or teaches(user, groep)
