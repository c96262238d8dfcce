"""Remove a package version's stored files once its row is gone (after the commit); forget an
activity's cached row (``activity_cache``) when it changes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from . import activity_cache
from .models import H5PActivity, H5PPackage
from .storage import delete_tree, package_storage


@receiver(post_delete, sender=H5PPackage)
def remove_package_files(sender, instance, **kwargs):
    token = instance.token
    transaction.on_commit(lambda: delete_tree(package_storage(), token))


@receiver(pre_save, sender=H5PActivity)
def remember_old_slug(sender, instance, **kwargs):
    """A renamed activity: its old slug's cached row must go too (one query, on save only)."""
    if instance.pk:
        instance._h5p_old_slug = H5PActivity.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()


@receiver(post_save, sender=H5PActivity)
@receiver(post_delete, sender=H5PActivity)
def forget_cached_activity(sender, instance, **kwargs):
    activity_cache.forget(instance.slug, getattr(instance, "_h5p_old_slug", None))
