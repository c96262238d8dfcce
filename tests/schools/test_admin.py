"""Coordinators' Wagtail admin: viewsets with filters, search, inline groepen, export, history."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from schools import schoolyear, services
from schools.models import Groep, LessonDelivery, School


def rows(response):
    return [tr.get_text(" ", strip=True) for tr in BeautifulSoup(response.content, "html.parser").select("table tbody tr")]


@pytest.mark.django_db
def test_teachers_cannot_reach_the_rollout_admin(client, teacher, school_a):
    client.force_login(teacher)
    for name in ("scholen:index", "groepen:index", "gegeven_lessen:index"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and "login" in response["Location"], name


@pytest.mark.django_db
def test_school_list_filters_by_status_and_wijk_and_searches(client, coordinator, school_a, school_b, groep_a):
    client.force_login(coordinator)
    url = reverse("scholen:index")
    assert len(rows(client.get(url))) == 2
    assert [r.split(" ")[0:2] for r in rows(client.get(url, {"status": "actief"}))] == [["De", "Regenboog"]]
    assert len(rows(client.get(url, {"wijk": "Strijp"}))) == 1 and "Kompas" in rows(client.get(url, {"wijk": "Strijp"}))[0]
    assert len(rows(client.get(url, {"school_year": groep_a.school_year}))) == 1
    assert "Kompas" in rows(client.get(url, {"q": "kompas"}))[0]


@pytest.mark.django_db
def test_groepen_and_deliveries_filter_by_school_year_programme_and_wijk(client, coordinator, groep_a, groep_b, tree, teacher):
    services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    client.force_login(coordinator)
    assert len(rows(client.get(reverse("groepen:index"), {"school_year": groep_a.school_year, "programme": tree["klas"].pk}))) == 2
    assert len(rows(client.get(reverse("groepen:index"), {"school_year": groep_a.school_year - 1}))) == 0
    assert len(rows(client.get(reverse("groepen:index"), {"wijk": "Strijp"}))) == 1
    assert len(rows(client.get(reverse("gegeven_lessen:index"), {"wijk": "Woensel"}))) == 1
    assert len(rows(client.get(reverse("gegeven_lessen:index"), {"wijk": "Strijp"}))) == 0


@pytest.mark.django_db
def test_delivery_export_is_a_spreadsheet_with_one_row_per_delivery(client, coordinator, groep_a, groep_b, tree, teacher, other_teacher,
                                                                     django_assert_max_num_queries):
    for lesson in tree["lessons"][:3]:
        services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher, adaptations="korter")
    services.log_delivery(groep=groep_b, lesson=tree["lessons"][0], teacher=other_teacher)
    client.force_login(coordinator)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("gegeven_lessen:index"), {"export": "csv"})
        content = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(content)))
    assert lines[0][:7] == ["School", "BRIN", "Wijk", "Schooljaar", "Groep", "Lesnummer", "Les"]
    assert len(lines) == 5
    body = sorted(tuple(line[:6]) for line in lines[1:])
    assert body[0] == ("De Regenboog", "12AB", "Woensel", schoolyear.label(groep_a.school_year), "Groep 7A", "1")
    first = next(line for line in lines[1:] if line[4] == "Groep 7A" and line[5] == "1")
    assert first[6:12] == ["Les 1", timezone.localdate().isoformat(), teacher.get_full_name(), "25", "60", "korter"]
    # The filters apply to the export too.
    response = client.get(reverse("gegeven_lessen:index"), {"export": "csv", "wijk": "Strijp"})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [line[4] for line in lines[1:]] == ["Groep 8"]
    response = client.get(reverse("scholen:index"), {"export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from openpyxl import load_workbook

    response = client.get(reverse("gegeven_lessen:index"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert sheet.max_row == 5 and sheet.cell(1, 1).value == "School"


@pytest.mark.django_db
def test_school_with_inline_groep_created_in_the_admin_and_status_history_kept(client, coordinator, tree, teacher):
    client.force_login(coordinator)
    data = nested_form_data({
        "name": "De Ster", "brin": "22ZZ", "vestigingsnummer": "00", "rio_code": "", "street_address": "", "postcode": "",
        "municipality": "Eindhoven", "wijk": "Gestel", "contact_name": "Kim", "contact_email": "kim@ster.example",
        "contact_role": "", "status": "intake", "kickoff_date": "", "registration_message": "",
        "plans": inline_formset([]),
        "groepen": inline_formset([{"school_year": schoolyear.current_school_year(), "name": "Groep 7",
                                    "pupil_count": 22, "programme": tree["klas"].pk}]),
    })
    # Multiple-choice values go in as lists (nested_form_data would number them).
    data["groepen-0-year_levels"] = ["7"]

    response = client.post(reverse("scholen:add"), data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")
    school = School.objects.get(brin="22ZZ")
    assert school.groepen.get().year_levels == [7]
    data["status"] = "gepland"
    data["groepen-0-id"] = school.groepen.get().pk
    data["groepen-INITIAL_FORMS"] = 1
    response = client.post(reverse("scholen:edit", args=[school.pk]), data)
    assert response.status_code == 302
    history = list(school.status_changes.order_by("changed_at", "pk").values_list("old_status", "new_status", "changed_by"))
    assert history == [("", "intake", coordinator.pk), ("intake", "gepland", coordinator.pk)]
    assert ModelLogEntry.objects.filter(object_id=str(school.pk), action="wagtail.edit").exists()
    response = client.get(reverse("scholen:history", args=[school.pk]))
    assert response.status_code == 200
    inspect = client.get(reverse("scholen:inspect", args=[school.pk])).content.decode()
    assert "Intake → Gepland" in inspect


@pytest.mark.django_db
def test_admin_bad_input_is_refused_in_dutch(client, coordinator, groep_a, tree):
    client.force_login(coordinator)
    response = client.post(reverse("scholen:add"), nested_form_data({
        "name": "X", "brin": "ABCD", "vestigingsnummer": "0", "contact_name": "Y", "contact_email": "y@x.example", "status": "interesse",
        "plans": inline_formset([]), "groepen": inline_formset([]),
    }))
    text = response.content.decode()
    assert response.status_code == 200 and "twee cijfers en twee hoofdletters" in text and "vestigingsnummer bestaat uit twee cijfers" in text
    response = client.post(reverse("groepen:add"), nested_form_data({
        "school": groep_a.school_id, "name": "Groep 6", "school_year": groep_a.school_year, "pupil_count": 20,
        "programme": tree["klas"].pk, "planned_dates": inline_formset([]),
    }))
    assert response.status_code == 200 and "Kies minstens één jaargroep" in response.content.decode()
    response = client.post(reverse("gegeven_lessen:add"), {
        "groep": groep_a.pk, "lesson": tree["lessons"][0].pk, "date": timezone.localdate().isoformat(),
        "pupils_present": 99, "minutes": 60, "adaptations": "",
    })
    assert response.status_code == 200 and "niet meer leerlingen aanwezig" in response.content.decode()
    assert School.objects.count() == 1 and Groep.objects.count() == 1 and not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_the_same_groep_twice_in_one_school_year_is_refused(client, coordinator, tree):
    client.force_login(coordinator)
    groep = {"school_year": schoolyear.current_school_year(), "name": "Groep 7", "pupil_count": 22, "programme": tree["klas"].pk}
    data = nested_form_data({
        "name": "De Ster", "brin": "22ZZ", "vestigingsnummer": "00", "contact_name": "Kim", "contact_email": "kim@ster.example",
        "status": "intake", "plans": inline_formset([]), "groepen": inline_formset([groep, groep]),
    })
    data["groepen-0-year_levels"] = data["groepen-1-year_levels"] = ["7"]
    response = client.post(reverse("scholen:add"), data)
    assert response.status_code == 200 and "Corrigeer de dubbele" in response.content.decode()
    assert not School.objects.exists()


@pytest.mark.django_db
def test_groep_list_shows_trained_teachers_and_reach(client, coordinator, teacher, groep_a, groep_b, tree,
                                                    django_assert_max_num_queries):
    from lessons.models import CourseProgress
    from schools.models import Household, HouseholdModuleProgress

    for module in tree["course"]:
        CourseProgress.objects.create(user=teacher, module=module)
    for n in range(3):
        household = Household.objects.create(groep=groep_a, token=f"t{n}", resume_code=f"R{n}")
        if n < 2:
            HouseholdModuleProgress.objects.create(household=household, module=tree["modules"][0])
    client.force_login(coordinator)
    with django_assert_max_num_queries(40):
        response = client.get(reverse("groepen:index"), {"export": "csv"})
        lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header = lines[0]
    by_groep = {line[header.index("Naam")]: line for line in lines[1:]}
    a, b = by_groep["Groep 7A"], by_groep["Groep 8"]
    column = header.index
    assert (a[column("Leerkrachten")], a[column("Leerkrachten getraind")], a[column("Huishoudens begonnen")]) == ("1", "1", "2")
    assert (b[column("Leerkrachten")], b[column("Leerkrachten getraind")], b[column("Huishoudens begonnen")]) == ("1", "0", "0")
    assert "1 van 1" in " ".join(rows(client.get(reverse("groepen:index"))))


@pytest.mark.django_db
def test_a_lesson_in_the_register_cannot_be_deleted_but_can_be_unpublished(client, coordinator, groep_a, tree, teacher):
    services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    client.force_login(coordinator)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[tree["lessons"][0].pk]), follow=True)
    assert response.status_code == 200 and "kan niet weg" in response.content.decode()
    assert LessonDelivery.objects.count() == 1
    response = client.post(reverse("wagtailadmin_pages:delete", args=[tree["lessons"][1].pk]))
    assert response.status_code == 302
    assert not type(tree["lessons"][1]).objects.filter(pk=tree["lessons"][1].pk).exists()


@pytest.mark.django_db
def test_bulk_delete_in_the_explorer_is_guarded_the_same_way(client, coordinator, groep_a, tree, teacher):
    """Refused either by our Dutch message or, when Wagtail's reference index already knows the
    register's protected link, by Wagtail itself; either way nothing is deleted."""
    services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    client.force_login(coordinator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    lessons = [tree["lessons"][0], tree["lessons"][1]]
    refusals = ("kan niet weg", "geen toegang")

    query = "&".join(f"id={lesson.pk}" for lesson in lessons)
    response = client.post(f"{url}?{query}&next=/admin/pages/", follow=True)
    assert any(text in response.content.decode() for text in refusals)
    assert type(lessons[0]).objects.filter(pk__in=[lesson.pk for lesson in lessons]).count() == 2
    # Deleting the whole class programme would take the registered lesson with it: refused too.
    response = client.post(f"{url}?id={tree['klas'].pk}&next=/admin/pages/", follow=True)
    assert any(text in response.content.decode() for text in refusals)
    assert LessonDelivery.objects.count() == 1 and type(tree["klas"]).objects.filter(pk=tree["klas"].pk).exists()
    # A lesson nobody logged goes.
    response = client.post(f"{url}?id={lessons[1].pk}&next=/admin/pages/")
    assert response.status_code == 302 and not type(lessons[1]).objects.filter(pk=lessons[1].pk).exists()


@pytest.mark.django_db
def test_groep_created_in_the_admin_with_teachers_and_planned_dates(client, coordinator, teacher, school_a, tree):
    client.force_login(coordinator)
    year = schoolyear.current_school_year()
    data = nested_form_data({
        "school": school_a.pk, "name": "Groep 8C", "school_year": year, "pupil_count": 27, "programme": tree["klas"].pk,
    })
    data["year_levels"] = ["8"]
    data["teachers"] = [str(teacher.pk)]
    response = client.post(reverse("groepen:add"), data)
    assert response.status_code == 302, BeautifulSoup(response.content, "html.parser").select(".error-message")
    groep = Groep.objects.get(name="Groep 8C")
    assert list(groep.teachers.all()) == [teacher] and groep.year_levels == [8]
    # Planned dates have one write path, the planning grid the groep links to (issue 15).
    response = client.post(reverse("schools_admin_plan", args=[groep.pk]), {f"les_{tree['lessons'][0].pk}": schoolyear.bounds(year)[0].isoformat()})
    assert response.status_code == 302
    assert groep.planned_dates.get().lesson_id == tree["lessons"][0].pk
    assert len(groep.carer_code) == 8
