"""The rollout app's summary tables, kept exact on every write (``summary.py``).

Counting 70,000 households, 110,000 module answers and 70,000 planned dates at request time
costs PostgreSQL about a second per dashboard render at 6000 schools; every figure that adds
up over groepen is therefore stored here per groep and summed per school or school year (one
short grouped query). Who is trained is stored as a set of users. What does not add up
(distinct teachers across schools, H5P learners) is still counted at request time.
"""

from django.conf import settings
from django.db import models


class GroepSummary(models.Model):
    """Per groep: what the dashboard, the ranking and the export count. Written only by
    ``rollout.summary`` (inside the writing transaction); never edited by hand."""

    groep = models.OneToOneField("schools.Groep", on_delete=models.CASCADE, primary_key=True, related_name="+")
    deliveries = models.PositiveIntegerField(default=0)
    minutes = models.PositiveIntegerField(default=0)
    lessons_given = models.PositiveIntegerField(default=0, help_text="Different live lessons given.")
    planned = models.PositiveIntegerField(default=0)
    planned_given = models.PositiveIntegerField(default=0)
    households_started = models.PositiveIntegerField(default=0)
    households_finished = models.PositiveIntegerField(default=0)
    module_responses = models.PositiveIntegerField(default=0)
    module_grade_sum = models.PositiveIntegerField(default=0)
    lesson_responses = models.PositiveIntegerField(default=0)
    lesson_grade_sum = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.groep_id}"


class TrainedTeacher(models.Model):
    """A user who has done every live course module ("getraind"), kept by ``rollout.summary``.

    Deciding it at request time means grouping the whole course table (46,000 rows at 6000
    schools) on every cold render; this set changes only when someone finishes or undoes a
    module or a course module is (un)published."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")

    def __str__(self):
        return f"{self.user_id}"
