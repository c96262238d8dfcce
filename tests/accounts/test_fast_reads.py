"""The session engine (``home.sessions``) and the user backend (``accounts.backends``) that read
their rows with SQL built once: signing in and out, and every way a session stops being valid,
behave exactly as with Django's own database sessions and ``ModelBackend``."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DjangoSessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from home.sessions import SessionStore

pytestmark = pytest.mark.django_db
MY_GROEPEN = reverse("schools:my_groepen")


def signed_in(client, user):
    client.post(reverse("accounts:login"), {"username": user.email, "password": "correct-horse-battery"}, REMOTE_ADDR="10.9.0.1")
    assert client.session[BACKEND_SESSION_KEY] == "accounts.backends.UserBackend"
    return client


def test_settings_use_them():
    assert settings.SESSION_ENGINE == "home.sessions"
    assert "accounts.backends.UserBackend" in settings.AUTHENTICATION_BACKENDS
    assert "django.contrib.auth.backends.ModelBackend" not in settings.AUTHENTICATION_BACKENDS


def test_a_signed_in_teacher_stays_signed_in_until_logout(client, teacher):
    signed_in(client, teacher)
    assert client.get(MY_GROEPEN).status_code == 200
    client.post(reverse("accounts:logout"))
    assert not Session.objects.exists() or SESSION_KEY not in SessionStore(client.cookies["sessionid"].value).load()
    assert client.get(MY_GROEPEN).status_code == 302


@pytest.mark.parametrize("change", ["expired", "deleted row", "inactive", "user deleted", "password changed"])
def test_a_session_that_is_no_longer_valid_signs_out(client, teacher, change):
    signed_in(client, teacher)
    key = client.cookies["sessionid"].value
    if change == "expired":
        Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    elif change == "deleted row":
        Session.objects.filter(pk=key).delete()
    elif change == "inactive":
        type(teacher).objects.filter(pk=teacher.pk).update(is_active=False)
    elif change == "user deleted":
        teacher.delete()
    else:
        teacher.set_password("een-heel-ander-wachtwoord")
        teacher.save()
    response = client.get(MY_GROEPEN)
    assert response.status_code == 302 and reverse("accounts:login") in response.url


def test_a_session_written_by_djangos_own_engine_is_read(client, teacher):
    """Same table, same encoding: sessions from before the switch stay valid (those that name the
    old backend sign out once: Django only trusts a backend still listed)."""
    session = DjangoSessionStore()
    session.update({SESSION_KEY: str(teacher.pk), BACKEND_SESSION_KEY: "accounts.backends.UserBackend",
                    HASH_SESSION_KEY: teacher.get_session_auth_hash()})
    session.create()
    client.cookies["sessionid"] = session.session_key
    assert client.get(MY_GROEPEN).status_code == 200
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session.save()
    assert client.get(MY_GROEPEN).status_code == 302


# A server hands the cookie's UTF-8 bytes over as Latin-1 text (WSGI), so the look-alikes do too.
ODD_COOKIES = ["bestaat-niet-maar-lang-genoeg-1234", "a" * 5000, "é\u202e💥".encode().decode("latin-1"), "1' OR '1'='1"]


@pytest.mark.parametrize("cookie", ODD_COOKIES)
def test_an_odd_session_cookie_is_just_no_session(client, cookie):
    client.cookies["sessionid"] = cookie
    response = client.get(MY_GROEPEN)
    assert response.status_code == 302
