"""Aggregations against hand-computed numbers, small-numbers suppression at 4 and 5 answers
(whatever the filter), "aandacht nodig", themes ranked, and query counts that do not grow."""

import pytest
from django.test import override_settings

from feedback import conf, selectors, services
from feedback.models import FeedbackTheme, LessonFeedback, ModuleFeedback


@pytest.fixture
def five_ratings(groep_a, groep_b, tree, rate):
    """Lesson 1: grades 8, 6, 7, 9, 5 (mean 7.0); time_sufficient 2, 2, 3, 1, 2 (mean 2.0)."""
    lesson = tree["lessons"][0]
    answers = [(groep_a, 8, 2), (groep_a, 6, 2), (groep_b, 7, 3), (groep_b, 9, 1), (groep_a, 5, 2)]
    return [rate(groep, lesson, grade, time_sufficient=time) for groep, grade, time in answers]


@pytest.mark.django_db
def test_lesson_row_matches_hand_computed_means(five_ratings, tree):
    [row] = selectors.lesson_rows()
    assert (row["number"], row["responses"], row["grade"], row["time_sufficient"], row["pupils_engaged"]) == (1, 5, 7.0, 2.0, 4.0)
    assert row["suppressed"] is False


@pytest.mark.django_db
def test_distribution_counts_each_value(five_ratings):
    result = selectors.lesson_distribution()
    grades = dict(result["items"]["grade"]["counts"])
    assert result["responses"] == 5
    assert [grades[value] for value in range(1, 11)] == [0, 0, 0, 0, 1, 1, 1, 1, 1, 0]
    assert dict(result["items"]["time_sufficient"]["counts"]) == {1: 1, 2: 3, 3: 1, 4: 0, 5: 0}


@pytest.mark.django_db
def test_four_answers_are_suppressed_five_are_shown(groep_a, tree, carer_answer):
    module = tree["modules"][0]
    for grade in (6, 7, 8, 9):
        carer_answer(groep_a, module, grade)
    [row] = selectors.module_rows()
    assert (row["suppressed"], row["responses"], row["grade"], row["useful"]) == (True, None, None, None)
    assert selectors.module_distribution() == {"responses": None, "suppressed": True, "items": {}}
    assert selectors.recommend_counts() is None
    carer_answer(groep_a, module, 5, recommend="nee")
    [row] = selectors.module_rows()
    assert (row["suppressed"], row["responses"], row["grade"], row["recommend_yes"]) == (False, 5, 7.0, 4)
    assert selectors.recommend_counts() == {"responses": 5, "ja": 4, "nee": 1, "weet_niet": 0}


@pytest.mark.django_db
def test_a_narrow_filter_cannot_reveal_a_small_group(five_ratings, groep_a, groep_b, school_b):
    assert selectors.lesson_rows()[0]["suppressed"] is False
    [row] = selectors.lesson_rows(school=school_b.pk)  # two of the five answers
    assert (row["suppressed"], row["grade"], row["responses"]) == (True, None, None)
    assert selectors.lesson_distribution(school=school_b.pk)["suppressed"] is True
    assert selectors.lessons_needing_attention(school=school_b.pk) == []
    assert all(month["suppressed"] for month in selectors.monthly_trend(LessonFeedback, school=school_b.pk))


@pytest.mark.django_db
def test_attention_names_the_statement_below_the_threshold(five_ratings, tree):
    [row] = selectors.lessons_needing_attention()
    assert (row["number"], row["responses"], row["mean_grade"]) == (1, 5, 7.0)
    assert row["reasons"] == ["“De tijd was voldoende” gemiddeld 2,0 op 5 (onder 3,0)"]


