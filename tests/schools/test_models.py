"""Bad input for the data model: each case gives a Dutch message and saves nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from schools import codes, schoolyear, services
from schools.models import Groep, LessonDelivery, School


def test_school_year_runs_from_august_to_july():
    assert schoolyear.school_year_of(datetime.date(2026, 7, 31)) == 2025
    assert schoolyear.school_year_of(datetime.date(2026, 8, 1)) == 2026
    assert schoolyear.bounds(2026) == (datetime.date(2026, 8, 1), datetime.date(2027, 7, 31))
    assert schoolyear.label(2026) == "2026-2027"


@pytest.mark.django_db
@pytest.mark.parametrize("brin", ["1AB", "ABCD", "12ab3", "123A", ""])
def test_invalid_brin_is_refused_in_dutch(brin):
    school = School(name="X", brin=brin, contact_name="Y", contact_email="y@school.example")
    with pytest.raises(ValidationError) as error:
        school.full_clean()
    assert "brin" in error.value.message_dict
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_brin_and_vestiging_valid_and_lower_case_is_upper_cased():
    school = School(name="X", brin="12ab", vestigingsnummer="01", contact_name="Y", contact_email="y@school.example")
    school.full_clean()
    assert school.brin == "12AB"


@pytest.mark.django_db
def test_groep_without_year_levels_is_refused(school_a, tree):
    groep = Groep(school=school_a, name="Groep 7", year_levels=[], pupil_count=20, programme=tree["klas"])
    with pytest.raises(ValidationError) as error:
        groep.full_clean()
    assert "Kies minstens één jaargroep" in str(error.value.message_dict["year_levels"])


@pytest.mark.django_db
def test_combinatiegroep_year_levels_round_trip_and_count_in_the_database(groep_a, groep_b):
    groep_b.refresh_from_db()
    assert groep_b.year_levels == [7, 8] and groep_b.year_levels_label == "7/8"
    assert Groep.objects.filter(year_levels__contains="8").count() == 1
    assert Groep.objects.filter(year_levels__contains="7").count() == 2


@pytest.mark.django_db
def test_groep_code_uses_an_unambiguous_alphabet(groep_a):
    assert len(groep_a.carer_code) == 8
    assert not set(groep_a.carer_code) & set("0O1IL5S2ZUV")
    assert codes.normalise(" abcd-efgh ") == "ABCDEFGH"


def _delivery(groep, lesson, **fields):
    values = {"date": timezone.localdate(), "pupils_present": 20, "minutes": 60} | fields
    return services.log_delivery(groep=groep, lesson=lesson, teacher=None, **values)


@pytest.mark.django_db
def test_pupils_present_above_groep_size_is_refused(groep_a, tree):
    with pytest.raises(ValidationError) as error:
        _delivery(groep_a, tree["lessons"][0], pupils_present=26)
    assert "niet meer leerlingen aanwezig" in str(error.value.message_dict["pupils_present"])
    assert not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_future_date_is_refused(groep_a, tree):
    with pytest.raises(ValidationError) as error:
        _delivery(groep_a, tree["lessons"][0], date=timezone.localdate() + datetime.timedelta(days=1))
    assert "in de toekomst" in str(error.value.message_dict["date"])
    assert not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_date_outside_the_groeps_school_year_is_refused(groep_a, tree):
    first, _last = schoolyear.bounds(groep_a.school_year)
    with pytest.raises(ValidationError) as error:
        _delivery(groep_a, tree["lessons"][0], date=first - datetime.timedelta(days=1))
    assert "buiten schooljaar" in str(error.value.message_dict["date"])
    assert not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_same_lesson_twice_on_one_day_is_refused(groep_a, tree):
    _delivery(groep_a, tree["lessons"][0])
    with pytest.raises(ValidationError) as error:
        _delivery(groep_a, tree["lessons"][0])
    assert "al geregistreerd" in str(error.value.message_dict["lesson"])
    assert LessonDelivery.objects.count() == 1


@pytest.mark.django_db
def test_lesson_of_another_programme_is_refused(groep_a, tree):
    from tests.lessons import factories as lf

    other = lf.programme(tree["home"], "klas", "andere-lessen", "Andere lessen")
    stray = lf.class_lesson(other, 1, title="Vreemde les")
    with pytest.raises(ValidationError) as error:
        _delivery(groep_a, stray)
    assert "hoort niet bij het programma" in str(error.value.message_dict["lesson"])
    assert not LessonDelivery.objects.exists()


@pytest.mark.django_db
def test_status_change_is_recorded_with_who_and_when(school_a, coordinator):
    services.set_status(school_a, "afgerond", coordinator)
    change = school_a.status_changes.get()
    assert (change.old_status, change.new_status, change.changed_by) == ("actief", "afgerond", coordinator)
    assert "Actief → Afgerond" in school_a.status_history()


@pytest.mark.django_db
def test_implementation_plan_dates_stay_in_its_school_year_and_in_order(school_a):
    from schools.models import ImplementationPlan

    first, last = schoolyear.bounds(2026)
    plan = ImplementationPlan(school=school_a, school_year=2026, groepen="7A", planned_start=last, planned_end=first)
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "voor de start" in str(error.value.message_dict["planned_end"])
    plan = ImplementationPlan(school=school_a, school_year=2026, groepen="7A", planned_start=first - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as error:
        plan.full_clean()
    assert "buiten schooljaar 2026-2027" in str(error.value.message_dict["planned_start"])


@pytest.mark.django_db
def test_groep_school_year_defaults_to_today_and_far_years_are_refused(school_a, tree):
    groep = Groep(school=school_a, name="Groep 7", year_levels=[7], pupil_count=20, programme=tree["klas"])
    assert groep.school_year == schoolyear.current_school_year()
    groep.school_year = schoolyear.current_school_year() + 5
    with pytest.raises(ValidationError) as error:
        groep.full_clean()
    assert "Kies een schooljaar tussen" in str(error.value.message_dict["school_year"])


@pytest.mark.django_db
def test_planned_lesson_date_outside_the_school_year_is_refused(groep_a, tree):
    from schools.models import PlannedLessonDate

    first, _last = schoolyear.bounds(groep_a.school_year)
    planned = PlannedLessonDate(groep=groep_a, lesson=tree["lessons"][0], planned_date=first - datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        planned.full_clean()
    assert not PlannedLessonDate.objects.exists()
