"""URLs of the schools app (included from bounce/urls.py)."""

urlpatterns: list = []
