"""The public "Aanmelden" page: a School in status interesse, coordinators e-mailed, spam kept out."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from schools.models import School

DATA = {"name": "Basisschool De Horizon", "brin": "56gh", "contact_name": "Eva de Wit", "contact_email": "eva@horizon.example",
        "contact_role": "IB'er", "message": "Wij willen graag meedoen.", "website": ""}


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_registration_creates_an_interested_school_and_mails_coordinators(client, coordinator, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("schools:register"), DATA)
    assert response.status_code == 302 and response["Location"] == reverse("schools:register_done")
    school = School.objects.get()
    assert (school.status, school.brin, school.vestigingsnummer, school.registration_message) == (
        "interesse", "56GH", "00", "Wij willen graag meedoen.")
    assert school.status_changes.get().new_status == "interesse"
    assert [m.to for m in mailoutbox] == [[coordinator.email]]
    assert "Basisschool De Horizon" in mailoutbox[0].subject and "56GH" in mailoutbox[0].body
    assert f"http://testserver/admin/scholen/edit/{school.pk}/" in mailoutbox[0].body


@pytest.mark.django_db
def test_honeypot_answers_like_success_but_saves_nothing(client, coordinator, mailoutbox):
    response = client.post(reverse("schools:register"), DATA | {"website": "https://spam.example"})
    assert response.status_code == 302
    assert not School.objects.exists() and not mailoutbox


@pytest.mark.django_db
@pytest.mark.parametrize(("field", "value", "message"), [
    ("brin", "1234", "twee cijfers en twee letters"),
    ("contact_email", "geen-adres", "geldig e-mailadres"),
    ("name", "", "naam van de school"),
])
def test_bad_input_gives_dutch_messages_and_saves_nothing(client, field, value, message):
    response = client.post(reverse("schools:register"), DATA | {field: value})
    assert response.status_code == 200 and message in response.content.decode()
    assert not School.objects.exists()


@pytest.mark.django_db
def test_a_school_cannot_register_twice(client):
    client.post(reverse("schools:register"), DATA)
    response = client.post(reverse("schools:register"), DATA)
    assert "al aangemeld" in response.content.decode()
    assert School.objects.count() == 1


@pytest.mark.django_db
def test_registrations_are_rate_limited_per_address(client):
    for n in range(3):
        client.post(reverse("schools:register"), DATA | {"brin": f"1{n}AB"})
    response = client.post(reverse("schools:register"), DATA | {"brin": "99ZZ"})
    assert response.status_code == 429 and "te veel aanmeldingen" in response.content.decode()
    assert School.objects.count() == 3
