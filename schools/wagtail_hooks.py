"""Coordinators' admin for the rollout: schools (with plans and groepen inline), groepen and the
lesson register. Filters, search, spreadsheet export and the history log come from Wagtail's
ModelViewSet; status changes of a school are also written to its own status history."""

import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

from lessons.models import ProgrammeIndexPage, ProgrammeType

from . import admin_views, households, schoolyear, services
from .models import Groep, LessonDelivery, School, SchoolStatus


def _distinct(field):
    """Choices from the values in use (wijken and gemeenten are free text, kept consistent by filter)."""

    def choices():
        values = School.objects.exclude(**{field: ""}).order_by(field).values_list(field, flat=True).distinct()
        return [(value, value) for value in values]

    return choices


def _programmes():
    return [(p.pk, str(p)) for p in ProgrammeIndexPage.objects.filter(programme_type=ProgrammeType.CLASS).order_by("title")]


class SchoolFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=SchoolStatus.choices)
    wijk = django_filters.ChoiceFilter(label=_("Wijk"), choices=_distinct("wijk"))
    municipality = django_filters.ChoiceFilter(label=_("Gemeente"), choices=_distinct("municipality"))
    school_year = django_filters.ChoiceFilter(
        label=_("Schooljaar (met groepen)"), field_name="groepen__school_year", choices=schoolyear.choices(back=5, ahead=2), distinct=True
    )

    class Meta:
        model = School
        fields = ["status", "wijk", "municipality"]


class GroepFilterSet(WagtailFilterSet):
    school_year = django_filters.ChoiceFilter(label=_("Schooljaar"), choices=schoolyear.choices(back=5, ahead=2))
    programme = django_filters.ChoiceFilter(label=_("Programma"), field_name="programme_id", choices=_programmes)
    status = django_filters.ChoiceFilter(label=_("Status school"), field_name="school__status", choices=SchoolStatus.choices)
    wijk = django_filters.ChoiceFilter(label=_("Wijk"), field_name="school__wijk", choices=_distinct("wijk"))

    class Meta:
        model = Groep
        fields = ["school_year"]


class DeliveryFilterSet(WagtailFilterSet):
    school_year = django_filters.ChoiceFilter(label=_("Schooljaar"), field_name="groep__school_year", choices=schoolyear.choices(back=5, ahead=2))
    programme = django_filters.ChoiceFilter(label=_("Programma"), field_name="groep__programme_id", choices=_programmes)
    status = django_filters.ChoiceFilter(label=_("Status school"), field_name="groep__school__status", choices=SchoolStatus.choices)
    wijk = django_filters.ChoiceFilter(label=_("Wijk"), field_name="groep__school__wijk", choices=_distinct("wijk"))

    class Meta:
        model = LessonDelivery
        fields = []


# Schools -------------------------------------------------------------------------------------

class SchoolViewSet(ModelViewSet):
    model = School
    icon = "home"
    menu_label = _("Scholen")
    index_view_class = admin_views.SchoolIndexView
    add_view_class = admin_views.SchoolCreateView
    edit_view_class = admin_views.SchoolEditView
    filterset_class = SchoolFilterSet
    list_display = ["name", "brin", "wijk", "municipality", "status", Column("groep_count", label=_("Groepen")), "kickoff_date"]
    list_export = [
        "name", "brin", "vestigingsnummer", "rio_code", "street_address", "postcode", "municipality", "wijk",
        "contact_name", "contact_email", "contact_role", "get_status_display", "kickoff_date", "groep_count", "created_at",
    ]
    export_headings = {"groep_count": _("Groepen"), "get_status_display": _("Status")}
    export_filename = "scholen"
    search_fields = ["name", "brin", "municipality", "wijk", "contact_name"]
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_fields = [
        "name", "brin", "vestigingsnummer", "rio_code", "street_address", "postcode", "municipality", "wijk",
        "contact_name", "contact_email", "contact_role", "status", "kickoff_date", "registration_message", "status_history",
    ]
    copy_view_enabled = False


