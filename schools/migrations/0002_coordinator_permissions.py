"""Coordinators manage the rollout in the admin and may invite teachers (accounts.add_invitation)."""

from django.db import migrations

from home.roles import COORDINATORS, grant_model_permissions

MODELS = ["School", "SchoolStatusChange", "ImplementationPlan", "Groep", "PlannedLessonDate", "LessonDelivery"]


def grant(apps, schema_editor):
    grant_model_permissions(apps, COORDINATORS, "schools", MODELS)
    # Households are anonymous: coordinators may count them, never edit them.
    grant_model_permissions(apps, COORDINATORS, "schools", ["Household", "HouseholdModuleProgress"], actions=("view",))
    grant_model_permissions(apps, COORDINATORS, "accounts", ["Invitation"], actions=("add", "view", "delete"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="schools"))
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="accounts", content_type__model="invitation"))


class Migration(migrations.Migration):
    dependencies = [
        ("schools", "0001_initial"),
        ("accounts", "0002_invitation"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
