"""Feedback's answers to the schools hooks: after logging a lesson the teacher is offered the
form (skippable), the register links to it per delivery, a finished thuismodule leads to the
carer's three questions."""

import pytest
from django.urls import reverse

from feedback import services
from feedback.models import LessonFeedback


@pytest.mark.django_db
def test_logging_a_lesson_offers_the_feedback_form(client, teacher, groep_a, tree):
    client.force_login(teacher)
    response = client.post(reverse("schools:log_delivery", args=[groep_a.pk]), {"quick": "1", "lesson": tree["lessons"][0].pk})
    delivery = groep_a.deliveries.get()
    assert response["Location"] == reverse("feedback:lesson_feedback", args=[delivery.pk])
    form = client.get(response["Location"]).content.decode()
    assert "Hoe ging de les?" in form and reverse("schools:groep_detail", args=[groep_a.pk]) in form  # "Overslaan"


@pytest.mark.django_db
def test_register_links_to_feedback_per_delivery_in_one_query(client, teacher, groep_a, tree, deliver, django_assert_num_queries):
    from feedback.wagtail_hooks import lesson_feedback_actions

    given = deliver(groep_a, tree["lessons"][0])
    services.save_lesson_feedback(given, grade=7, pupils_engaged=4, fits_groep=4, preparation_feasible=4, time_sufficient=4)
    open_one = deliver(groep_a, tree["lessons"][1])
    with django_assert_num_queries(1):
        actions = lesson_feedback_actions(None, [given, open_one])
    assert [a["label"] for a in actions[given.pk]] == ["Feedback wijzigen"]
    assert [a["label"] for a in actions[open_one.pk]] == ["Feedback geven"]
    client.force_login(teacher)
    html = client.get(reverse("schools:groep_detail", args=[groep_a.pk])).content.decode()
    assert reverse("feedback:lesson_feedback", args=[open_one.pk]) in html and "Feedback geven" in html
    assert LessonFeedback.objects.count() == 1


@pytest.mark.django_db
def test_finishing_a_module_offers_the_carer_questions(client, groep_a, tree):
    client.post("/ouders/", {"code": groep_a.carer_code})
    module = tree["modules"][0]
    response = client.post(reverse("schools:module_completed", args=[module.pk]), {"next": reverse("schools:carer_home")})
    assert response["Location"] == reverse("feedback:module_feedback", args=[module.pk])
    assert "Zou u dit andere ouders aanraden?" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_one_click_logging_offers_the_feedback_form_beside_the_undo(client, teacher, groep_a, tree):
    """The one-click log keeps the teacher on the page with its undo; the feedback form is offered there."""
    client.force_login(teacher)
    groep_page = reverse("schools:groep_detail", args=[groep_a.pk])
    response = client.post(reverse("schools:quick_log", args=[groep_a.pk]),
                           {"lesson": tree["lessons"][0].pk, "next": groep_page})
    assert response.status_code == 302 and response["Location"] == groep_page
    delivery = groep_a.deliveries.get()
    html = client.get(groep_page).content.decode()
    assert reverse("schools:undo_quick_log", args=[delivery.pk]) in html
    assert reverse("feedback:lesson_feedback", args=[delivery.pk]) in html and "Hoe ging de les? Geef feedback" in html


@pytest.mark.django_db
def test_the_course_questions_are_offered_once_the_course_is_done(client, teacher, tree):
    from lessons.models import CourseProgress

    client.force_login(teacher)
    course_url = tree["cursus"].url
    offer = reverse("feedback:course_feedback")
    CourseProgress.objects.create(user=teacher, module=tree["course"][0])
    assert offer not in client.get(course_url).content.decode()  # one of two modules done
    CourseProgress.objects.create(user=teacher, module=tree["course"][1])
    html = client.get(course_url).content.decode()
    assert offer in html and "Hoe voorbereid voelt u zich?" in html
