"""URLs of the h5p app (included from bounce/urls.py)."""

urlpatterns: list = []
