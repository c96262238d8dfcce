"""URLs of the lessons app (included from bounce/urls.py)."""

urlpatterns: list = []
