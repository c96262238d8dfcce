"""Formerly granted the coordinators' H5P permissions from here, importing the project's
``home.roles``; a reusable app cannot know the project's groups. The project now grants them
from outside (``lessons`` migration ``0004_h5p_coordinator_permissions``). Kept as an empty step
so that databases that ran it keep a consistent history (and the permissions it gave)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("h5p", "0001_initial")]

    operations = []
