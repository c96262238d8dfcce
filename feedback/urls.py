"""URLs of the feedback app (included from bounce/urls.py, inside i18n_patterns)."""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("mijn-groepen/registratie/<int:pk>/hoe-ging-het/", views.lesson_feedback, name="lesson_feedback"),
    path("cursus-feedback/", views.course_feedback, name="course_feedback"),
    path("ouders/module/<int:pk>/uw-mening/", views.module_feedback, name="module_feedback"),
    path("jaarevaluatie/<str:token>/", views.year_survey, name="year_survey"),
]
