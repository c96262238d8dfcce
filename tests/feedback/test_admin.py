"""The coordinators' analysis: permissions, exports parsed and compared with the screen,
suppressed figures stay out of exports, query counts pinned, tagging and redaction in the admin."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from feedback import selectors, services
from feedback.models import FeedbackTheme, LessonFeedback


@pytest.fixture
def rated(groep_a, groep_b, tree, rate, carer_answer):
    """Lesson 1: five answers (shown); lesson 2: four (suppressed); module 1: five carers."""
    for grade, groep in zip((8, 6, 7, 9, 5), (groep_a, groep_b, groep_a, groep_b, groep_a), strict=True):
        rate(groep, tree["lessons"][0], grade, what_to_change=f"Verander {grade}")
    for grade, groep in zip((4, 4, 5, 5), (groep_a, groep_b, groep_a, groep_b), strict=True):
        rate(groep, tree["lessons"][1], grade)
    for grade in (6, 7, 8, 9, 10):
        carer_answer(groep_a, tree["modules"][0], grade, comment="Fijn samen")


def _csv(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


@pytest.mark.django_db
def test_only_coordinators_open_the_analysis(client, teacher, coordinator, rated):
    url = reverse("feedback_analysis_lessons")
    client.force_login(teacher)
    assert client.get(url).status_code in (302, 403)
    client.force_login(coordinator)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Aandacht nodig" not in html or "Les 2" not in html  # a suppressed lesson is never an attention row
    assert "minder dan 5 antwoorden" in html and "<svg" in html and "Verander 9" in html


@pytest.mark.django_db
def test_csv_export_equals_the_screen_rows(client, coordinator, rated, tree):
    client.force_login(coordinator)
    rows = _csv(client.get(reverse("feedback_analysis_lessons") + "?export=csv"))
    assert rows[0][:4] == ["Les", "Titel", "Antwoorden", "Rapportcijfer (gem.)"]
    assert rows[1][:8] == ["1", "Les 1", "5", "7.0", "4.0", "4.0", "4.0", "4.0"]
    assert rows[2] == ["2", "Les 2", "", "", "", "", "", "", "", "", "minder dan 5 antwoorden"]
    screen = selectors.lesson_rows()
    assert [row[1] for row in rows[1:]] == [row["title"] for row in screen]


@pytest.mark.django_db
def test_xlsx_export_keeps_numbers_as_numbers_and_applies_filters(client, coordinator, rated, school_b):
    client.force_login(coordinator)
    response = client.get(reverse("feedback_analysis_lessons") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[1][:4] == (1, "Les 1", 5, 7.0)
    filtered = client.get(reverse("feedback_analysis_lessons") + f"?export=xlsx&school={school_b.pk}")
    sheet = load_workbook(io.BytesIO(b"".join(filtered.streaming_content))).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == [None, None]  # 2 answers each: suppressed


@pytest.mark.django_db
def test_module_export_has_no_school_or_groep_and_suppresses(client, coordinator, rated, groep_a, tree, carer_answer):
    carer_answer(groep_a, tree["modules"][1], 3, comment="Alleen ik")
    client.force_login(coordinator)
    rows = _csv(client.get(reverse("feedback_analysis_modules") + "?export=csv"))
    assert rows[0] == ["Module", "Titel", "Antwoorden", "Rapportcijfer (gem.)", "Nuttig (gem., 1-5)", "Zou het aanraden (aantal ja)", "Opmerking"]
    assert rows[1] == ["1", "Thuismodule 1", "5", "8.0", "4.0", "5", ""]
    assert rows[2][2:] == ["", "", "", "", "minder dan 5 antwoorden"]
    html = client.get(reverse("feedback_analysis_modules")).content.decode()
    answers = html.split('class="fb-answers"')[1].split("</ul>")[0]
    assert "Fijn samen" in answers and "Alleen ik" not in html and groep_a.school.name not in answers and groep_a.name not in answers


@pytest.mark.django_db
def test_analysis_query_count_does_not_grow(client, coordinator, groep_a, groep_b, tree, rate, carer_answer, django_assert_max_num_queries):
    client.force_login(coordinator)
    url = reverse("feedback_analysis_lessons")
    for grade in range(5):
        rate(groep_a if grade % 2 else groep_b, tree["lessons"][0], 5 + grade, what_worked="Goed")
    client.get(url)  # warm caches (site, menu)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for lesson in tree["lessons"][1:]:
        for grade in range(5):
            rate(groep_a if grade % 2 else groep_b, lesson, 5 + grade, what_worked="Ook goed")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_tagging_and_redaction_in_the_admin(client, coordinator, rated):
    theme = FeedbackTheme.objects.create(name="Tijdgebrek")
    feedback = LessonFeedback.objects.filter(what_to_change="Verander 9").get()
    client.force_login(coordinator)
    response = client.post(reverse("feedback_lessen:edit", args=[feedback.pk]), {"themes": [theme.pk], "grade": 1})
    assert response.status_code == 302
    feedback.refresh_from_db()
    assert list(feedback.themes.all()) == [theme] and feedback.grade == 9  # read-only fields stay
    url = reverse("feedback_redact", args=["les", feedback.pk])
    assert "Verander 9" in client.get(url).content.decode()
    client.post(url, {"next": "/admin/"})
    feedback.refresh_from_db()
    assert feedback.what_to_change == "" and ModelLogEntry.objects.filter(action=services.REDACT_ACTION, object_id=str(feedback.pk)).exists()


@pytest.mark.django_db
def test_teacher_cannot_redact(client, teacher, rated):
    feedback = LessonFeedback.objects.first()
    client.force_login(teacher)
    response = client.post(reverse("feedback_redact", args=["les", feedback.pk]))
    assert response.status_code in (302, 403)
    feedback.refresh_from_db()
    assert feedback.redacted_at is None


@pytest.mark.django_db
def test_coordinator_sends_a_year_survey_from_the_admin(client, coordinator, school_a, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jaarevaluaties:add"), {"school": school_a.pk, "school_year": 2026, "sent_to": ""})
    assert response.status_code == 302, response.context["form"].errors
    assert mailoutbox[0].to == [school_a.contact_email] and "/jaarevaluatie/" in mailoutbox[0].body


@pytest.mark.django_db
def test_the_year_survey_outcomes_show_in_the_analysis_from_five_schools(client, coordinator, school_a):
    from schools.models import School

    client.force_login(coordinator)
    url = reverse("feedback_analysis_lessons")
    schools = [school_a] + [School.objects.create(name=f"School {n}", brin=f"2{n}AB", contact_name="C",
                                                   contact_email=f"c{n}@school.example") for n in range(1, 5)]
    for n, school in enumerate(schools):
        survey = services.create_year_survey(school, 2026, send=False)
        services.answer_year_survey(survey.token, continue_next_year="ja" if n < 3 else "nee", extend_to_other_groepen="weet_niet",
                                    recommend_score=6 + n, obstacle_time=n % 2 == 0, obstacle_parents=True)
        html = client.get(url).content.decode()
        if n < 4:  # four answers: only the count is shown
            assert f"{n + 1} van {n + 1} verstuurde evaluaties beantwoord" in html and "Belemmeringen" not in html
    assert "5 van 5 verstuurde evaluaties beantwoord" in html
    summary = selectors.year_survey_summary()
    assert (summary["continue_next_year__ja"], summary["continue_next_year__nee"]) == (3, 2)
    assert summary["recommend"] == 8.0 and summary["obstacle_time"] == 3 and summary["obstacle_parents"] == 5
    assert "gemiddeld 8,0 op 10" in html or "gemiddeld 8.0 op 10" in html
