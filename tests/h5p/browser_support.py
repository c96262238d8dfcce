"""Browser-test support for the h5p tests.

pytest-django's live server answers /static/ with Django's StaticFilesHandler, before the
WhiteNoise middleware that production uses. WhiteNoise sends ``Access-Control-Allow-Origin: *``
on every static file, which the sandboxed player (origin "null") needs for h5p-standalone's
fonts; this fixture makes the live server's static handler do the same, nothing more.
"""

import pytest


@pytest.fixture(autouse=True)
def static_cors_like_whitenoise(monkeypatch):
    from django.contrib.staticfiles.handlers import StaticFilesHandler

    original = StaticFilesHandler.serve

    def serve(self, request):
        response = original(self, request)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    monkeypatch.setattr(StaticFilesHandler, "serve", serve)
