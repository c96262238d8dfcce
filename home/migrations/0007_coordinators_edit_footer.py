"""Coordinators edit the footer text (Instellingen → Voettekst): change and view on the setting
and its per-language rows."""

from django.db import migrations

from home.roles import COORDINATORS, grant_model_permissions

MODELS = ["FooterSettings", "FooterText"]


def grant(apps, schema_editor):
    grant_model_permissions(apps, COORDINATORS, "home", MODELS, actions=("view", "change"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group:
        codenames = [f"{action}_{model.lower()}" for model in MODELS for action in ("view", "change")]
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="home", codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [("home", "0006_footer_settings")]

    operations = [migrations.RunPython(grant, revoke)]
