"""Dashboard and report figures against the hand-built rollout (worked out in conftest.py)."""

import pytest

from rollout import selectors, summary
from schools import services
from tests.rollout.conftest import Y

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _trained_after_bulk_fixture(rollout):
    """The shared fixture trains teachers with ``bulk_create``, which sends no signal (like a
    data import); a bulk writer refreshes the trained set, as ``generate_rollout_data`` does."""
    summary.refresh_trained()


def test_trained_versus_delivered(rollout):
    figures = selectors.teacher_figures([Y - 1, Y])
    # Y: t1..t4 teach; t1, t2, t4 trained; t1, t3, t4 gave a lesson; only t2 is trained and idle.
    assert figures[Y] == {"teachers": 4, "trained": 3, "delivered": 3, "trained_delivered": 2, "trained_not_delivered": 1,
                          "trained_delivered_share": 67}
    assert figures[Y - 1] == {"teachers": 1, "trained": 1, "delivered": 1, "trained_delivered": 1, "trained_not_delivered": 0,
                              "trained_delivered_share": 100}


def test_trained_not_delivering_names_the_teacher_and_groep(rollout):
    rows = list(selectors.trained_not_delivering(Y))
    assert [(row.user.email, row.groep.name, row.groep.school.name) for row in rows] == [("t2@school.example", "Groep 7B", "A-school")]
    assert list(selectors.trained_not_delivering(Y - 1)) == []


def test_groepen_pupils_lessons_and_fidelity(rollout):
    figures = selectors.groep_figures([Y - 1, Y])
    current = figures[Y]
    assert (current["schools"], current["groepen"], current["groepen_given"]) == (2, 3, 2)
    assert (current["pupils"], current["pupils_reached"]) == (67, 47)  # A1 25 + B1 22; A2 gave nothing
    assert (current["deliveries"], current["lessons_given"]) == (6, 5)  # lesson 1 twice in A1 counts once
    assert (current["lessons_in_programme"], current["programme_share"]) == (15, 33)
    assert (current["planned"], current["planned_given"], current["fidelity"]) == (2, 1, 50)
    before = figures[Y - 1]
    assert (before["groepen"], before["pupils_reached"], before["lessons_given"], before["lessons_in_programme"]) == (1, 24, 3, 5)
    assert before["fidelity"] is None  # nothing planned: no percentage rather than 0 %


def test_carer_figures_are_suppressed_below_five(rollout):
    figures = selectors.carer_figures([Y - 1, Y])
    assert figures[Y] == {"started": 6, "finished": None, "module_responses": 5, "module_grade": 8.0}  # 3 finished: too few
    assert figures[Y - 1] == {"started": None, "finished": None, "module_responses": None, "module_grade": None}


def test_lesson_grades(rollout):
    grades = selectors.lesson_grades([Y - 1, Y])
    assert grades[Y] == {"lesson_responses": 6, "lesson_grade": 7.0}  # (8+6+7+9+5+7)/6
    assert grades[Y - 1] == {"lesson_responses": 0, "lesson_grade": None}


def test_status_counts_now_and_at_the_end_of_last_year(rollout):
    assert selectors.status_counts(Y) == {"interesse": 2, "intake": 1, "gepland": 1, "actief": 1, "afgerond": 0, "gepauzeerd": 0}
    # From the history: A was actief and B interesse on 31 July; the others had no history yet.
    assert selectors.status_counts(Y - 1) == {"interesse": 1, "intake": 0, "gepland": 0, "actief": 1, "afgerond": 0, "gepauzeerd": 0}


def test_progress_and_months(rollout):
    progress = {row["given"]: row["n"] for row in selectors.groep_progress(Y)}
    assert (progress[0], progress[1], progress[4]) == (1, 1, 1)  # A2 none, B1 one, A1 four lessons
    assert sum(progress.values()) == 3
    months = selectors.deliveries_per_month([Y - 1, Y])
    assert sum(row["n"] for row in months[Y]) == 6 and sum(row["n"] for row in months[Y - 1]) == 3
    assert [row["month"] for row in months[Y]][:2] == [8, 9]


def test_readiness_ranking_follows_the_rule(rollout):
    rows = selectors.readiness_rows(Y)
    # B: kick-off, trained t4, a lesson, feedback = 4; E: plan = 1; D: plan = 1 but two obstacles; C: 0.
    assert [(row["name"], row["score"]) for row in rows] == [("B-school", 4), ("E-school", 1), ("D-school", 1), ("C-school", 0)]
    assert rows[2]["obstacles"] == ["obstacle_time", "obstacle_parents"] and rows[2]["kickoff_held"] is False
    everyone = selectors.readiness_rows(Y, "all")
    assert everyone[0] | {} == everyone[0] and everyone[0]["name"] == "A-school"
    assert (everyone[0]["score"], everyone[0]["trained"], everyone[0]["teachers"], everyone[0]["lessons_given"], everyone[0]["feedback"]) == (5, 2, 3, 5, 5)


def test_never_stale_a_logged_lesson_counts_at_once(rollout, coordinator_client):
    a2, lesson = rollout["groepen"]["A2"], rollout["tree"]["lessons"][0]
    t2 = rollout["teachers"][1]
    assert selectors.teacher_figures([Y])[Y]["trained_not_delivered"] == 1
    coordinator_client.get("/admin/uitrol/")
    services.log_delivery(groep=a2, lesson=lesson, teacher=t2, date=rollout["day"], pupils_present=10, minutes=60)
    response = coordinator_client.get("/admin/uitrol/")
    assert response.context["figures"]["current"]["trained_not_delivered"] == 0
    assert response.context["figures"]["current"]["pupils_reached"] == 67


def test_planned_dates_written_in_bulk_count_at_once(rollout, coordinator_client):
    """schools.planning writes planned dates with bulk_create (no signal): still not stale, in
    the cached figures and in the per-groep summary (refreshed by the planning's audit entry)."""
    from schools.planning import save_planning

    a1, a2, lessons = rollout["groepen"]["A1"], rollout["groepen"]["A2"], rollout["tree"]["lessons"]
    assert coordinator_client.get("/admin/uitrol/").context["figures"]["current"]["planned"] == 2
    save_planning(a2, {lesson.pk: rollout["day"] for lesson in lessons})
    current = coordinator_client.get("/admin/uitrol/").context["figures"]["current"]
    assert (current["planned"], current["planned_given"]) == (7, 1)
    save_planning(a1, {lessons[4].pk: None, lessons[1].pk: rollout["day"]})  # one removed, one added: given before
    current = coordinator_client.get("/admin/uitrol/").context["figures"]["current"]
    assert (current["planned"], current["planned_given"], current["fidelity"]) == (7, 2, 29)
    assert summary.differences() == []


def test_feedback_and_households_invalidate_the_cached_figures(rollout, coordinator_client):
    from feedback.models import LessonFeedback
    from schools.models import Household

    assert coordinator_client.get("/admin/uitrol/").context["figures"]["current"]["lesson_grade"] == 7.0
    LessonFeedback.objects.filter(grade=5).update(grade=5)  # an UPDATE without change: no signal needed
    feedback = LessonFeedback.objects.get(grade=5)
    feedback.grade = 11 - 5
    feedback.save()
    assert coordinator_client.get("/admin/uitrol/").context["figures"]["current"]["lesson_grade"] == 7.2  # (8+6+7+9+6+7)/6
    Household.objects.filter(groep=rollout["groepen"]["A1"]).first().delete()
    assert coordinator_client.get("/admin/uitrol/").context["figures"]["current"]["started"] == 5
