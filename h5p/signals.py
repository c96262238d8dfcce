"""Remove a package version's stored files once its row is gone (after the commit)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import H5PPackage
from .storage import delete_tree, package_storage


@receiver(post_delete, sender=H5PPackage)
def remove_package_files(sender, instance, **kwargs):
    token = instance.token
    transaction.on_commit(lambda: delete_tree(package_storage(), token))
