"""Admin reports: numbers per activity and per question, filters, CSV/XLSX with the same numbers."""

import csv
import io
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from h5p.models import H5PAttempt

from .packages import make_activity, record
from .test_xapi import child, completed

pytestmark = pytest.mark.django_db


@pytest.fixture
def results(db):
    """Quiz: 3 teacher attempts (1 of them not completed) and 5 household attempts, 1 old one."""
    quiz = make_activity(title="Quiz", slug="quiz")
    make_activity(title="Zonder resultaten", slug="leeg")
    for raw, completion in ((2, True), (1, True), (0, False)):
        record(quiz, "user:1", completed(raw=raw, max=2, completion=completion), [child(1, raw >= 1), child(2, raw == 2)])
    for n in range(5):
        record(quiz, f"household:{n}", completed(raw=1, max=2), [child(1, True), child(2, False)])
    old = record(quiz, "household:9", completed(raw=2, max=2), [child(1), child(2)])
    H5PAttempt.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    return quiz


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    table = soup.find("table", class_="listing")
    return {
        tr.find_all("td")[0].get_text(" ", strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")[1:]]
        for tr in table.find("tbody").find_all("tr")
    }


def test_activity_report_numbers(client, coordinator, results, django_assert_max_num_queries):
    client.force_login(coordinator)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("h5p_report"))
    assert response.status_code == 200
    table = rows(response)
    # 9 attempts; 8 completed -> 88.9 %; scaled: 1, .5, 0, 5 x .5, 1 -> 5/9 = 55.6 %
    # Grade (highest attempt per learner): teacher 1, five households .5, one household 1 -> 4.5/7
    assert table["Quiz"] == ["9", "7", "88,9", "55,6", "64,3", "Hoogste poging"]
    assert table["Zonder resultaten"][0] == "0"
    assert "zelf gerapporteerd" in response.content.decode()


def test_filters_period_and_audience(client, coordinator, results):
    client.force_login(coordinator)
    since = (timezone.localdate() - timedelta(days=30)).isoformat()
    recent = rows(client.get(reverse("h5p_report"), {"period_from": since}))
    assert recent["Quiz"][:2] == ["8", "6"]
    teachers = rows(client.get(reverse("h5p_report"), {"audience": "user"}))
    assert teachers["Quiz"] == ["3", "1", "66,7", "50,0", "100,0", "Hoogste poging"]
    carers = rows(client.get(reverse("h5p_report"), {"audience": "household", "period_from": since}))
    assert carers["Quiz"] == ["5", "5", "100,0", "50,0", "50,0", "Hoogste poging"]
    old_period = (timezone.localdate() - timedelta(days=500)).isoformat(), (timezone.localdate() - timedelta(days=300)).isoformat()
    few = rows(client.get(reverse("h5p_report"), {"audience": "household", "period_from": old_period[0], "period_to": old_period[1]}))
    # Fewer than 5 carers' attempts: counted, but no breakdown of their scores (privacy).
    assert few["Quiz"] == ["1", "1", "", "", "", "Hoogste poging"]


def test_csv_and_xlsx_exports_have_the_numbers_of_the_screen(client, coordinator, results):
    client.force_login(coordinator)
    screen = rows(client.get(reverse("h5p_report"), {"audience": "user"}))
    csv_response = client.get(reverse("h5p_report"), {"audience": "user", "export": "csv"})
    assert csv_response.status_code == 200
    text = b"".join(csv_response.streaming_content).decode() if csv_response.streaming else csv_response.content.decode()
    records = list(csv.DictReader(io.StringIO(text)))
    quiz = next(r for r in records if r["Activiteit"] == "Quiz")
    assert [quiz["Pogingen"], quiz["Deelnemers"]] == screen["Quiz"][:2]
    assert float(quiz["Afgerond (%)"]) == float(screen["Quiz"][2].replace(",", "."))
    assert float(quiz["Gemiddelde score (%, zelf gerapporteerd)"]) == float(screen["Quiz"][3].replace(",", "."))

    xlsx_response = client.get(reverse("h5p_report"), {"audience": "user", "export": "xlsx"})
    content = b"".join(xlsx_response.streaming_content) if xlsx_response.streaming else xlsx_response.content
    sheet = load_workbook(io.BytesIO(content)).active
    header = [c.value for c in sheet[1]]
    data = {row[0]: dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert data["Quiz"]["Pogingen"] == 3
    assert data["Quiz"]["Afgerond (%)"] == float(quiz["Afgerond (%)"])
    assert data["Quiz"]["Gemiddelde score (%, zelf gerapporteerd)"] == 50.0


def test_question_report_and_export(client, coordinator, results):
    client.force_login(coordinator)
    url = reverse("h5p_question_report", args=[results.pk])
    table = rows(client.get(url, {"audience": "user"}))
    # Teachers: vraag 1 right 2 of 3, vraag 2 right 1 of 3.
    assert table["Vraag 1"] == ["", "3", "66,7", "66,7"]
    assert table["Vraag 2"] == ["", "3", "33,3", "33,3"]
    response = client.get(url, {"audience": "user", "export": "csv"})
    text = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    records = {r["Vraag"]: r for r in csv.DictReader(io.StringIO(text))}
    assert records["Vraag 1"]["Antwoorden"] == "3" and float(records["Vraag 2"]["Goed (%)"]) == 33.3


def test_reports_are_for_coordinators_only(client, teacher, results):
    client.force_login(teacher)
    for url in (reverse("h5p_report"), reverse("h5p_question_report", args=[results.pk])):
        assert client.get(url).status_code in (302, 403)
        assert client.get(url, {"export": "csv"}).status_code in (302, 403)


def test_coordinator_finds_report_and_activities_in_admin_menu(client, coordinator):
    client.force_login(coordinator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("h5p_report") in html
    assert reverse("wagtailsnippets_h5p_h5pactivity:list") in html
