"""Issue 15, point 5: the coordinators' "Leerkrachten" listing and its audit-logged actions."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import Invitation
from accounts.services import invite_teacher
from lessons.models import CourseProgress
from schools import services, teacher_accounts
from schools.models import LessonDelivery
from tests.factories import TeacherFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_listing_shows_name_schools_groepen_training_login_and_invitation(client, coordinator, teacher, groep_a, groep_b, tree):
    for module in tree["course"]:
        CourseProgress.objects.create(user=teacher, module=module)
    teacher.last_login = datetime.datetime(2026, 7, 1, 10, 30, tzinfo=datetime.UTC)  # 12:30 in Amsterdam (summer time)
    teacher.save()
    invite_teacher(email="nieuw@school.example", first_name="Nieuwe", last_name="Collega", invited_by=coordinator)
    client.force_login(coordinator)
    html = soup(client.get(reverse("schools_teachers")))
    rows = {row.get_text(" ", strip=True) for row in html.select("#listing-results tbody tr")}
    mine = next(r for r in rows if teacher.email in r)
    assert "De Regenboog: Groep 7A" in mine and "Ja" in mine and "1 juli 2026, 12:30" in mine and "Actief" in mine
    theirs = next(r for r in rows if "leerkracht@school-b.example" in r)
    assert "Het Kompas: Groep 8" in theirs and "Nee (0 modules af)" in theirs and "nooit" in theirs
    assert "coordinator@gemeente.example" not in " ".join(rows), "coordinators are not listed as teachers"
    pending = html.select_one("[aria-labelledby=open-invitations-title]").get_text(" ", strip=True)
    assert "nieuw@school.example" in pending and "Open, geldig tot" in pending


def test_listing_queries_do_not_grow_with_teachers(client, coordinator, teacher, groep_a, tree, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    invite_teacher(email="eerste@school.example", first_name="A", last_name="B", invited_by=coordinator)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("schools_teachers"))
    for n in range(6):
        groep_a.teachers.add(TeacherFactory(email=f"extra{n}@school.example"))
        invite_teacher(email=f"uitgenodigd{n}@school.example", first_name="A", last_name="B", invited_by=coordinator)
    with django_assert_max_num_queries(len(few)):
        response = client.get(reverse("schools_teachers"))
    assert len(soup(response).select("#listing-results tbody tr")) == 7


def test_only_coordinators_reach_the_listing_and_never_wagtails_user_admin(client, coordinator, teacher):
    client.force_login(teacher)
    assert client.get(reverse("schools_teachers")).status_code in (302, 403)
    client.force_login(coordinator)
    assert client.get(reverse("schools_teachers")).status_code == 200
    assert client.get("/admin/users/").status_code in (302, 403)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("schools_teachers") in menu, "the menu item"
    client.force_login(teacher)
    assert reverse("schools_teachers") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_deactivating_logs_the_teacher_out_and_keeps_the_register(coordinator, teacher, groep_a, tree):
    delivery = services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    browser = Client()
    browser.force_login(teacher)
    assert browser.get(reverse("schools:my_groepen")).status_code == 200
    other = Client()
    other.force_login(coordinator)
    response = other.post(reverse("schools_teacher_deactivate", args=[teacher.pk]))
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert not teacher.is_active
    assert not [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(teacher.pk)]
    assert browser.get(reverse("schools:my_groepen")).status_code == 302, "logged out"
    assert LessonDelivery.objects.get(pk=delivery.pk).teacher_id == teacher.pk
    assert groep_a.teachers.filter(pk=teacher.pk).exists()
    entry = ModelLogEntry.objects.get(action="schools.teacher_deactivated")
    assert entry.user_id == coordinator.pk and entry.object_id == str(teacher.pk)
    assert "gedeactiveerd" in entry.message.lower()
    # Reactivate: the same account, logged again.
    other.post(reverse("schools_teacher_reactivate", args=[teacher.pk]))
    teacher.refresh_from_db()
    assert teacher.is_active
    assert ModelLogEntry.objects.filter(action="schools.teacher_reactivated", object_id=str(teacher.pk)).count() == 1


def test_deactivation_asks_first_and_refuses_coordinators_and_oneself(client, coordinator, teacher):
    client.force_login(coordinator)
    confirm = client.get(reverse("schools_teacher_deactivate", args=[teacher.pk]))
    assert confirm.status_code == 200 and "Ja, deactiveren" in confirm.content.decode()
    teacher.refresh_from_db()
    assert teacher.is_active, "a GET changes nothing"
    for target in (coordinator,):
        client.post(reverse("schools_teacher_deactivate", args=[target.pk]))
        target.refresh_from_db()
        assert target.is_active
    assert client.post(reverse("schools_teacher_deactivate", args=[999999])).status_code == 404
    with pytest.raises(Exception, match="leerkrachten"):
        teacher_accounts.deactivate_teacher(coordinator, by=teacher)


def test_teachers_cannot_deactivate_anyone(client, teacher, other_teacher):
    client.force_login(teacher)
    assert client.post(reverse("schools_teacher_deactivate", args=[other_teacher.pk])).status_code in (302, 403)
    other_teacher.refresh_from_db()
    assert other_teacher.is_active


def test_resending_an_invitation_sends_a_new_link_and_stops_the_old(client, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, old_token = invite_teacher(email="nieuw@school.example", first_name="N", last_name="C", invited_by=coordinator)
    invitation.expires_at = timezone.now() - datetime.timedelta(days=1)
    invitation.save()
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("schools_invitation_resend", args=[invitation.pk]))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now()
    assert len(mail.outbox) == 2 and mail.outbox[1].to == ["nieuw@school.example"]
    assert client.get(reverse("accounts:invitation_accept", kwargs={"token": old_token})).status_code in (200, 404, 410)
    from accounts.services import find_invitation

    assert find_invitation(old_token) is None, "the old link no longer works"
    assert ModelLogEntry.objects.filter(action="schools.invitation_renewed", object_id=str(invitation.pk)).count() == 1
    assert client.get(reverse("schools_invitation_resend", args=[invitation.pk])).status_code == 405


def test_an_accepted_invitation_is_not_resent(client, coordinator, teacher):
    invitation = Invitation.objects.create(email=teacher.email, first_name="A", last_name="B", token_hash="x" * 64,
                                           expires_at=timezone.now(), accepted_at=timezone.now(), user=teacher)
    client.force_login(coordinator)
    response = client.post(reverse("schools_invitation_resend", args=[invitation.pk]), follow=True)
    assert "al gebruikt" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.token_hash == "x" * 64
