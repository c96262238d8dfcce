"""``feedback.demo.load`` on the schools demo's shape (pilot school 12AB, teacher A): believable
sample answers, marked as sample content, enough for lessons 1-2 and module 1 to pass the
small-numbers rule and too few for lesson 3 and module 2."""

import io

import pytest

from feedback import demo, selectors
from feedback.models import LessonFeedback, ModuleFeedback
from tests.factories import TeacherFactory


@pytest.mark.django_db
def test_demo_passes_suppression_for_one_lesson_and_module_not_another(groep_a, groep_b, tree, deliver):
    teacher = TeacherFactory(email="leerkracht.a@bounce.example")
    for lesson in tree["lessons"][:2]:  # this year's two pilot groepen, as the schools demo logs them
        deliver(groep_a, lesson, who=teacher)
        deliver(groep_a, lesson, who=teacher)
    demo.load(io.StringIO())
    rows = {row["number"]: row for row in selectors.lesson_rows(school=groep_a.school_id)}
    assert (rows[1]["suppressed"], rows[2]["suppressed"], rows[3]["suppressed"]) == (False, False, True)
    modules = {row["number"]: row["suppressed"] for row in selectors.module_rows()}
    assert modules == {1: False, 2: True}
    texts = [t for t in LessonFeedback.objects.values_list("what_worked", flat=True) if t]
    texts += [t for t in ModuleFeedback.objects.values_list("comment", flat=True) if t]
    assert texts and all(text.startswith("Voorbeeldinhoud") for text in texts)
    assert selectors.theme_counts(LessonFeedback), "sample answers are tagged with themes"
