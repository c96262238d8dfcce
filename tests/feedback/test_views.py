"""Front-end forms as an outsider would use them: only one's own deliveries, CSRF, honeypot,
rate limit, odd input (look-alike digits, huge numbers, lone surrogates) gives a Dutch message
and saves nothing; the year survey link works once."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from feedback import conf, services
from feedback.models import CourseFeedback, LessonFeedback, ModuleFeedback
from schools import conf as school_conf

GOOD_LESSON = {"grade": "8", "pupils_engaged": "4", "fits_groep": "4", "preparation_feasible": "3", "time_sufficient": "2",
               "what_worked": "<script>alert(1)</script>", "what_to_change": ""}
GOOD_MODULE = {"grade": "8", "useful": "4", "recommend": "ja", "comment": ""}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def carer(groep_a):
    client = Client()
    response = client.post("/ouders/", {"code": groep_a.carer_code})
    assert school_conf.HOUSEHOLD_COOKIE in response.cookies
    return client


@pytest.mark.django_db
def test_teacher_rates_own_delivery_and_text_is_escaped(client, teacher, groep_a, lesson_with_exercises, deliver):
    delivery = deliver(groep_a, lesson_with_exercises)
    client.force_login(teacher)
    url = reverse("feedback:lesson_feedback", args=[delivery.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Talentenjacht" in page.content.decode() and "Overslaan" in page.content.decode()
    block = services.lesson_exercises(lesson_with_exercises)[0]["block_id"]
    response = client.post(url, GOOD_LESSON | {"skipped": [block]})
    assert response.status_code == 302 and response["Location"] == reverse("schools:groep_detail", args=[groep_a.pk])
    feedback = LessonFeedback.objects.get()
    assert (feedback.grade, feedback.skipped_exercises.get().title) == (8, "Talentenjacht")
    again = client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in again and "<script>alert(1)" not in again


@pytest.mark.django_db
def test_other_teacher_and_coordinator_get_404_and_change_nothing(client, other_teacher, coordinator, groep_a, lesson_with_exercises, deliver):
    delivery = deliver(groep_a, lesson_with_exercises)
    url = reverse("feedback:lesson_feedback", args=[delivery.pk])
    for user in (other_teacher, coordinator):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url, GOOD_LESSON).status_code == 404
    assert not LessonFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field,value", [("grade", "11"), ("grade", "８"), ("grade", "9" * 40), ("grade", "7.0"), ("time_sufficient", ""),
                                         ("what_worked", "x" * 1001), ("skipped", "onbekend")])
def test_bad_lesson_input_gives_dutch_message_and_saves_nothing(client, teacher, groep_a, lesson_with_exercises, deliver, field, value):
    delivery = deliver(groep_a, lesson_with_exercises)
    client.force_login(teacher)
    response = client.post(reverse("feedback:lesson_feedback", args=[delivery.pk]), GOOD_LESSON | {field: value})
    assert response.status_code == 400
    assert any(text in response.content.decode() for text in ("Kies een", "Gebruik hoogstens", "Kies alleen", "ongeldig", "Kies een antwoord"))
    assert not LessonFeedback.objects.exists()


@pytest.mark.django_db
def test_lone_surrogate_bytes_do_not_break_the_form(client, teacher, groep_a, lesson_with_exercises, deliver):
    """A browser cannot send a lone surrogate; broken UTF-8 bytes arrive as replacement characters."""
    delivery = deliver(groep_a, lesson_with_exercises)
    client.force_login(teacher)
    body = "&".join(f"{key}={value}" for key, value in GOOD_LESSON.items() if key != "what_worked") + "&what_worked=%ED%A0%80ok"
    response = client.post(reverse("feedback:lesson_feedback", args=[delivery.pk]), body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    assert LessonFeedback.objects.get().what_worked.endswith("ok") and "\ud800" not in LessonFeedback.objects.get().what_worked


@pytest.mark.django_db
def test_carer_answers_once_per_module_second_answer_updates(carer, tree):
    url = reverse("feedback:module_feedback", args=[tree["modules"][0].pk])
    assert carer.get(url).status_code == 200
    assert carer.post(url, GOOD_MODULE).status_code == 302
    assert carer.post(url, GOOD_MODULE | {"grade": "6", "comment": "Kort"}).status_code == 302
    assert list(ModuleFeedback.objects.values_list("grade", "comment")) == [(6, "Kort")]


@pytest.mark.django_db
def test_carer_form_needs_a_household_and_csrf(client, groep_a, tree):
    url = reverse("feedback:module_feedback", args=[tree["modules"][0].pk])
    assert client.get(url)["Location"] == reverse("schools:carer_entry")
    strict = Client(enforce_csrf_checks=True)
    strict.post("/ouders/", {"code": groep_a.carer_code})
    assert strict.post(url, GOOD_MODULE).status_code == 403
    assert not ModuleFeedback.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("bad", [{"grade": "0"}, {"useful": "6"}, {"recommend": "JA"}, {"recommend": "jа"}, {"grade": "1e3"}])
def test_carer_out_of_range_values_save_nothing(carer, tree, bad):
    response = carer.post(reverse("feedback:module_feedback", args=[tree["modules"][0].pk]), GOOD_MODULE | bad)
    assert response.status_code == 400 and "Kies een van de antwoorden" in response.content.decode()
    assert not ModuleFeedback.objects.exists()


@pytest.mark.django_db
def test_honeypot_thanks_the_bot_and_saves_nothing(carer, tree):
    response = carer.post(reverse("feedback:module_feedback", args=[tree["modules"][0].pk]), GOOD_MODULE | {"website": "spam"})
    assert response.status_code == 302 and not ModuleFeedback.objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_address(carer, tree, monkeypatch):
    monkeypatch.setattr(conf, "CARER_ATTEMPTS", 2)
    url = reverse("feedback:module_feedback", args=[tree["modules"][0].pk])
    assert [carer.post(url, GOOD_MODULE).status_code for _n in range(3)] == [302, 302, 429]


@pytest.mark.django_db
def test_module_of_another_programme_is_404(carer, tree):
    assert carer.get(reverse("feedback:module_feedback", args=[tree["lessons"][0].pk])).status_code == 404


@pytest.mark.django_db
def test_course_feedback_for_teachers(client, teacher):
    url = reverse("feedback:course_feedback")
    assert client.get(url).status_code == 302  # to the login
    client.force_login(teacher)
    assert client.post(url, {"preparedness": "6"}).status_code == 400
    assert client.post(url, {"preparedness": "3", "what_would_help": "Een voorbeeldles"}).status_code == 302
    assert CourseFeedback.objects.get(teacher=teacher).preparedness == 3


@pytest.mark.django_db
def test_year_survey_link_works_once(client, school_a):
    survey = services.create_year_survey(school_a, 2026, send=False)
    url = reverse("feedback:year_survey", args=[survey.token])
    assert client.get(url).status_code == 200
    bad = client.post(url, {"continue_next_year": "ja", "extend_to_other_groepen": "nee", "recommend_score": "11"})
    assert bad.status_code == 400
    answers = {"continue_next_year": "ja", "extend_to_other_groepen": "nee", "recommend_score": "0", "obstacle_parents": "on",
               "obstacle_other_text": "Roosterwisselingen", "comment": "Dank"}
    assert client.post(url, answers).status_code == 200
    survey.refresh_from_db()
    assert (survey.recommend_score, survey.obstacle_parents, survey.obstacle_other, survey.obstacle_other_text) == (0, True, True, "Roosterwisselingen")
    assert client.get(url).status_code == 410
    assert client.post(url, answers).status_code == 410
    assert client.get(reverse("feedback:year_survey", args=["onbekend"])).status_code == 404
