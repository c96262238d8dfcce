"""Issue 9 on the accounts side: the lock-out holds whatever the spelling of the address and
behind a proxy, and every password validator speaks Dutch."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.module_loading import import_string

from accounts.forms import InvitationAcceptForm
from accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
SPELLINGS = ["Coordinator@Gemeente.example", "COORDINATOR@GEMEENTE.EXAMPLE", "cOordinator@gemeente.example",
             " coordinator@gemeente.example ", "coordinator@GEMEENTE.example", "Coordinator@gemeente.EXAMPLE", "COORDINATOR@gemeente.example"]


@pytest.fixture(autouse=True)
def fresh_lockouts():
    cache.clear()
    AccessAttempt.objects.all().delete()
    yield
    cache.clear()


def admin_login(client, username, password, **extra):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password}, **extra)


def front_login(client, username, password, **extra):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


@pytest.mark.parametrize("login", [admin_login, front_login], ids=["admin", "front-end"])
def test_seven_wrong_passwords_in_any_letter_case_lock_the_account(client, coordinator, login):
    for spelling in SPELLINGS:
        login(client, spelling, "verkeerd-wachtwoord")
    response = login(Client(), "coordinator@gemeente.example", PASSWORD)
    assert response.status_code == 429  # axes' lock-out page, not a redirect into the site
    assert "_auth_user_id" not in Client().session
    assert AccessAttempt.objects.get().username == "coordinator@gemeente.example"


def test_a_right_password_in_another_case_still_logs_in(client, coordinator):
    assert front_login(client, "COORDINATOR@gemeente.example", PASSWORD).status_code == 302
    assert int(client.session["_auth_user_id"]) == coordinator.pk


def test_password_reset_finds_the_account_in_any_case(client, coordinator, mailoutbox):
    client.post(reverse("accounts:password_reset"), {"email": "Coordinator@GEMEENTE.example"})
    assert [m.to for m in mailoutbox] == [["coordinator@gemeente.example"]]


def test_behind_a_trusted_proxy_the_lockout_is_per_visitor_and_ignores_spoofing(coordinator, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker, proxy = "198.51.100.7", {"REMOTE_ADDR": "10.0.0.1"}
    for index in range(settings.AXES_FAILURE_LIMIT):
        # The attacker writes a new address in front each time; the proxy appends the real one.
        front_login(Client(), "coordinator@gemeente.example", "fout", HTTP_X_FORWARDED_FOR=f"203.0.113.{index}, {attacker}", **proxy)
    assert front_login(Client(), "coordinator@gemeente.example", PASSWORD, HTTP_X_FORWARDED_FOR=attacker, **proxy).status_code == 429
    colleague = Client()
    assert front_login(colleague, "coordinator@gemeente.example", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy).status_code == 302
    assert AccessAttempt.objects.get().ip_address == attacker


def test_without_trusted_proxies_a_forwarded_header_does_not_change_the_address(coordinator):
    for index in range(settings.AXES_FAILURE_LIMIT):
        front_login(Client(), "coordinator@gemeente.example", "fout", HTTP_X_FORWARDED_FOR=f"203.0.113.{index}", REMOTE_ADDR="192.0.2.1")
    assert front_login(Client(), "coordinator@gemeente.example", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.9",
                       REMOTE_ADDR="192.0.2.1").status_code == 429


# 9.11 Dutch validator messages ------------------------------------------------------------------------

FAILING_PASSWORDS = {
    "UserAttributeSimilarityValidator": "anna.devries@school.example",
    "MinimumLengthValidator": "kort",
    "CommonPasswordValidator": "password123",
    "NumericPasswordValidator": "8402957163",
}


def _messages(password, user):
    try:
        password_validation.validate_password(password, user)
    except Exception as error:  # noqa: BLE001 - ValidationError expected
        return error.messages
    return []


def test_every_password_validator_explains_itself_in_dutch_not_in_english():
    user = User(email="anna.devries@school.example", first_name="Anna", last_name="de Vries")
    for config in settings.AUTH_PASSWORD_VALIDATORS:
        validator = import_string(config["NAME"])(**config.get("OPTIONS", {}))
        name = type(validator).__name__
        with translation.override("nl"):
            try:
                validator.validate(FAILING_PASSWORDS[name], user)
            except Exception as error:  # noqa: BLE001
                dutch = error.messages
            else:
                pytest.fail(f"{name} accepted {FAILING_PASSWORDS[name]!r}")
            dutch_help = validator.get_help_text()
        english_django = import_string(f"django.contrib.auth.password_validation.{name}")(**config.get("OPTIONS", {}))
        with translation.override("en"):
            try:
                english_django.validate(FAILING_PASSWORDS[name], user)
            except Exception as error:  # noqa: BLE001
                english = error.messages
            english_help = english_django.get_help_text()
        assert dutch != english and dutch_help != english_help, name
        assert not any(word in " ".join(dutch).lower() for word in ("password", "this ", "too ")), dutch


def test_the_invitation_form_shows_the_short_password_message_in_dutch():
    with translation.override("nl"):
        form = InvitationAcceptForm(
            {"first_name": "Nina", "last_name": "Bos", "password1": "kort", "password2": "kort"}, email="nina@school.example"
        )
        assert not form.is_valid()
        assert form.errors["password1"] == ["Dit wachtwoord is te kort: gebruik minstens 10 tekens."]


def test_the_invitation_form_refuses_invisible_characters_in_names():
    form = InvitationAcceptForm(
        {"first_name": "Ni\u200bna", "last_name": "Bos", "password1": "lang-genoeg-wachtwoord", "password2": "lang-genoeg-wachtwoord"},
        email="nina@school.example",
    )
    assert not form.is_valid() and "onzichtbare tekens" in form.errors["first_name"][0]


# Issue 13.4: the roles in one place, respecting is_active ---------------------------------------------

def test_roles_live_in_home_and_an_inactive_account_has_none(teacher, coordinator):
    from home import roles
    from lessons import selectors as lesson_selectors
    from schools import permissions

    assert lesson_selectors.is_teacher is roles.is_teacher and permissions.is_coordinator is roles.is_coordinator
    assert roles.is_teacher(teacher) and not roles.is_coordinator(teacher)
    assert roles.is_teacher(coordinator) and roles.is_coordinator(coordinator)
    for user in (teacher, coordinator):
        user.is_active = False
        assert not roles.is_teacher(user)
        assert not roles.is_coordinator(user)
