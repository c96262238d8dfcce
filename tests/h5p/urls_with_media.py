"""The project's URLs plus the development server's media route, as DEBUG mode adds it."""

from django.conf import settings
from django.conf.urls.static import static
from django.urls import path
from django.views.static import serve

from bounce.urls import urlpatterns as project_urlpatterns

# ``static()`` returns nothing unless DEBUG is on at import time; add the same route directly.
urlpatterns = [
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", lambda request, path: serve(
        request, path, document_root=settings.MEDIA_ROOT)),
    *static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT),
    *project_urlpatterns,
]
