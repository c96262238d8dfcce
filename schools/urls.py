"""URLs of the schools app (included from bounce/urls.py, inside i18n_patterns)."""

from django.urls import path

from . import views

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
