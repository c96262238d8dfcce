"""Coordinators upload and manage H5P activities and read their results.

Granted here, by the project app that embeds H5P, because the reusable ``h5p`` app knows no
project groups (its own migration 0002 used to do this). Only privileged users may bring new
libraries, as Moodle and the H5P PHP core require: package JavaScript runs in a sandbox, but it
is still code. Idempotent, so databases that got these permissions from h5p 0002 keep them.
"""

from django.db import migrations

from home.roles import COORDINATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, COORDINATORS, "h5p", ["H5PActivity"])
    grant_model_permissions(apps, COORDINATORS, "h5p", ["H5PPackage", "H5PAttempt"], actions=("view",))


class Migration(migrations.Migration):
    dependencies = [
        ("lessons", "0003_aspect_permissions"),
        ("h5p", "0002_coordinator_permissions"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
