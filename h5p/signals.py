"""Remove a package version's extracted files once its row is gone (after the commit)."""

import shutil

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import H5PPackage


@receiver(post_delete, sender=H5PPackage)
def remove_package_files(sender, instance, **kwargs):
    from .services import package_path

    path = package_path(instance)
    transaction.on_commit(lambda: shutil.rmtree(path, ignore_errors=True))
