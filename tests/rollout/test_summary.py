"""The summary tables (``rollout.summary``) stay exact on the real write paths, so the very next
render after a write shows it, with the summary and the cached figures both in place."""

from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from feedback import services as feedback_services
from lessons import services as lesson_services
from rollout import selectors, summary
from rollout.models import GroepSummary, TrainedTeacher
from schools import services
from tests.rollout.conftest import Y

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _trained_after_bulk_fixture(rollout):
    """The shared fixture trains teachers with ``bulk_create``, which sends no signal (like a
    data import); a bulk writer refreshes the trained set, as ``generate_rollout_data`` does."""
    summary.refresh_trained()


def _ranking_row(client, name, **query):
    response = client.get(reverse("rollout:report"), {"scope": "all", **query})
    return next(row for row in response.context["rows"] if row["name"] == name)


def _xlsx_row(client, name):
    content = client.get(reverse("rollout:report"), {"scope": "all", "export": "xlsx"}).content
    return next(row for row in load_workbook(BytesIO(content))["Ranglijst"].iter_rows(values_only=True) if row[1] == name)


def test_a_delivery_logged_shows_in_the_very_next_render(rollout, coordinator_client):
    """Every view rendered (and cached) first; one lesson logged through ``schools.services``;
    the next dashboard, ranking, export and drill-down all count it."""
    a2, lesson, t2 = rollout["groepen"]["A2"], rollout["tree"]["lessons"][0], rollout["teachers"][1]
    dashboard = coordinator_client.get(reverse("rollout:dashboard")).context["figures"]["current"]
    assert (dashboard["deliveries"], dashboard["groepen_given"], dashboard["pupils_reached"], dashboard["lessons_given"]) == (6, 2, 47, 5)
    assert _ranking_row(coordinator_client, "A-school")["lessons_given"] == 5
    assert _xlsx_row(coordinator_client, "A-school")[11] == 5
    school_url = reverse("rollout:school", args=[rollout["schools"]["A"].pk])
    assert coordinator_client.get(school_url).context["readiness"]["lessons_given"] == 5

    services.log_delivery(groep=a2, lesson=lesson, teacher=t2, date=rollout["day"], pupils_present=10, minutes=45)

    dashboard = coordinator_client.get(reverse("rollout:dashboard")).context["figures"]["current"]
    assert (dashboard["deliveries"], dashboard["groepen_given"], dashboard["pupils_reached"], dashboard["lessons_given"]) == (7, 3, 67, 6)
    assert (dashboard["minutes"], dashboard["trained_not_delivered"]) == (6 * 60 + 45, 0)
    assert {row["given"]: row["n"] for row in dashboard_progress(coordinator_client)}[0] == 0  # A2 left "no lesson yet"
    assert _ranking_row(coordinator_client, "A-school")["lessons_given"] == 6
    assert _xlsx_row(coordinator_client, "A-school")[11] == 6
    assert coordinator_client.get(school_url).context["readiness"]["lessons_given"] == 6
    assert summary.differences() == []


def dashboard_progress(client):
    return client.get(reverse("rollout:dashboard")).context["figures"]["progress"]


def test_every_write_path_keeps_the_summary_exact(rollout):
    a1, a2, b1 = rollout["groepen"]["A1"], rollout["groepen"]["A2"], rollout["groepen"]["B1"]
    lessons, module = rollout["tree"]["lessons"], rollout["tree"]["modules"][1]
    t2 = rollout["teachers"][1]
    assert summary.differences() == []
    delivery = services.log_delivery(groep=a2, lesson=lessons[4], teacher=t2, date=rollout["day"], pupils_present=9, minutes=30)
    feedback_services.save_lesson_feedback(delivery, grade=9, pupils_engaged=4, fits_groep=4, preparation_feasible=4, time_sufficient=4)
    assert GroepSummary.objects.get(groep=a2).lesson_grade_sum == 9
    services.update_delivery(delivery, groep=b1, teacher=rollout["teachers"][3], minutes=50)  # moved to another groep: both rows follow
    assert (GroepSummary.objects.get(groep=a2).deliveries, GroepSummary.objects.get(groep=b1).minutes) == (0, 110)
    assert summary.differences() == []
    household = services.create_household(b1)
    services.start_module(household, module)
    services.complete_module(household, module)
    feedback_services.save_module_feedback(household, module, grade=7, useful=4, recommend="ja")
    assert summary.differences() == []
    household.delete()  # cascades to its progress and feedback
    services.remove_delivery(delivery)
    assert summary.differences() == []
    lessons[0].unpublish()  # A1 and B1 gave it: "different live lessons given" drops for them only
    assert (GroepSummary.objects.get(groep=a1).lessons_given, GroepSummary.objects.get(groep=b1).lessons_given) == (3, 0)
    a1.delete()
    assert summary.differences() == []


def test_trained_follows_the_course(rollout):
    t3, course = rollout["teachers"][2], rollout["tree"]["course"]
    assert selectors.teacher_figures([Y])[Y]["trained"] == 3
    lesson_services.mark_module_done(t3, course[1])
    assert TrainedTeacher.objects.filter(user=t3).exists() and selectors.teacher_figures([Y])[Y]["trained"] == 4
    lesson_services.undo_module_done(t3, course[0])
    assert selectors.teacher_figures([Y])[Y]["trained"] == 3
    course[0].unpublish()  # one live module left: t3 has done it
    assert selectors.teacher_figures([Y])[Y]["trained"] == 4
    assert summary.differences() == []


def test_rebuild_command_checks_and_repairs(rollout):
    call_command("rebuild_rollout_summary", "--check", stdout=StringIO())
    GroepSummary.objects.filter(groep=rollout["groepen"]["A1"]).update(deliveries=99)
    TrainedTeacher.objects.all().delete()
    with pytest.raises(CommandError, match="deliveries is 99, should be 5"):
        call_command("rebuild_rollout_summary", "--check", stdout=StringIO())
    call_command("rebuild_rollout_summary", stdout=StringIO())
    assert summary.differences() == []
