"""URLs of the h5p app, included language-neutral at /h5p/ from bounce/urls.py."""

from django.urls import path

from . import views

app_name = "h5p"

urlpatterns = [
    path("activiteit/<slug:slug>/", views.activity_page, name="activity"),
    path("speler/<slug:slug>/", views.player, name="player"),
    path("xapi/<slug:slug>/", views.xapi, name="xapi"),
    path("tussenstand/<slug:slug>/", views.state, name="state"),
    path("csrf/", views.csrf_token, name="csrf"),
    path("pakket/<str:token>/<path:path>", views.package_file, name="package_file"),
]
