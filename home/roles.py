"""The two roles as Django groups: who has which (``is_teacher``, ``is_coordinator``), and
helpers that data migrations use to grant permissions.

Each app grants its own model permissions to the coordinators in a data migration of its own
(``grant_model_permissions``), so the kernel never needs to know the apps above it.
Works with historical models (the ``apps`` registry a migration receives).

A user's group names are read on every page a teacher opens (the access check), so they are
kept under ``ROLES_VERSION``, which every change of a membership, a group or a permission
replaces (``connect_roles_version``): a teacher removed from her group loses access on the very
next request, on every app server.
"""

from django.conf import settings

from .data_version import DataVersion

COORDINATORS = settings.COORDINATORS_GROUP
TEACHERS = settings.TEACHERS_GROUP
ROLES_VERSION = DataVersion("bounce:roles-version")
ROLES_TIMEOUT = 60 * 60


def _active_account(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_active", False))


def kept_for_user(user, name: str, compute, timeout: int = ROLES_TIMEOUT):
    """``compute()`` for ``user``, kept under the roles version (in the worker's own copy,
    ``home.version_memo``, so a hit costs no round trip); computed afresh while there is no
    cache to keep it in."""
    from django.core.cache import caches

    version = ROLES_VERSION.current()
    if version is None:
        return compute()
    key = f"bounce:roles:{version}:{name}:{user.pk}"
    kept = caches["versioned"]
    found = kept.get(key)
    if found is None:
        found = compute()
        kept.set(key, found, timeout)
    return found


def _group_names(user) -> frozenset:
    """The user's group names, once per request (on the user object) and kept per roles version."""
    if not hasattr(user, "_bounce_group_names"):
        user._bounce_group_names = kept_for_user(
            user, "groups", lambda: frozenset(user.groups.values_list("name", flat=True))
        )
    return user._bounce_group_names


def connect_roles_version():
    """Replace ``ROLES_VERSION`` on every write that changes who has which role or permission."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    user_model = get_user_model()
    for through in (user_model.groups.through, user_model.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(ROLES_VERSION.bump, sender=through, dispatch_uid=f"roles-version-{through._meta.label}")
    for model in (Group, Permission):
        post_save.connect(ROLES_VERSION.bump, sender=model, dispatch_uid=f"roles-version-save-{model._meta.label}")
        post_delete.connect(ROLES_VERSION.bump, sender=model, dispatch_uid=f"roles-version-delete-{model._meta.label}")


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
