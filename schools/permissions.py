"""Who may do what outside the admin. Views call these on every request (not only menus)."""

from home.roles import is_coordinator, is_teacher  # noqa: F401 (the roles live in the kernel)


def teaches(user, groep) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and groep.teachers.filter(pk=user.pk).exists()


def can_manage_carer_code(user, groep) -> bool:
    """The groep's own teacher or a coordinator may print the letter and renew the code."""
    return is_coordinator(user) or teaches(user, groep)
