"""Admin views for coordinators: dashboard, expansion report, follow-up list and drill-down.

Views only read the request, call ``selectors`` and render; every view checks the role."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import get_language

from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from schools.selectors import lesson_rows

from . import cache, charts, columns, export, selectors
from .forms import SCOPES, ReportForm, YearForm
from .permissions import coordinator_required

PAGE_SIZE = 50


def _status_labels():
    return dict(SchoolStatus.choices)


@coordinator_required
def dashboard(request):
    form = YearForm(request.GET or None)
    year = form.year()
    figures = cache.cached("dashboard", lambda: selectors.dashboard(year), year, get_language())
    labels = _status_labels()
    context = {
        "form": form, "year": year, "year_label": schoolyear.label(year), "previous_label": schoolyear.label(year - 1),
        "figures": figures, "summary": columns.summary_rows(figures), "min_responses": selectors.MIN_RESPONSES,
        "statuses": [{"label": labels[s], "before": figures["before"]["statuses"][s], "current": figures["current"]["statuses"][s]}
                     for s in selectors.STATUSES],
        "funnel": charts.funnel(figures["current"]["statuses"], labels),
        "monthly": charts.monthly_bars(figures["months"][year], figures["months"][year - 1]),
        "progress": charts.progress_bars(figures["progress"]),
    }
    return TemplateResponse(request, "rollout/dashboard.html", context)


@coordinator_required
def report(request):
    form = ReportForm(request.GET or None)
    year, scope = form.year(), form.ranking_scope()
    data_version = cache.version()
    ranked = cache.cached("readiness", lambda: selectors.readiness_rows(year, scope), year, scope,
                          data_version=data_version)
    revision = cache.cached("revision", lambda: selectors.lessons_needing_revision(year), year, get_language(), data_version=data_version)
    if request.GET.get("export") == "xlsx":
        def workbook():
            figures = cache.cached("dashboard", lambda: selectors.dashboard(year), year, get_language(), data_version=data_version)
            return export.report_workbook(year, columns.summary_rows(figures), ranked, revision)

        # The file itself is cached too: writing 6000 rows is most of an export's time.
        content = cache.cached("xlsx", workbook, year, scope, get_language(), data_version=data_version)
        response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response["Content-Disposition"] = f'attachment; filename="uitbreidingsrapport-{schoolyear.label(year)}-{slugify(scope)}.xlsx"'
        return response
    page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("p"))
    rows = page.object_list
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    context = {
        "form": form, "year": year, "year_label": schoolyear.label(year), "scope": scope, "scope_label": dict(SCOPES)[scope],
        "page": page, "rows": rows, "columns": columns.READINESS, "revision": revision, "revision_columns": columns.REVISION,
        "obstacle_labels": columns.OBSTACLE_LABELS, "query": query.urlencode(), "min_responses": selectors.MIN_RESPONSES,
    }
    return TemplateResponse(request, "rollout/report.html", context)


@coordinator_required
def trained_not_delivering(request):
    form = YearForm(request.GET or None)
    year = form.year()
    page = Paginator(selectors.trained_not_delivering(year), PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "rollout/trained_not_delivering.html", {
        "form": form, "year": year, "year_label": schoolyear.label(year), "page": page,
    })


@coordinator_required
def school(request, pk):
    school = get_object_or_404(School, pk=pk)
    form = YearForm(request.GET or None)
    year = form.year()
    readiness = selectors.readiness_rows(year, "all", school_id=school.pk)[0]
    return TemplateResponse(request, "rollout/school.html", {
        "form": form, "school": school, "year": year, "year_label": schoolyear.label(year),
        "groepen": selectors.school_groepen(school, year), "readiness": readiness,
        "obstacle_labels": columns.OBSTACLE_LABELS, "years": [schoolyear.label(y) for y in selectors.school_years_of(school)],
        "min_responses": selectors.MIN_RESPONSES,
    })


@coordinator_required
def groep(request, pk):
    groep = get_object_or_404(Groep.objects.select_related("school", "programme"), pk=pk)
    return TemplateResponse(request, "rollout/groep.html", {
        "groep": groep, "lessons": lesson_rows(groep), "register": selectors.groep_register(groep),
        "carers": selectors.groep_carers(groep), "min_responses": selectors.MIN_RESPONSES,
    })
