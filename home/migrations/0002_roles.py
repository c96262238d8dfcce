"""Create the two roles: coordinators (Wagtail admin, edit content) and teachers (front end only).

Later apps add their own model permissions to the coordinators in their own data migrations
(``home.roles.grant_model_permissions``).
"""

from django.db import migrations

from home.roles import COORDINATORS, TEACHERS, ensure_permissions_exist

PAGE_ACTIONS = ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
# (app, model, codenames). Wagtail checks image permissions against wagtailimages.Image,
# also when a custom image model (home.BounceImage) is in use.
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "delete_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "delete_document", "choose_document"]),
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ensure_permissions_exist(apps, "wagtailcore", "wagtaildocs", "wagtailimages")

    # Wagtail's generic starter groups would only blur the two roles of this site.
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    Group.objects.get_or_create(name=TEACHERS)

    coordinators.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    root = Page.objects.filter(depth=1).first()
    if root:
        for codename in PAGE_ACTIONS:
            GroupPagePermission.objects.get_or_create(
                group=coordinators,
                page=root,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=coordinators,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, content_type__model=model, codename=codename
                    ),
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[COORDINATORS, TEACHERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
