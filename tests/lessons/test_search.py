"""Search over lessons and modules respects who may see what; PostgreSQL full text on PostgreSQL."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.search.backends import get_search_backend

from . import factories as f

pytestmark = pytest.mark.django_db


def titles(response):
    return [a.get_text(strip=True) for a in BeautifulSoup(response.content, "html.parser").select(".search-results h3 a")]


@pytest.fixture
def searchable(tree):
    f.class_lesson(tree["klas"], 7, "Informatie en invloed",
                   steps=[f.step("Drie vragen", [f.paragraph("<p>Wie maakte dit bericht, en waarom?</p>")])])
    f.home_module(tree["thuis"], 5, "Informatie en media")
    f.course_module(tree["cursus"], 3, "Informatie delen met ouders")
    return tree


def test_anonymous_visitors_only_find_carers_modules(client, searchable):
    response = client.get("/zoeken/", {"q": "informatie"})
    assert response.status_code == 200
    assert titles(response) == ["5. Informatie en media"]


def test_teachers_find_lessons_modules_and_course(client, searchable, teacher):
    client.force_login(teacher)
    found = titles(client.get("/zoeken/", {"q": "informatie"}))
    assert sorted(found) == ["3. Informatie delen met ouders", "5. Informatie en media", "7. Informatie en invloed"]


def test_stream_content_is_searchable(client, searchable, teacher):
    client.force_login(teacher)
    assert titles(client.get("/zoeken/", {"q": "bericht"})) == ["7. Informatie en invloed"]


def test_empty_and_overlong_queries_are_harmless(client, searchable):
    assert client.get("/zoeken/").status_code == 200
    response = client.get("/zoeken/", {"q": "x" * 5000})
    assert response.status_code == 200 and "0 resultaten" in response.content.decode()


def test_the_database_backend_uses_postgres_full_text_on_postgresql():
    backend = type(get_search_backend()).__name__
    expected = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}.get(connection.vendor)
    assert backend == expected, (connection.vendor, backend)
    if connection.vendor == "postgresql":
        assert get_search_backend().config == "dutch"


def test_dutch_words_find_their_inflections_on_postgresql_and_exact_words_everywhere(client, searchable, teacher):
    client.force_login(teacher)
    assert titles(client.get("/zoeken/", {"q": "vragen"})) == ["7. Informatie en invloed"]  # step title "Drie vragen"
    if connection.vendor == "postgresql":  # Dutch stemming: the plural finds the singular in the text
        assert titles(client.get("/zoeken/", {"q": "berichten"})) == ["7. Informatie en invloed"]
