from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Every model whose rows the figures read; a write to any of them invalidates them (cache.py).
WATCHED = [
    "schools.School", "schools.SchoolStatusChange", "schools.ImplementationPlan", "schools.Groep", "schools.PlannedLessonDate",
    "schools.LessonDelivery", "schools.Household", "schools.HouseholdModuleProgress", "lessons.CourseProgress",
    "lessons.ClassLessonPage", "lessons.CourseModulePage", "lessons.HomeModulePage", "lessons.ProgrammeIndexPage",
    "feedback.LessonFeedback", "feedback.SkippedExercise", "feedback.ModuleFeedback", "feedback.SchoolYearSurvey",
    "h5p.H5PAttempt",
]


class RolloutConfig(AppConfig):
    """Read-only figures for coordinators: nothing in the project imports this app."""

    name = "rollout"
    verbose_name = _("Uitrolcijfers")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from . import cache

        for label in WATCHED:
            model = apps.get_model(label)
            post_save.connect(cache.bump, sender=model, dispatch_uid=f"rollout-save-{label}")
            post_delete.connect(cache.bump, sender=model, dispatch_uid=f"rollout-delete-{label}")
        # A deleted account sets its deliveries' teacher to NULL by an UPDATE that sends no signal.
        post_delete.connect(cache.bump, sender=apps.get_model("accounts.User"), dispatch_uid="rollout-delete-user")
        m2m_changed.connect(cache.bump, sender=apps.get_model("schools.Groep").teachers.through, dispatch_uid="rollout-groep-teachers")
        page_published.connect(cache.bump, dispatch_uid="rollout-published")
        page_unpublished.connect(cache.bump, dispatch_uid="rollout-unpublished")
