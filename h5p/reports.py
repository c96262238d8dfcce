"""Admin reports on H5P results (Wagtail ReportView: filters, CSV and XLSX export).

The period/audience filters do not drop activities from the list: they restrict which
attempts are counted (conditional aggregates in ``selectors``). Scores come from learners'
browsers and are labelled "zelf gerapporteerd" everywhere.
"""

import django_filters
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import selectors
from .models import Audience, H5PActivity, H5PAttempt


def _keep(queryset, name, value):
    """Filters here only steer the aggregates (see module docstring)."""
    return queryset


class ResultFilterSet(WagtailFilterSet):
    period = django_filters.DateFromToRangeFilter(
        label=_("Periode"), method=_keep, widget=DateRangePickerWidget
    )
    audience = django_filters.ChoiceFilter(
        label=_("Doelgroep"), choices=Audience.choices, method=_keep, empty_label=_("Iedereen")
    )

    class Meta:
        model = H5PActivity
        fields = []


SCORE_NOTE = _("zelf gerapporteerd")


class _ResultReport(ReportView):
    filterset_class = ResultFilterSet
    permission_required = "view"
    header_icon = "pick"

    @cached_property
    def permission_policy(self):
        return ModelPermissionPolicy(H5PAttempt)

    def filter_values(self):
        filters = self.filters
        data = filters.form.cleaned_data if filters is not None and filters.is_valid() else {}
        period = data.get("period")
        return {
            "start": period.start.date() if period and period.start else None,
            "end": period.stop.date() if period and period.stop else None,
            "audience": data.get("audience") or None,
        }


class ActivityReportView(_ResultReport):
    page_title = _("H5P-resultaten")
    index_url_name = "h5p_report"
    index_results_url_name = "h5p_report_results"
    columns = [
        TitleColumn("title", label=_("Activiteit"), get_url=lambda a: reverse("h5p_question_report", args=[a.pk])),
        Column("attempt_count", label=_("Pogingen")),
        Column("learner_count", label=_("Deelnemers")),
        Column("completion_rate", label=_("Afgerond (%)")),
        Column("average_score", label=_("Gemiddelde score (%%, %(note)s)") % {"note": SCORE_NOTE}),
        Column("graded_score", label=_("Cijfer per deelnemer (%%, %(note)s)") % {"note": SCORE_NOTE}),
        Column("get_grading_method_display", label=_("Beoordeling")),
    ]
    list_export = [
        "title", "slug", "attempt_count", "learner_count", "completion_rate", "average_score", "graded_score",
        "get_grading_method_display",
    ]
    export_headings = {
        "title": _("Activiteit"),
        "slug": _("Slug"),
        "attempt_count": _("Pogingen"),
        "learner_count": _("Deelnemers"),
        "completion_rate": _("Afgerond (%)"),
        "average_score": _("Gemiddelde score (%, zelf gerapporteerd)"),
        "graded_score": _("Cijfer per deelnemer (%, zelf gerapporteerd)"),
        "get_grading_method_display": _("Beoordeling"),
    }
    export_filename = "h5p-resultaten"

    def get_base_queryset(self):
        return H5PActivity.objects.all()

    def get_queryset(self):
        return selectors.activity_report(**self.filter_values())

    def get_filtered_queryset(self):
        return self.get_queryset()


class QuestionReportView(_ResultReport):
    index_url_name = "h5p_question_report"
    index_results_url_name = "h5p_question_report_results"
    columns = [
        Column("question", label=_("Vraag")),
        Column("correct_pattern", label=_("Juiste antwoord")),
        Column("answer_count", label=_("Antwoorden")),
        Column("right_rate", label=_("Goed (%)")),
        Column("average_score", label=_("Gemiddelde score (%, zelf gerapporteerd)")),
    ]
    list_export = ["question", "object_id", "correct_pattern", "answer_count", "right_rate", "average_score"]
    export_headings = {
        "question": _("Vraag"),
        "correct_pattern": _("Juiste antwoord"),
        "object_id": _("Vraag-id"),
        "answer_count": _("Antwoorden"),
        "right_rate": _("Goed (%)"),
        "average_score": _("Gemiddelde score (%, zelf gerapporteerd)"),
    }

    @cached_property
    def activity(self):
        return get_object_or_404(H5PActivity, pk=self.kwargs["pk"])

    @property
    def page_title(self):
        return _("Resultaten per vraag")

    def get_page_subtitle(self):
        return _("%(title)s (beoordeling: %(method)s)") % {
            "title": self.activity.title,
            "method": self.activity.get_grading_method_display(),
        }

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.activity.pk])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.activity.pk])

    @property
    def export_filename(self):
        return f"h5p-vragen-{self.activity.slug}"

    def get_base_queryset(self):
        return H5PActivity.objects.none()

    def get_queryset(self):
        return selectors.question_report(self.activity, **self.filter_values())

    def get_filtered_queryset(self):
        return self.get_queryset()
