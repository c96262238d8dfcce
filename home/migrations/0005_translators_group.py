"""The "Vertalers" role: translators reach the Wagtail admin and may edit (and publish) the
translated page trees, but get no permission on the Dutch tree. Which trees they may edit is
granted per translated home page (``home.languages.grant_translators``), because the
translated trees are made later by coordinators or the demo."""

from django.db import migrations

TRANSLATORS = "Vertalers"


def create_group(apps, schema_editor):
    from home.roles import ensure_permissions_exist

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ensure_permissions_exist(apps, "wagtailadmin")
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)
    translators.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0004_carer_locales"), ("wagtailadmin", "0001_create_admin_access_permissions")]
    operations = [migrations.RunPython(create_group, remove_group)]
