from django.urls import path

from . import views

app_name = "rollout"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("uitbreiding/", views.report, name="report"),
    path("getraind-niet-gegeven/", views.trained_not_delivering, name="trained_not_delivering"),
    path("school/<int:pk>/", views.school, name="school"),
    path("groep/<int:pk>/", views.groep, name="groep"),
]
