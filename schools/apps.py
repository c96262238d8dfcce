from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Scholen en groepen")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.signals import post_page_move

        from .models import Groep, LessonDelivery, School
        from .register_cache import REGISTER_VERSION

        # What the register panel reads (schools.register_cache): a write replaces its version.
        for model in (School, Groep, LessonDelivery):
            post_save.connect(REGISTER_VERSION.bump, sender=model, dispatch_uid=f"register-save-{model.__name__}")
            post_delete.connect(REGISTER_VERSION.bump, sender=model, dispatch_uid=f"register-delete-{model.__name__}")
        m2m_changed.connect(REGISTER_VERSION.bump, sender=Groep.teachers.through, dispatch_uid="register-teachers")
        post_page_move.connect(REGISTER_VERSION.bump, dispatch_uid="register-lesson-moved")  # another programme
