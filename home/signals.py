"""Connect page-tree (and footer setting) changes to the chrome and page caches (see
``home.chrome_cache``)."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .chrome_cache import bump_content_version


def connect():
    page_published.connect(bump_content_version, dispatch_uid="chrome-cache-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="chrome-cache-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="chrome-cache-moved")
    post_delete.connect(_page_deleted, dispatch_uid="chrome-cache-deleted")
    # A page that gets (or loses) a view restriction must leave the anonymous page cache at once.
    post_save.connect(bump_content_version, sender=PageViewRestriction, dispatch_uid="page-cache-restricted")
    post_delete.connect(bump_content_version, sender=PageViewRestriction, dispatch_uid="page-cache-unrestricted")
    # Cached page bodies (home.fragment_cache) show documents and images: a change shows at once.
    # The footer text is a site setting (home.models.FooterSettings): a saved or removed text
    # shows at once. The setting's own row holds no text, so creating it clears nothing.
    from .models import FooterText

    post_save.connect(bump_content_version, sender=FooterText, dispatch_uid="chrome-cache-footer-saved")
    post_delete.connect(bump_content_version, sender=FooterText, dispatch_uid="chrome-cache-footer-deleted")
    for model in (get_document_model(), get_image_model()):
        post_save.connect(bump_content_version, sender=model, dispatch_uid=f"body-cache-saved-{model._meta.label}")
        post_delete.connect(bump_content_version, sender=model, dispatch_uid=f"body-cache-deleted-{model._meta.label}")


def _page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()
