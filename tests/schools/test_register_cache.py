"""The register panel from the cache (schools.register_cache): every write it depends on shows
on the very next request, and one teacher never sees another's groepen."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from schools import services
from schools.models import Groep
from tests.lessons import factories as lf
from tests.production.test_redis_down import DOWN, flaky_cache  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def panel(client, lesson) -> list[str]:
    html = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    return [button.get_text(" ", strip=True) for button in html.select(".lesson-register button")]


def test_a_logged_lesson_shows_as_given_on_the_next_request(client, teacher, groep_a, tree):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 7A"]
    client.get(lesson.url)  # now from the cache
    services.log_delivery(
        groep=groep_a, lesson=lesson, teacher=teacher, date=timezone.localdate() - datetime.timedelta(days=2)
    )
    html = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    assert "al gegeven op" in html.select_one(".lesson-register").get_text(" ", strip=True)
    services.remove_delivery(groep_a.deliveries.get())
    assert (
        "al gegeven op"
        not in BeautifulSoup(client.get(lesson.url).content, "html.parser").select_one(".lesson-register").get_text()
    )


def test_groepen_and_teachers_changed_show_at_once(client, teacher, other_teacher, groep_a, school_a, tree):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 7A"]
    groep_a.name = "Groep 7 Zon"
    groep_a.save()
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 7 Zon"]
    second = Groep.objects.create(
        school=school_a, name="Groep 8", year_levels=[8], pupil_count=20, programme=tree["klas"]
    )
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 7 Zon"]  # not hers yet
    second.teachers.add(teacher)
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 7 Zon", "Les 1 vandaag gegeven aan Groep 8"]
    groep_a.teachers.remove(teacher)
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 8"]
    second.delete()
    assert panel(client, lesson) == []

    # Another teacher of the same lesson has a cache entry of her own.
    groep_a.teachers.set([other_teacher])
    client.force_login(other_teacher)
    assert panel(client, lesson) == ["Les 1 vandaag gegeven aan Groep 7 Zon"]
    client.force_login(teacher)
    assert panel(client, lesson) == []


def test_a_groep_moved_to_another_programme_loses_the_panel(client, teacher, groep_a, tree):
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert panel(client, lesson)
    other = lf.programme(tree["home"], "klas", "ander", "Ander programma")
    groep_a.programme = other
    groep_a.save()
    assert panel(client, lesson) == []


def test_a_new_school_year_turns_the_panel_over_without_a_write(client, teacher, groep_a, tree, monkeypatch):
    from schools import schoolyear

    lesson = tree["lessons"][0]
    client.force_login(teacher)
    assert panel(client, lesson)
    monkeypatch.setattr(schoolyear, "current_school_year", lambda: groep_a.school_year + 1)
    assert panel(client, lesson) == []  # her groep is last year's


@pytest.mark.usefixtures("flaky_cache")
def test_a_lesson_logged_while_redis_is_down_is_never_hidden_afterwards(client, teacher, groep_a, tree):
    """Redis down: the panel is computed without the cache; back with its old keys, the register
    version is restarted (RESET_KEYS), so the panel cached before the outage is never shown."""
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    for _ in range(2):  # cached under the register version
        assert "al gegeven" not in register_text(client, lesson)
    DOWN["now"] = True
    services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher, date=timezone.localdate())
    assert "al gegeven" in register_text(client, lesson)
    DOWN["now"] = False  # back, with every key it had before
    assert "al gegeven" in register_text(client, lesson)


def register_text(client, lesson) -> str:
    response = client.get(lesson.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".lesson-register").get_text(" ", strip=True)
