"""URLs of the schools app (included from bounce/urls.py, inside i18n_patterns)."""

from django.urls import path

from . import planning_views, quick_log_views, views

app_name = "schools"

urlpatterns = [
    # Teachers
    path("mijn-groepen/", views.my_groepen, name="my_groepen"),
    path("mijn-groepen/<int:pk>/", views.groep_detail, name="groep_detail"),
    path("mijn-groepen/<int:pk>/les-gegeven/", views.log_delivery, name="log_delivery"),
    path("mijn-groepen/<int:pk>/brief/", views.carer_letter, name="carer_letter"),
    path("mijn-groepen/<int:pk>/nieuwe-code/", views.regenerate_code, name="regenerate_code"),
    path("mijn-groepen/registratie/<int:pk>/wijzigen/", views.edit_delivery, name="edit_delivery"),
    path("mijn-groepen/registratie/<int:pk>/verwijderen/", views.delete_delivery, name="delete_delivery"),
    path("mijn-groepen/<int:pk>/vandaag-gegeven/", quick_log_views.quick_log_view, name="quick_log"),
    path("mijn-groepen/registratie/<int:pk>/ongedaan-maken/", quick_log_views.undo_quick_log_view, name="undo_quick_log"),
    path("mijn-groepen/<int:pk>/planning/", planning_views.plan_groep, name="plan_groep"),
    path("mijn-groepen/agenda/", planning_views.calendar_settings, name="calendar"),
    path("mijn-groepen/agenda/nieuwe-link/", planning_views.calendar_rotate, name="calendar_rotate"),
    # The calendar feed: no login (calendar apps cannot), the secret token is the key.
    path("agenda/<int:pk>/<str:token>.ics", planning_views.calendar_feed, name="calendar_feed"),
    # Carers (anonymous)
    path("ouders/", views.carer_entry, name="carer_entry"),
    path("ouders/code/<str:code>/", views.carer_code_link, name="carer_code_link"),
    path("ouders/thuis/", views.carer_home, name="carer_home"),
    path("ouders/module/<int:pk>/", views.module_open, name="module_open"),
    path("ouders/module/<int:pk>/gestart/", views.module_progress, {"action": "gestart"}, name="module_started"),
    path("ouders/module/<int:pk>/klaar/", views.module_progress, {"action": "klaar"}, name="module_completed"),
    path("ouders/vergeten/", views.carer_forget, name="carer_forget"),
    # Public
    path("aanmelden/", views.register, name="register"),
    path("aanmelden/bedankt/", views.register_done, name="register_done"),
]
