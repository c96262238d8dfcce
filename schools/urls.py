"""URLs of the schools app (included from bounce/urls.py, inside i18n_patterns)."""

from django.urls import path, register_converter
from django.views.decorators.cache import never_cache

from home.validators import IdConverter

from . import planning_views, quick_log_views, views

app_name = "schools"
register_converter(IdConverter, "id")


def teacher_page(view):
    """Teachers' pages show the carer code and the register: ``Cache-Control: private, no-store``
    (never kept by a shared proxy or the browser's back-forward cache of a school computer)."""
    return never_cache(view)


urlpatterns = [
    # Teachers
    path("mijn-groepen/", teacher_page(views.my_groepen), name="my_groepen"),
    path("mijn-groepen/<id:pk>/", teacher_page(views.groep_detail), name="groep_detail"),
    path("mijn-groepen/<id:pk>/les-gegeven/", teacher_page(views.log_delivery), name="log_delivery"),
    path("mijn-groepen/<id:pk>/brief/", teacher_page(views.carer_letter), name="carer_letter"),
    path("mijn-groepen/<id:pk>/nieuwe-code/", teacher_page(views.regenerate_code), name="regenerate_code"),
    path("mijn-groepen/registratie/<id:pk>/wijzigen/", teacher_page(views.edit_delivery), name="edit_delivery"),
    path("mijn-groepen/registratie/<id:pk>/verwijderen/", teacher_page(views.delete_delivery), name="delete_delivery"),
    path("mijn-groepen/<id:pk>/vandaag-gegeven/", teacher_page(quick_log_views.quick_log_view), name="quick_log"),
    path("mijn-groepen/registratie/<id:pk>/ongedaan-maken/", teacher_page(quick_log_views.undo_quick_log_view), name="undo_quick_log"),
    path("mijn-groepen/<id:pk>/planning/", teacher_page(planning_views.plan_groep), name="plan_groep"),
    path("mijn-groepen/agenda/", teacher_page(planning_views.calendar_settings), name="calendar"),
    path("mijn-groepen/agenda/nieuwe-link/", teacher_page(planning_views.calendar_rotate), name="calendar_rotate"),
    # The calendar feed: no login (calendar apps cannot), the secret token is the key.
    path("agenda/<id:pk>/<str:token>.ics", planning_views.calendar_feed, name="calendar_feed"),
    # Carers (anonymous)
    path("ouders/", views.carer_entry, name="carer_entry"),
    path("ouders/code/<str:code>/", views.carer_code_link, name="carer_code_link"),
    path("ouders/thuis/", views.carer_home, name="carer_home"),
    path("ouders/module/<id:pk>/", views.module_open, name="module_open"),
    path("ouders/module/<id:pk>/gestart/", views.module_progress, {"action": "gestart"}, name="module_started"),
    path("ouders/module/<id:pk>/klaar/", views.module_progress, {"action": "klaar"}, name="module_completed"),
    path("ouders/vergeten/", views.carer_forget, name="carer_forget"),
    # Public
    path("aanmelden/", views.register, name="register"),
    path("aanmelden/bedankt/", views.register_done, name="register_done"),
]
