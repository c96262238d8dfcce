"""Coordinators edit the aspects of resilience (snippet permissions)."""

from django.db import migrations

from home.roles import COORDINATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, COORDINATORS, "lessons", ["Aspect"])


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0002_programme_content"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
