"""The signed-in header and the register panel are kept rendered for every teacher
(``home.csrf_fragments``): each visitor still gets a CSRF token of her own in their forms, the
forms work with CSRF checks on, and nothing kept holds anybody's token."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import Client

from home.csrf_fragments import token_mark

pytestmark = pytest.mark.django_db


def tokens(response) -> dict[str, str]:
    """The CSRF token of each form on the page, by the form's action."""
    html = BeautifulSoup(response.content, "html.parser")
    return {form["action"]: form.select_one("input[name=csrfmiddlewaretoken]")["value"] for form in html.select("form[method=post]")}


def kept_values():
    store = caches["versioned"].store  # the worker-local copy of the shared entries
    shared = caches["default"]
    return [value for value in (*store.entries.values(), *getattr(shared, "_cache", {}).values())]


def signed_in(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def test_the_kept_header_and_panel_carry_the_visitors_own_token(teacher, groep_a, tree):
    lesson = tree["lessons"][0]
    client = signed_in(teacher)
    first = tokens(client.get(lesson.url))
    second = tokens(client.get(lesson.url))  # the header and the panel now come from the cache
    assert "/account/uitloggen/" in second and f"/mijn-groepen/{groep_a.pk}/vandaag-gegeven/" in second
    for action, token in second.items():
        assert token != token_mark() and len(token) == 64 and token.isalnum(), action
    assert set(first.values()).isdisjoint(second.values())  # masked anew, as Django does
    assert token_mark().encode() not in client.get(lesson.url).content


def test_nothing_kept_holds_a_visitors_token(teacher, other_teacher, groep_a, tree):
    lesson = tree["lessons"][0]
    handed_out = set()
    for user in (teacher, other_teacher, teacher):
        handed_out |= set(tokens(signed_in(user).get(lesson.url)).values())
    kept = " ".join(str(value) for value in kept_values())
    assert token_mark() in kept  # the fragments are kept ...
    assert not any(token in kept for token in handed_out)  # ... without anybody's token


def test_signing_out_from_the_kept_header_works_with_csrf_checks(teacher, tree):
    lesson = tree["lessons"][0]
    client = signed_in(teacher)
    client.get(lesson.url)
    token = tokens(client.get(lesson.url))["/account/uitloggen/"]
    response = client.post("/account/uitloggen/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert client.get(lesson.url).status_code == 403  # signed out


def test_a_forged_token_is_still_refused(teacher, tree):
    client = signed_in(teacher)
    client.get(tree["lessons"][0].url)
    assert client.post("/account/uitloggen/", {"csrfmiddlewaretoken": token_mark()}).status_code == 403


def test_logging_from_the_kept_panel_works_with_csrf_checks(teacher, groep_a, tree):
    lesson = tree["lessons"][0]
    client = signed_in(teacher)
    client.get(lesson.url)
    action, token = next((a, t) for a, t in tokens(client.get(lesson.url)).items() if "vandaag" in a)
    response = client.post(action, {"csrfmiddlewaretoken": token, "lesson": lesson.pk, "next": lesson.url})
    assert response.status_code == 302
    assert groep_a.deliveries.filter(lesson=lesson).count() == 1


def test_staff_and_other_teachers_each_get_their_own_header(teacher, coordinator, tree):
    lesson = tree["lessons"][0]
    teacher_menu = BeautifulSoup(signed_in(teacher).get(lesson.url).content, "html.parser").select_one(".site-nav")
    staff_menu = BeautifulSoup(signed_in(coordinator).get(lesson.url).content, "html.parser").select_one(".site-nav")
    assert "Beheer" not in teacher_menu.get_text() and "Beheer" in staff_menu.get_text()
    again = BeautifulSoup(signed_in(teacher).get(lesson.url).content, "html.parser").select_one(".site-nav")
    assert "Beheer" not in again.get_text()
