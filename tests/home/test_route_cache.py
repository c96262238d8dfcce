"""The route cache (``home.route_cache``) answers "which page is this path" for everyone: it must
never carry one visitor's data to the next, nor outlive a restriction or an unpublish."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from home import route_cache
from schools import schoolyear
from schools.models import Groep, School, SchoolStatus
from tests.pages import programme_tree

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(db):
    return programme_tree(lessons=[1, 2])


def groep_of(teacher, tree, name, brin):
    school = School.objects.create(name=f"School {brin}", brin=brin, municipality="Eindhoven", status=SchoolStatus.ACTIVE,
                                   contact_name="Contact", contact_email=f"{brin.lower()}@school.example")
    groep = Groep.objects.create(school=school, school_year=schoolyear.current_school_year(), name=name,
                                 year_levels=[7], pupil_count=20, programme=tree["klas"])
    groep.teachers.add(teacher)
    return groep


def route_entries():
    return [key for key in cache._cache if ":bounce:route:" in key]


def test_a_cached_route_shows_the_next_teacher_only_their_own_groepen(client, tree, teacher, other_teacher):
    groep_of(teacher, tree, "Groep 7 Zonnebloem", "11AA")
    groep_of(other_teacher, tree, "Groep 8 Klaproos", "22BB")
    lesson = tree["lessons"][0]
    client.force_login(teacher)
    client.get(lesson.url)
    assert "Groep 7 Zonnebloem" in client.get(lesson.url).content.decode()
    assert route_entries(), "the lesson's route is cached"

    client.force_login(other_teacher)
    html = client.get(lesson.url).content.decode()
    assert "Groep 8 Klaproos" in html and "Groep 7 Zonnebloem" not in html


def test_the_stored_page_carries_its_fields_and_nothing_a_request_hung_on_it(tree):
    lesson = tree["lessons"][0].specific
    lesson.groepen_of_visitor = ["Groep 7 Zonnebloem"]  # what a hook or template might leave behind
    stored = route_cache._pristine(lesson)
    assert not hasattr(stored, "groepen_of_visitor")
    assert (stored.pk, stored.title, stored.url_path, stored.in_class.raw_data) == (
        lesson.pk, lesson.title, lesson.url_path, lesson.in_class.raw_data)


def test_a_restriction_added_after_the_route_was_cached_applies_at_once(client, tree):
    module = tree["modules"][0]
    client.get(module.url)
    assert client.get(module.url).status_code == 200  # routed from the cache now
    restriction = PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Coördinatoren"))
    response = client.get(module.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_restricted_page_first_seen_by_an_allowed_visitor_stays_closed_to_others(client, tree, teacher):
    module = tree["modules"][0]
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(teacher)
    client.get(module.url)
    assert client.get(module.url).status_code == 200
    client.logout()
    response = client.get(module.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_an_unpublished_page_is_gone_at_once(client, tree):
    module = tree["modules"][0]
    client.get(module.url)
    assert client.get(module.url).status_code == 200
    module.unpublish()
    assert client.get(module.url).status_code == 404
