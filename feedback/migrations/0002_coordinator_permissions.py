"""Coordinators define themes, tag and redact answers (change, never add or delete someone's
answer) and send the school year surveys."""

from django.db import migrations

from home.roles import COORDINATORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(apps, COORDINATORS, "feedback", ["FeedbackTheme", "SchoolYearSurvey"])
    grant_model_permissions(apps, COORDINATORS, "feedback", ["LessonFeedback", "ModuleFeedback", "CourseFeedback"], actions=("view", "change"))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group:
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="feedback"))


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("home", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
