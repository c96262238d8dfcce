"""URLs of the lessons app (included from bounce/urls.py, inside the language prefix)."""

from django.urls import path

from . import views

app_name = "lessons"

urlpatterns = [
    path("zoeken/", views.search, name="search"),
    path("cursusvoortgang/<int:page_id>/", views.course_progress, name="course_progress"),
]
