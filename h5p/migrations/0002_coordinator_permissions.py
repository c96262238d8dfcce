"""Coordinators upload and manage H5P activities (package JavaScript runs in a sandbox, but only
privileged users may bring new libraries, as Moodle and the H5P PHP core require) and see reports."""

from django.db import migrations

from home.roles import COORDINATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, COORDINATORS, "h5p", ["H5PActivity"])
    grant_model_permissions(apps, COORDINATORS, "h5p", ["H5PPackage", "H5PAttempt"], actions=("view",))


class Migration(migrations.Migration):
    dependencies = [
        ("h5p", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
