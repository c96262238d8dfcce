"""URL configuration.

Dutch pages live at the root, English ones under ``/en/`` (``i18n_patterns`` without a prefix
for the default language). The admin and the H5P player/API are language-neutral.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("h5p/", include("h5p.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("gezond/", home_views.health, name="health"),
    path("favicon.ico", home_views.favicon, name="favicon"),
]

urlpatterns += i18n_patterns(
    path("account/", include("accounts.urls")),
    path("", include("lessons.urls")),
    path("", include("schools.urls")),
    path("", include("feedback.urls")),
    # Wagtail's page serving comes last: it matches every remaining path.
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
