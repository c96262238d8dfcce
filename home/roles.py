"""The two roles as Django groups: who has which (``is_teacher``, ``is_coordinator``), and
helpers that data migrations use to grant permissions.

Each app grants its own model permissions to the coordinators in a data migration of its own
(``grant_model_permissions``), so the kernel never needs to know the apps above it.
Works with historical models (the ``apps`` registry a migration receives).
"""

from django.conf import settings

COORDINATORS = settings.COORDINATORS_GROUP
TEACHERS = settings.TEACHERS_GROUP


def _active_account(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def _group_names(user) -> frozenset:
    """The user's group names, read once per request (cached on the user object)."""
    if not hasattr(user, "_bounce_group_names"):
        user._bounce_group_names = frozenset(user.groups.values_list("name", flat=True))
    return user._bounce_group_names


def is_coordinator(user) -> bool:
    """An active superuser or member of the coordinators group."""
    return _active_account(user) and (user.is_superuser or COORDINATORS in _group_names(user))


def is_teacher(user) -> bool:
    """May read class lessons and the course: an active teacher or coordinator (or superuser).

    Carers never have an account, so in practice this is "logged in with a role"; an account
    without a role still gets the login prompt."""
    return _active_account(user) and (user.is_superuser or bool({TEACHERS, COORDINATORS} & _group_names(user)))


def ensure_permissions_exist(apps, *app_labels):
    """Create the model permissions of ``app_labels`` now (Django would only do so after migrate)."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for label in app_labels:
        # create_permissions reads the label from the real config and the models from ``apps``.
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)


def grant_model_permissions(apps, group_name, app_label, model_names, actions=("add", "change", "delete", "view")):
    """Give ``group_name`` the Django permissions ``actions`` on ``app_label``'s ``model_names``."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions_exist(apps, app_label)
    group, _ = Group.objects.get_or_create(name=group_name)
    codenames = [f"{action}_{model.lower()}" for model in model_names for action in actions]
    permissions = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Unknown permissions for {app_label}: {sorted(missing)}")
    group.permissions.add(*permissions)
