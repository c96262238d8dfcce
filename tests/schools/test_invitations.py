"""Invitations: a coordinator invites from the Wagtail admin; single use; 7 days; lands on Mijn groepen."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation, User


def invite(client, coordinator, email="nieuw@school-a.example", mailoutbox=None, django_capture_on_commit_callbacks=None):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("invitations:add"), {"email": email, "first_name": "Noor", "last_name": "Bakker"})
    return response


def link_path(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


@pytest.mark.django_db
def test_coordinators_may_invite_and_teachers_may_not(coordinator, teacher):
    assert coordinator.has_perm("accounts.add_invitation")
    assert not teacher.has_perm("accounts.add_invitation")
    coordinators = Group.objects.get(name=settings.COORDINATORS_GROUP)
    assert coordinators.permissions.filter(content_type__app_label="schools", codename="change_lessondelivery").exists()


@pytest.mark.django_db
def test_teacher_cannot_open_the_invite_form(client, teacher):
    client.force_login(teacher)
    response = client.get(reverse("invitations:add"))
    assert response.status_code in (302, 403)


@pytest.mark.django_db
def test_invitation_from_the_admin_sets_a_password_and_lands_on_mijn_groepen(
    client, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    response = invite(client, coordinator, mailoutbox=mailoutbox, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.invited_by == coordinator
    assert abs((invitation.expires_at - timezone.now()) - datetime.timedelta(days=7)) < datetime.timedelta(minutes=1)
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["nieuw@school-a.example"]
    path = link_path(mailoutbox[0])
    assert invitation.token_hash not in path, "only the hash is stored"
    client.logout()
    assert client.get(path).status_code == 200
    response = client.post(path, {"first_name": "Noor", "last_name": "Bakker", "password1": "een-lang-wachtwoord-7",
                                  "password2": "een-lang-wachtwoord-7"})
    assert response.status_code == 302 and response["Location"] == reverse("schools:my_groepen")
    user = User.objects.get(email="nieuw@school-a.example")
    assert user.check_password("een-lang-wachtwoord-7")
    assert user.groups.filter(name=settings.TEACHERS_GROUP).exists()
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get(response["Location"]).status_code == 200
    # Single use: the link now refuses, in Dutch.
    client.logout()
    response = client.get(path)
    assert response.status_code == 410 and "al gebruikt" in response.content.decode()


@pytest.mark.django_db
def test_expired_invitation_is_refused_and_creates_nothing(client, coordinator, mailoutbox, django_capture_on_commit_callbacks):
    invite(client, coordinator, mailoutbox=mailoutbox, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    Invitation.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    client.logout()
    path = link_path(mailoutbox[0])
    response = client.post(path, {"first_name": "N", "last_name": "B", "password1": "een-lang-wachtwoord-7", "password2": "een-lang-wachtwoord-7"})
    assert response.status_code == 410 and "verlopen" in response.content.decode()
    assert not User.objects.filter(email="nieuw@school-a.example").exists()


@pytest.mark.django_db
def test_unknown_token_and_weak_password_are_refused(client, coordinator, mailoutbox, django_capture_on_commit_callbacks):
    assert client.get(reverse("accounts:invitation_accept", args=["onzin"])).status_code == 404
    invite(client, coordinator, mailoutbox=mailoutbox, django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    client.logout()
    response = client.post(link_path(mailoutbox[0]), {"first_name": "N", "last_name": "B", "password1": "12345", "password2": "12345"})
    assert response.status_code == 200
    assert "wachtwoord" in response.content.decode().lower()
    assert not User.objects.filter(email="nieuw@school-a.example").exists()
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.django_db
def test_inviting_an_existing_account_is_refused(client, coordinator, teacher, mailoutbox, django_capture_on_commit_callbacks):
    response = invite(client, coordinator, email=teacher.email, mailoutbox=mailoutbox,
                      django_capture_on_commit_callbacks=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Er bestaat al een account" in response.content.decode()
    assert not Invitation.objects.exists() and not mailoutbox


@pytest.mark.django_db
def test_invited_for_a_groep_the_new_teacher_lands_on_mijn_groepen_with_that_groep(
    client, coordinator, groep_a, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    url = reverse("schools_admin_invite_for_groep", args=[groep_a.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"email": "Nieuw@School-A.example", "first_name": "Noor", "last_name": "Bakker"})
    assert response.status_code == 302
    client.logout()
    path = link_path(mailoutbox[0])
    response = client.post(path, {"first_name": "Noor", "last_name": "Bakker", "password1": "een-lang-wachtwoord-7",
                                  "password2": "een-lang-wachtwoord-7"}, follow=True)
    user = User.objects.get(email="nieuw@school-a.example")
    assert list(user.groepen.all()) == [groep_a]
    assert response.redirect_chain[-1][0] == reverse("schools:my_groepen")
    assert "Groep 7A" in response.content.decode()


@pytest.mark.django_db
def test_invite_for_a_groep_adds_an_existing_account_at_once(client, coordinator, other_teacher, groep_a, mailoutbox):
    client.force_login(coordinator)
    response = client.post(reverse("schools_admin_invite_for_groep", args=[groep_a.pk]),
                           {"email": other_teacher.email, "first_name": "B", "last_name": "V"})
    assert response.status_code == 302
    assert groep_a.teachers.filter(pk=other_teacher.pk).exists()
    assert not Invitation.objects.exists() and not mailoutbox


@pytest.mark.django_db
def test_teachers_cannot_invite_for_a_groep(client, teacher, groep_a):
    client.force_login(teacher)
    response = client.post(reverse("schools_admin_invite_for_groep", args=[groep_a.pk]),
                           {"email": "x@school.example", "first_name": "X", "last_name": "Y"})
    assert response.status_code in (302, 403)
    assert not Invitation.objects.exists()