@pytest.mark.django_db
def test_attention_grade_threshold_comes_from_settings(five_ratings, monkeypatch):
    monkeypatch.setattr(conf, "ATTENTION_GRADE", 7.5)
    monkeypatch.setattr(conf, "ATTENTION_SCALE", 1.0)
    [row] = selectors.lessons_needing_attention()
    assert row["reasons"] == ["Rapportcijfer gemiddeld 7,0 (onder 7,5)"]
    monkeypatch.setattr(conf, "ATTENTION_GRADE", 7.0)  # not below: no row
    assert selectors.lessons_needing_attention() == []


@pytest.mark.django_db
def test_attention_for_an_exercise_skipped_in_half_the_lessons(groep_a, groep_b, lesson_with_exercises, rate, monkeypatch):
    monkeypatch.setattr(conf, "ATTENTION_SCALE", 1.0)
    block = services.lesson_exercises(lesson_with_exercises)[1]["block_id"]
    for index in range(6):
        rate(groep_a if index % 2 else groep_b, lesson_with_exercises, 8, skipped=[block] if index < 3 else [])
    [row] = selectors.lessons_needing_attention()
    assert row["reasons"] == ["Oefening “Complimentenregen” overgeslagen of aangepast in 50% van de lessen"]
    [lesson_row] = selectors.lesson_rows()
    assert (lesson_row["skips"], lesson_row["changes"], lesson_row["grade"]) == (3, 0, 8.0)  # skips do not weigh the mean


@pytest.mark.django_db
def test_themes_ranked_per_lesson(five_ratings, tree):
    time, material = FeedbackTheme.objects.create(name="Tijdgebrek"), FeedbackTheme.objects.create(name="Materiaal")
    for feedback in five_ratings[:3]:
        services.set_themes(feedback, [time])
    services.set_themes(five_ratings[3], [time, material])
    assert [(row["theme"], row["number"], row["count"]) for row in selectors.theme_counts(LessonFeedback)] == [
        ("Tijdgebrek", 1, 4), ("Materiaal", 1, 1)]


@pytest.mark.django_db
def test_carer_themes_and_comments_hidden_below_five(groep_a, tree, carer_answer):
    theme = FeedbackTheme.objects.create(name="Herkenbaar")
    answers = [carer_answer(groep_a, tree["modules"][0], 8, comment=f"Opmerking {n}") for n in range(4)]
    services.set_themes(answers[0], [theme])
    assert selectors.theme_counts(ModuleFeedback) == []
    assert selectors.open_answers(ModuleFeedback)["total"] == 0
    carer_answer(groep_a, tree["modules"][0], 8)
    assert selectors.theme_counts(ModuleFeedback)[0]["count"] == 1
    assert selectors.open_answers(ModuleFeedback)["total"] == 4


@pytest.mark.django_db
def test_school_year_filter(five_ratings, groep_a):
    assert selectors.lesson_rows(school_year=groep_a.school_year - 1) == []
    assert selectors.lesson_rows(school_year=groep_a.school_year)[0]["responses"] == 5


@pytest.mark.django_db
@override_settings(FEEDBACK_MIN_RESPONSES=5)
def test_query_counts_do_not_grow_with_the_data(groep_a, groep_b, tree, rate, carer_answer, django_assert_num_queries):
    def measure():
        with django_assert_num_queries(2):
            selectors.lesson_rows()
        with django_assert_num_queries(3):
            selectors.lessons_needing_attention()
        with django_assert_num_queries(1):
            selectors.module_rows()
        with django_assert_num_queries(2):
            selectors.theme_counts(ModuleFeedback)

    for lesson in tree["lessons"][:2]:
        for groep in (groep_a, groep_b, groep_a, groep_b, groep_a):
            rate(groep, lesson, 5)
    for _n in range(5):
        carer_answer(groep_a, tree["modules"][0], 7)
    measure()
    for lesson in tree["lessons"][2:]:
        for groep in (groep_a, groep_b, groep_a, groep_b, groep_a):
            rate(groep, lesson, 4)
    for _n in range(5):
        carer_answer(groep_a, tree["modules"][1], 7)
    measure()