# Groepen -------------------------------------------------------------------------------------

class ActionsColumn(Column):
    """The carer code with a link to the letter, and "invite a teacher" for this groep."""

    cell_template_name = "schools/admin/groep_actions_cell.html"


class GroepViewSet(ModelViewSet):
    model = Groep
    icon = "group"
    menu_label = _("Groepen")
    index_view_class = admin_views.GroepIndexView
    filterset_class = GroepFilterSet
    list_display = [
        "name", Column("school", accessor="school.name", label=_("School")), Column("school_year_label", label=_("Schooljaar")),
        Column("year_levels_label", label=_("Jaargroepen")), Column("pupil_count", label=_("Leerlingen")),
        Column("delivered", label=_("Lessen gegeven")), Column("trained_label", label=_("Getraind")),
        Column("reach", label=_("Huishoudens begonnen")), ActionsColumn("carer_code_display", label=_("Ouders en leerkrachten")),
    ]
    list_export = [
        "school.name", "school.brin", "school.wijk", "school.municipality", "school_year_label", "name", "year_levels_label",
        "pupil_count", "programme", "delivered", "teacher_count", "trained_count", "reach",
    ]
    export_headings = {
        "school.name": _("School"), "school.brin": _("BRIN"), "school.wijk": _("Wijk"), "school.municipality": _("Gemeente"),
        "school_year_label": _("Schooljaar"), "year_levels_label": _("Jaargroepen"), "delivered": _("Lessen gegeven"),
        "teacher_count": _("Leerkrachten"), "trained_count": _("Leerkrachten getraind"), "reach": _("Huishoudens begonnen"),
    }
    export_filename = "groepen"
    search_fields = ["name", "school__name", "school__wijk"]
    search_backend_name = None
    copy_view_enabled = False


# Register ------------------------------------------------------------------------------------

class DeliveryViewSet(ModelViewSet):
    model = LessonDelivery
    icon = "date"
    menu_label = _("Gegeven lessen")
    index_view_class = admin_views.DeliveryIndexView
    add_view_class = admin_views.DeliveryCreateView
    edit_view_class = admin_views.DeliveryEditView
    filterset_class = DeliveryFilterSet
    list_display = ["date", "groep", "lesson", "teacher", "pupils_present", "minutes", "adaptations"]
    list_export = [
        "groep.school.name", "groep.school.brin", "groep.school.wijk", "groep.school_year_label", "groep.name",
        "lesson.number", "lesson.title", "date", "teacher", "pupils_present", "minutes", "adaptations", "created_at",
    ]
    export_headings = {
        "groep.school.name": _("School"), "groep.school.brin": _("BRIN"), "groep.school.wijk": _("Wijk"),
        "groep.school_year_label": _("Schooljaar"), "groep.name": _("Groep"), "lesson.number": _("Lesnummer"),
        "lesson.title": _("Les"),
    }
    export_filename = "gegeven-lessen"
    search_fields = ["groep__name", "groep__school__name", "adaptations"]
    search_backend_name = None
    copy_view_enabled = False


class RolloutGroup(ViewSetGroup):
    menu_label = _("Uitrol")
    menu_icon = "site"
    menu_order = 300
    items = (SchoolViewSet("scholen"), GroepViewSet("groepen"), DeliveryViewSet("gegeven_lessen"))


@hooks.register("register_admin_viewset")
def register_rollout():
    return RolloutGroup()


@hooks.register("register_admin_urls")
def register_groep_invite_url():
    return [path("groepen/<int:pk>/leerkracht-uitnodigen/", admin_views.invite_for_groep, name="schools_admin_invite_for_groep")]


