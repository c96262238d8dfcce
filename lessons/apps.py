from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LessonsConfig(AppConfig):
    name = "lessons"
    verbose_name = _("Lessen")

    def ready(self):
        # Lesson bodies embed H5P activities and are cached (home.fragment_cache): a new package
        # or a renamed activity must show at once, so a change starts a new content version.
        from django.db.models.signals import post_delete, post_save

        from home.chrome_cache import bump_content_version

        for signal in (post_save, post_delete):
            signal.connect(bump_content_version, sender="h5p.H5PActivity", dispatch_uid=f"body-cache-h5p-{signal}")
