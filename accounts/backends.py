"""Signing in with Django's ``ModelBackend``, with the user row read by SQL built once.

Every signed-in request loads its user; through ``UserModel._default_manager.get(pk=...)`` the
ORM builds and compiles that query each time (``home.prepared_rows`` says why that matters).
Everything else, signing in, permissions and ``is_active``, is ``ModelBackend``'s own.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from home.prepared_rows import RowByLookups

USER_BY_PK = RowByLookups(settings.AUTH_USER_MODEL, "pk")


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = USER_BY_PK.get(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None
