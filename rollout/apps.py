from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Every model whose rows the figures read; a write to any of them invalidates them (cache.py).
WATCHED = [
    "schools.School",
    "schools.SchoolStatusChange",
    "schools.ImplementationPlan",
    "schools.Groep",
    "schools.PlannedLessonDate",
    "schools.LessonDelivery",
    "schools.Household",
    "schools.HouseholdModuleProgress",
    "lessons.CourseProgress",
    "lessons.ClassLessonPage",
    "lessons.CourseModulePage",
    "lessons.HomeModulePage",
    "lessons.ProgrammeIndexPage",
    "feedback.LessonFeedback",
    "feedback.SkippedExercise",
    "feedback.ModuleFeedback",
    "feedback.SchoolYearSurvey",
]
# Rows that are only ever added or deleted, and whose newest id is part of the version itself
# (cache.version): an H5P attempt is stored with every answer a pupil, carer or teacher posts,
# and replacing the version there cost each xAPI post two Redis writes. Deletes still replace it.
APPEND_ONLY = ["h5p.H5PAttempt"]


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
        for label in APPEND_ONLY:
            post_delete.connect(cache.bump, sender=apps.get_model(label), dispatch_uid=f"rollout-delete-{label}")
        # A deleted account sets its deliveries' teacher to NULL by an UPDATE that sends no signal.
        post_delete.connect(cache.bump, sender=apps.get_model("accounts.User"), dispatch_uid="rollout-delete-user")
        m2m_changed.connect(
            cache.bump, sender=apps.get_model("schools.Groep").teachers.through, dispatch_uid="rollout-groep-teachers"
        )
        page_published.connect(cache.bump, dispatch_uid="rollout-published")
        page_unpublished.connect(cache.bump, dispatch_uid="rollout-unpublished")
        self.connect_summary()

    def connect_summary(self):
        """``summary``'s receivers: the per-groep figures follow every write, in its transaction."""
        from django.apps import apps
        from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
        from wagtail.signals import page_published, page_unpublished

        from . import summary

        for model in summary.GROEP_OF:
            label = model._meta.label
            pre_save.connect(summary.remember_groep, sender=model, dispatch_uid=f"rollout-summary-pre-save-{label}")
            pre_delete.connect(
                summary.remember_groep_before_delete, sender=model, dispatch_uid=f"rollout-summary-pre-delete-{label}"
            )
            post_save.connect(summary.row_saved, sender=model, dispatch_uid=f"rollout-summary-save-{label}")
            post_delete.connect(summary.row_deleted, sender=model, dispatch_uid=f"rollout-summary-delete-{label}")
        post_save.connect(
            summary.groep_saved, sender=apps.get_model("schools.Groep"), dispatch_uid="rollout-summary-groep"
        )
        post_save.connect(
            summary.log_entry_saved,
            sender=apps.get_model("wagtailcore.ModelLogEntry"),
            dispatch_uid="rollout-summary-log",
        )
        progress, course = apps.get_model("lessons.CourseProgress"), apps.get_model("lessons.CourseModulePage")
        post_save.connect(summary.progress_written, sender=progress, dispatch_uid="rollout-trained-save")
        post_delete.connect(summary.progress_written, sender=progress, dispatch_uid="rollout-trained-delete")
        for signal, name in (
            (page_published, "published"),
            (page_unpublished, "unpublished"),
            (post_delete, "deleted"),
        ):
            signal.connect(summary.course_changed, sender=course, dispatch_uid=f"rollout-trained-course-{name}")
        lesson = apps.get_model("lessons.ClassLessonPage")
        page_published.connect(summary.page_live_changed, sender=lesson, dispatch_uid="rollout-summary-published")
        page_unpublished.connect(summary.page_live_changed, sender=lesson, dispatch_uid="rollout-summary-unpublished")
