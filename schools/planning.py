"""The planning grid: every lesson of a groep's programme with a planned date, in one form.

One page chooser per lesson meant nobody planned; this grid is the one write path for
``PlannedLessonDate`` (coordinators in the admin and the groep's own teachers use the same form
and service). The planned dates feed "Mijn groepen", the teacher's iCalendar feed and the
dashboard's fidelity figure (lessons given on or before their planned date).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import audit, schoolyear, selectors
from .models import PlannedLessonDate

FIELD_PREFIX = "les_"
PLANNING_LOG_ACTION = audit.PLANNING_CHANGED


# Reads ---------------------------------------------------------------------------------------

def planning_lessons(groep) -> list:
    """The groep's live programme lessons in order, each with ``planned_date`` and ``last_given``."""
    return list(selectors.lesson_rows(groep))


def attach_next_planned_dates(groepen) -> None:
    """Set ``next_planned_date`` on groepen annotated with ``next_lesson_id`` (one query for all),
    so "Mijn groepen" can say "volgende les: Les 5, gepland 12 december"."""
    groepen = list(groepen)
    lesson_ids = {g.next_lesson_id for g in groepen if getattr(g, "next_lesson_id", None)}
    planned = {}
    if lesson_ids:
        rows = PlannedLessonDate.objects.filter(groep__in=[g.pk for g in groepen], lesson_id__in=lesson_ids)
        planned = {(row["groep_id"], row["lesson_id"]): row["planned_date"]
                   for row in rows.values("groep_id", "lesson_id", "planned_date")}
    for groep in groepen:
        groep.next_planned_date = planned.get((groep.pk, getattr(groep, "next_lesson_id", None)))


# Writes --------------------------------------------------------------------------------------

@transaction.atomic
def save_planning(groep, dates: dict[int, datetime.date | None], user=None) -> dict[str, int]:
    """Set the planned date of each lesson in ``dates`` (``None`` clears it) for ``groep``.

    Only lessons of the groep's own programme count; dates must fall in the groep's school year.
    Everything is checked before anything is written, so bad input changes nothing. Returns how
    many dates were added, changed and removed (and audit-logs that on the groep)."""
    from wagtail.log_actions import log

    allowed = {lesson.pk for lesson in planning_lessons(groep)}
    unknown = set(dates) - allowed
    if unknown:
        raise ValidationError(_("Deze les hoort niet bij het programma van de groep."))
    first, last = schoolyear.bounds(groep.school_year)
    outside = [pk for pk, day in dates.items() if day and not first <= day <= last]
    if outside:
        raise ValidationError(
            _("Kies data binnen schooljaar %(year)s (1 augustus tot en met 31 juli).") % {"year": groep.school_year_label}
        )
    existing = {row.lesson_id: row for row in PlannedLessonDate.objects.select_for_update().filter(groep=groep, lesson_id__in=dates)}
    to_create, to_update, to_delete = [], [], []
    for lesson_id, day in dates.items():
        row = existing.get(lesson_id)
        if day is None:
            if row:
                to_delete.append(row.pk)
        elif row is None:
            to_create.append(PlannedLessonDate(groep=groep, lesson_id=lesson_id, planned_date=day))
        elif row.planned_date != day:
            row.planned_date = day
            to_update.append(row)
    PlannedLessonDate.objects.bulk_create(to_create)
    PlannedLessonDate.objects.bulk_update(to_update, ["planned_date"])
    PlannedLessonDate.objects.filter(pk__in=to_delete).delete()
    counts = {"added": len(to_create), "changed": len(to_update), "removed": len(to_delete)}
    if any(counts.values()):
        log(groep, PLANNING_LOG_ACTION, user=user, data=counts)
    return counts


# Form ----------------------------------------------------------------------------------------

class PlanningForm(forms.Form):
    """One optional date per lesson. Field names are ``les_<page id>``; labels "Les 5: Sterk staan"."""

    date_error = gettext_lazy("Vul een geldige datum in (dd-mm-jjjj).")

    def __init__(self, *args, groep, lessons, **kwargs):
        super().__init__(*args, **kwargs)
        self.groep = groep
        self.lessons = lessons
        first, last = schoolyear.bounds(groep.school_year)
        for lesson in lessons:
            field = forms.DateField(
                label=_("Les %(number)s: %(title)s") % {"number": lesson.number, "title": lesson.title},
                required=False, initial=lesson.planned_date,
                widget=forms.DateInput(attrs={"type": "date", "min": first.isoformat(), "max": last.isoformat()}, format="%Y-%m-%d"),
                error_messages={"invalid": self.date_error},
            )
            field.lesson = lesson
            self.fields[f"{FIELD_PREFIX}{lesson.pk}"] = field

    def rows(self):
        """(lesson, bound field) pairs for the grid's table."""
        return [(self.fields[name].lesson, self[name]) for name in self.fields]

    def clean(self):
        cleaned_data = super().clean()
        first, last = schoolyear.bounds(self.groep.school_year)
        for name, day in list(cleaned_data.items()):
            if day and not first <= day <= last:
                self.add_error(name, _("Deze datum valt buiten schooljaar %(year)s van de groep.") % {"year": self.groep.school_year_label})
        return cleaned_data

    def dates(self) -> dict[int, datetime.date | None]:
        return {int(name.removeprefix(FIELD_PREFIX)): day for name, day in self.cleaned_data.items()}


def handle_planning_form(request, groep):
    """Shared by the admin and the front end: (form, counts or None). Counts once saved."""
    lessons = planning_lessons(groep)
    form = PlanningForm(request.POST or None, groep=groep, lessons=lessons)
    if request.method == "POST" and form.is_valid():
        try:
            return form, save_planning(groep, form.dates(), user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
    return form, None


def saved_message(counts: dict[str, int]) -> str:
    if not any(counts.values()):
        return _("De planning is ongewijzigd.")
    return _("De planning is opgeslagen: %(added)s toegevoegd, %(changed)s gewijzigd, %(removed)s gewist.") % counts