@hooks.register("before_delete_page")
def keep_registered_lessons(request, page):
    """A class lesson in the register cannot be deleted (the register would lose its rows, and the
    database refuses): say so in Dutch and suggest unpublishing instead."""
    if request.method != "POST":
        return None
    return _refuse_if_registered(request, [page], redirect("wagtailadmin_explore", page.get_parent().pk))


@hooks.register("before_bulk_action")
def keep_registered_lessons_in_bulk(request, action_type, objects, action_view):
    """The same guard for the page explorer's bulk delete."""
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type != "delete" or request.method != "POST" or not pages:
        return None
    next_url = request.GET.get("next")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = None
    return _refuse_if_registered(request, pages, redirect(next_url or "wagtailadmin_explore_root"))


def _refuse_if_registered(request, pages, response):
    """``response`` (after the Dutch reason) when the register uses any of ``pages``; ``None``
    lets the delete go ahead. The rule is ``services.page_delete_refusal``."""
    reason = services.page_delete_refusal(pages)
    if reason is None:
        return None
    messages.error(request, reason)
    return response


@hooks.register("lessons_home_module_done")
def household_done_button(context, page):
    """The carer's "Ik heb deze thuismodule gedaan" button on the last step of a thuismodule."""
    return render_to_string(
        "schools/includes/household_progress.html", households.progress_context(context, page), request=context.get("request")
    )


# Planning, teacher accounts and logging from the lesson page (issue 15) ---------------------

@hooks.register("register_admin_urls")
def register_planning_and_teacher_urls():
    from . import planning_views, teacher_admin

    return [
        path("groepen/<int:pk>/planning/", planning_views.admin_plan_groep, name="schools_admin_plan"),
        *teacher_admin.urlpatterns(),
    ]


@hooks.register("register_admin_menu_item")
def register_teachers_menu_item():
    from . import teacher_admin

    return teacher_admin.menu_item()


@hooks.register("register_log_actions")
def register_schools_log_actions(actions):
    from . import audit

    audit.register_log_actions(actions)


@hooks.register("lessons_class_lesson_panels")
def lesson_register_panel(context, page):
    """"Les gegeven registreren" on a class lesson page, for the teacher's groepen."""
    from . import quick_log_views

    return quick_log_views.lesson_register_panel(context, page)


@hooks.register("carer_visitor")
def visitor_has_a_household(request):
    """For home.languages: a visitor with a household cookie is a carer (carers' header)."""
    from .households import household_from_request

    return household_from_request(request) is not None


@hooks.register("carer_language_chosen")
def remember_household_language(request, language_code):
    """For home.languages: a carer who picks a language in the switcher keeps it for the
    household, so the resume code opens it on another device (``schools.carer_language``)."""
    from .carer_language import choose
    from .households import household_from_request

    if (household := household_from_request(request)) is not None:
        choose(household, language_code)


@hooks.register("register_nav_items")
def groepen_or_carers_link(request, page):
    """Main menu (``home.navigation``): "Mijn groepen" for teachers, "Voor ouders" for guests, and
    for carers on their pages only "Uw thuismodules" (also the logo's link)."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from home.navigation import Audience, NavItem

    on_groepen = getattr(getattr(request, "resolver_match", None), "url_name", None) == "my_groepen"
    carer_home = reverse("schools:carer_home")
    return [
        NavItem(gettext("Mijn groepen"), reverse("schools:my_groepen"), order=60, audience=Audience.SIGNED_IN,
                current=on_groepen),
        NavItem(gettext("Voor ouders"), reverse("schools:carer_entry"), order=60, audience=Audience.GUEST),
        NavItem(gettext("Uw thuismodules"), carer_home, order=10, audience=Audience.CARER, brand=True,
                current=request.path == carer_home),
    ]


@hooks.register("register_footer_items")
def school_registration_link(request):
    """Footer (``home.navigation``): schools sign up for the programme here."""
    from django.urls import reverse
    from django.utils.translation import gettext

    from home.navigation import NavItem

    return [NavItem(gettext("School aanmelden"), reverse("schools:register"), order=10)]
