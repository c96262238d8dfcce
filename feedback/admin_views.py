"""The coordinators' analysis in the Wagtail admin: per lesson, per thuismodule, schools and course.

Each page is a Wagtail ``ReportView``: the filters, the table and the spreadsheet export
(``?export=csv|xlsx``) share one list of rows from ``selectors``, so the export holds exactly
what the screen shows (numbers as numbers, suppressed figures empty with the reason). Above the
table: bar charts (SVG + table) of each scale item, the trend per month and the themes."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from lessons.models import ClassLessonPage, ProgrammeIndexPage, ProgrammeType
from schools import schoolyear
from schools.models import School

from . import conf, selectors, services
from .charts import bar_chart
from .forms import AGREE_LABELS
from .models import CourseFeedback, LessonFeedback, ModuleFeedback, SchoolYearSurvey, YesNoUnsure


def _schools():
    return [(school.pk, school.name) for school in School.objects.order_by("name").only("pk", "name")]


def _wijken():
    values = School.objects.exclude(wijk="").order_by("wijk").values_list("wijk", flat=True).distinct()
    return [(value, value) for value in values]


def _programmes():
    return [(p.pk, p.title) for p in ProgrammeIndexPage.objects.filter(programme_type=ProgrammeType.CLASS).order_by("title").only("pk", "title")]


def _lessons():
    return [(lesson.pk, f"{lesson.number}. {lesson.title}") for lesson in ClassLessonPage.objects.order_by("number", "pk").only("pk", "number", "title")]


class AnalysisFilterSet(WagtailFilterSet):
    """The analysis filters. Only their cleaned values are used: ``selectors.filtered`` applies
    them to each instrument along its own path (delivery, household or school)."""

    school_year = django_filters.TypedChoiceFilter(label=gettext_lazy("Schooljaar"), coerce=int, choices=lambda: schoolyear.choices(back=5, ahead=1), method="keep")
    school = django_filters.TypedChoiceFilter(label=gettext_lazy("School"), coerce=int, choices=_schools, method="keep")
    wijk = django_filters.ChoiceFilter(label=gettext_lazy("Wijk"), choices=_wijken, method="keep")
    programme = django_filters.TypedChoiceFilter(label=gettext_lazy("Programma"), coerce=int, choices=_programmes, method="keep")
    lesson = django_filters.TypedChoiceFilter(label=gettext_lazy("Les"), coerce=int, choices=_lessons, method="keep")

    class Meta:
        model = LessonFeedback
        fields = []

    def keep(self, queryset, name, value):
        return queryset


class AnalysisView(ReportView):
    """Shared by the analysis pages: filter values, the rows and a dict-based export."""

    filterset_class = AnalysisFilterSet
    paginate_by = None
    header_icon = "list-ul"
    results_template_name = "feedback/admin/analysis_results.html"
    permission_policy = ModelPermissionPolicy(LessonFeedback)
    any_permission_required = ["view"]
    figure_columns: tuple[str, ...] = ()

    @cached_property
    def filter_values(self) -> dict:
        if self.filters and self.filters.is_valid():
            return {name: value for name, value in self.filters.form.cleaned_data.items() if value not in (None, "")}
        return {}

    def get_queryset(self):
        return self.rows()

    def get_filtered_queryset(self):
        return self.rows()

    def rows(self):
        raise NotImplementedError

    def to_row_dict(self, item):
        return {field: item.get(field) for field in self.list_export}

    def get_heading(self, queryset, field):
        return str(self.export_headings.get(field, field))

    @property
    def columns(self):
        return [Column(field, label=self.export_headings[field], accessor=lambda row, field=field: _cell(row.get(field)))
                for field in self.list_export]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.figures(), min_responses=conf.MIN_RESPONSES)
        return context

    def figures(self) -> dict:
        return {}


def _cell(value):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return value


def _charts(distribution, labels: dict) -> list[dict]:
    items = distribution["items"]
    return [bar_chart(str(label), items[field]["counts"], AGREE_LABELS if field != "grade" else None, items[field]["mean"])
            for field, label in labels.items() if field in items]


class LessonAnalysisView(AnalysisView):
    page_title = gettext_lazy("Feedback per les")
    index_url_name = "feedback_analysis_lessons"
    index_results_url_name = "feedback_analysis_lessons_results"
    export_filename = "feedback-per-les"
    list_export = ["number", "title", "responses", "grade", *selectors.LESSON_SCALES, "skips", "changes", "note"]
    export_headings = {
        "number": gettext_lazy("Les"), "title": gettext_lazy("Titel"), "responses": gettext_lazy("Antwoorden"),
        "grade": gettext_lazy("Rapportcijfer (gem.)"), "pupils_engaged": gettext_lazy("Betrokken (gem., 1-5)"),
        "fits_groep": gettext_lazy("Paste bij de groep (gem., 1-5)"), "preparation_feasible": gettext_lazy("Voorbereiding haalbaar (gem., 1-5)"),
        "time_sufficient": gettext_lazy("Tijd voldoende (gem., 1-5)"), "skips": gettext_lazy("Oefeningen overgeslagen"),
        "changes": gettext_lazy("Oefeningen aangepast"), "note": gettext_lazy("Opmerking"),
    }

    def rows(self):
        return selectors.lesson_rows(**self.filter_values)

    def figures(self):
        labels = {"grade": _("Rapportcijfer"), **{field: LessonFeedback._meta.get_field(field).verbose_name.capitalize() for field in selectors.LESSON_SCALES}}
        distribution = selectors.lesson_distribution(**self.filter_values)
        return {
            "distribution": distribution, "charts": _charts(distribution, labels) if not distribution["suppressed"] else [],
            "trend": selectors.monthly_trend(LessonFeedback, **self.filter_values),
            "themes": selectors.theme_counts(LessonFeedback, **self.filter_values),
            "attention": selectors.lessons_needing_attention(**self.filter_values),
            "open_answers": selectors.open_answers(LessonFeedback, **self.filter_values),
            "course": selectors.course_distribution(),
            "year_survey": selectors.year_survey_summary(**self.filter_values),
        }


class ModuleAnalysisView(AnalysisView):
    page_title = gettext_lazy("Feedback per thuismodule")
    index_url_name = "feedback_analysis_modules"
    index_results_url_name = "feedback_analysis_modules_results"
    permission_policy = ModelPermissionPolicy(ModuleFeedback)
    export_filename = "feedback-per-thuismodule"
    list_export = ["number", "title", "responses", "grade", "useful", "recommend_yes", "note"]
    export_headings = {
        "number": gettext_lazy("Module"), "title": gettext_lazy("Titel"), "responses": gettext_lazy("Antwoorden"),
        "grade": gettext_lazy("Rapportcijfer (gem.)"), "useful": gettext_lazy("Nuttig (gem., 1-5)"),
        "recommend_yes": gettext_lazy("Zou het aanraden (aantal ja)"), "note": gettext_lazy("Opmerking"),
    }

    def rows(self):
        return selectors.module_rows(**self.filter_values)

    def figures(self):
        distribution = selectors.module_distribution(**self.filter_values)
        labels = {"grade": _("Rapportcijfer"), "useful": _("Was dit nuttig voor u?")}
        charts = []
        if not distribution["suppressed"]:
            items = distribution["items"]
            charts = [bar_chart(labels["grade"], items["grade"]["counts"], mean=items["grade"]["mean"]),
                      bar_chart(labels["useful"], items["useful"]["counts"], mean=items["useful"]["mean"])]
            recommend = selectors.recommend_counts(**self.filter_values)
            charts.append(bar_chart(_("Zou u dit andere ouders aanraden?"), [(value, recommend[value]) for value in YesNoUnsure.values],
                                    dict(YesNoUnsure.choices)))
        return {
            "distribution": distribution, "charts": charts, "carers": True,
            "trend": selectors.monthly_trend(ModuleFeedback, **self.filter_values),
            "themes": selectors.theme_counts(ModuleFeedback, **self.filter_values),
            "open_answers": selectors.open_answers(ModuleFeedback, **self.filter_values),
        }


# Redaction -----------------------------------------------------------------------------------

REDACTABLE = {"les": LessonFeedback, "thuismodule": ModuleFeedback, "cursus": CourseFeedback, "school": SchoolYearSurvey}


def redact(request, kind, pk):
    """Confirm, then blank the open answers of one response (logged in the audit log)."""
    model = REDACTABLE.get(kind)
    if model is None or not request.user.has_perm(f"feedback.change_{model._meta.model_name}"):
        raise PermissionDenied
    feedback = get_object_or_404(model, pk=pk)
    if request.method == "POST":
        services.redact(feedback, request.user)
        messages.success(request, _("Het open antwoord is verwijderd; de cijfers blijven staan."))
        return redirect(request.POST.get("next") if request.POST.get("next", "").startswith("/admin/") else "wagtailadmin_home")
    return TemplateResponse(request, "feedback/admin/redact_confirm.html", {
        "feedback": feedback, "answers": [(model._meta.get_field(name).verbose_name, getattr(feedback, name)) for name in model.OPEN_FIELDS],
        "next": request.GET.get("next", ""),
    })
