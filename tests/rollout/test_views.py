"""The admin views: coordinators only, bad filters answered in Dutch, export equals screen,
and a query count per view that does not grow with the data."""

import datetime
from io import BytesIO

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from lessons import services as lesson_services
from rollout import columns, summary
from schools.models import School
from tests.factories import TeacherFactory, UserFactory
from tests.rollout.conftest import Y, deliver, make_groep, make_school

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _trained_after_bulk_fixture(rollout):
    """The shared fixture trains teachers with ``bulk_create``, which sends no signal (like a
    data import); a bulk writer refreshes the trained set, as ``generate_rollout_data`` does."""
    summary.refresh_trained()


def urls(rollout):
    return [reverse("rollout:dashboard"), reverse("rollout:report"), reverse("rollout:report") + "?export=xlsx",
            reverse("rollout:trained_not_delivering"), reverse("rollout:school", args=[rollout["schools"]["A"].pk]),
            reverse("rollout:groep", args=[rollout["groepen"]["A1"].pk])]


def test_anonymous_visitors_are_sent_to_the_login(client, rollout):
    for url in urls(rollout):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url


@pytest.mark.parametrize("kind", ["teacher", "staff_without_role"])
def test_others_get_nothing(client, rollout, kind):
    user = TeacherFactory() if kind == "teacher" else UserFactory(is_staff=True)
    if kind == "staff_without_role":
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for url in urls(rollout):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"A-school" not in response.content and b"t2@school.example" not in response.content
    home = client.get(reverse("wagtailadmin_home"))
    assert b"rollout-summary" not in home.content


def test_coordinator_sees_every_view(coordinator_client, rollout):
    for url in urls(rollout):
        assert coordinator_client.get(url).status_code == 200, url


def test_dashboard_shows_trained_versus_delivered_first_and_links_to_who(coordinator_client, rollout):
    response = coordinator_client.get(reverse("rollout:dashboard"))
    html = response.content.decode()
    assert html.index("Getraind versus lessen gegeven") < html.index("Kerncijfers") < html.index("Scholen per status")
    assert reverse("rollout:trained_not_delivering") in html
    assert "<svg" in html and "<script" not in html.split('id="main"')[-1].split("</main>")[0]
    follow_up = coordinator_client.get(reverse("rollout:trained_not_delivering"))
    assert b"t2@school.example" in follow_up.content and b"t1@school.example" not in follow_up.content


def test_admin_home_panel_for_coordinators(coordinator_client, rollout):
    html = coordinator_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "rollout-summary" in html and "3 leerkrachten getraind, van wie 2 lessen gaven" in html


def test_small_numbers_are_suppressed_on_screen(coordinator_client, rollout):
    html = coordinator_client.get(reverse("rollout:groep", args=[rollout["groepen"]["A0"].pk])).content.decode()
    assert "te weinig antwoorden" in html  # two households in A0
    groep_a1 = coordinator_client.get(reverse("rollout:groep", args=[rollout["groepen"]["A1"].pk]))
    assert groep_a1.context["carers"] == {"started": 6, "finished": None, "module_responses": 5, "module_grade": 8.0}


# Raw query strings: full-width digits, a lone surrogate (as UTF-8 bytes), a huge number, ...
@pytest.mark.parametrize("value", ["abc", "99999999999999999999", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96", "2026%ED%B2%80", "-1",
                                   "2026.0", "%20", "%00"])
def test_odd_school_years_fall_back_with_a_dutch_message(coordinator_client, rollout, value):
    for name in ("rollout:dashboard", "rollout:report", "rollout:trained_not_delivering"):
        response = coordinator_client.get(f"{reverse(name)}?jaar={value}&scope=ALL&p=9999999999")
        assert response.status_code == 200
        assert response.context["year"] == Y
    response = coordinator_client.get(reverse("rollout:report"), {"jaar": "abc"})
    assert "Getoond wordt het huidige schooljaar" in response.content.decode()


def test_unknown_school_or_groep_is_404(coordinator_client, rollout):
    assert coordinator_client.get(reverse("rollout:school", args=[999999])).status_code == 404
    assert coordinator_client.get(reverse("rollout:groep", args=[999999])).status_code == 404


def test_ranking_on_screen_shows_the_rule(coordinator_client, rollout):
    response = coordinator_client.get(reverse("rollout:report"))
    html = response.content.decode()
    assert "Hoe de rangorde werkt" in html
    assert [row["name"] for row in response.context["rows"]] == ["B-school", "E-school", "D-school", "C-school"]


def _sheet(workbook, title):
    return [list(row) for row in workbook[title].iter_rows(values_only=True)]


@pytest.mark.parametrize("scope", ["pipeline", "all"])
def test_export_equals_screen(coordinator_client, rollout, scope):
    screen = coordinator_client.get(reverse("rollout:report"), {"scope": scope, "jaar": Y})
    export = coordinator_client.get(reverse("rollout:report"), {"scope": scope, "jaar": Y, "export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(BytesIO(export.content))
    ranking = _sheet(workbook, "Ranglijst")
    assert ranking[0] == [str(heading) for _key, heading in columns.READINESS]
    html = screen.content.decode()
    for row, exported in zip(screen.context["rows"], ranking[1:], strict=True):
        assert exported[:6] == [row["rank"], row["name"], row["brin"], row["municipality"] or None, row["status"], row["score"]]
        assert exported[8:13] == [row["groepen"], row["teachers"], row["trained"], row["lessons_given"], row["feedback"]]
        assert exported[6:8] == ["ja" if row["kickoff_held"] else "nee", "ja" if row["plan"] else "nee"]
        assert row["name"] in html
    assert len(ranking) - 1 == len(screen.context["rows"]) == (5 if scope == "all" else 4)
    summary = _sheet(workbook, "Overzicht")
    dashboard = coordinator_client.get(reverse("rollout:dashboard"), {"jaar": Y})
    for line, exported in zip(dashboard.context["summary"], summary[1:], strict=True):
        assert exported[0] == str(line["label"])
        assert exported[1:] == [("" if v is None else v) or None if v in (None, "") else v for v in (line["before"], line["current"])]


def _more_data(rollout, n):
    """``n`` more schools, each with a groep, a trained teacher and a given lesson (through the
    real write paths, so the summary tables follow)."""
    lessons = rollout["tree"]["lessons"]
    for i in range(n):
        school = make_school(f"Extra {i}", f"{10 + School.objects.count():02d}XY", "gepland", kickoff=rollout["day"])
        teacher = TeacherFactory()
        for module in rollout["tree"]["course"]:
            lesson_services.mark_module_done(teacher, module)
        groep = make_groep(school, "Groep 8", Y, 20, rollout["tree"]["klas"], teacher)
        deliver(groep, lessons[0], teacher, rollout["day"], grade=7)
        deliver(groep, lessons[1], teacher, rollout["day"] + datetime.timedelta(days=0))


# Pinned per view; the second half of each test adds schools and asserts the same count.
QUERIES = {
    # 11 of each are the Wagtail admin's own (session, user, permissions, menu, locales). The
    # dashboard and export read the per-groep summary: 20 (were 25 before it).
    "rollout:dashboard": 20, "rollout:report": 17, "report_xlsx": 20, "rollout:trained_not_delivering": 13,
    "rollout:school": 16, "rollout:groep": 16,
}


# The same views answered from the cache (figures unchanged since the request before); the
# coordinator's roles are kept too (home.roles), which the cleared cache above had dropped.
CACHED_QUERIES = {
    "rollout:dashboard": 11, "rollout:report": 11, "report_xlsx": 6, "rollout:trained_not_delivering": 12,
    "rollout:school": 15, "rollout:groep": 15,
}


def _view_urls(rollout):
    return {
        "rollout:dashboard": reverse("rollout:dashboard"), "rollout:report": reverse("rollout:report") + "?scope=all",
        "report_xlsx": reverse("rollout:report") + "?export=xlsx&scope=all",
        "rollout:trained_not_delivering": reverse("rollout:trained_not_delivering"),
        "rollout:school": reverse("rollout:school", args=[rollout["schools"]["A"].pk]),
        "rollout:groep": reverse("rollout:groep", args=[rollout["groepen"]["A1"].pk]),
    }


@pytest.mark.parametrize("view", ["rollout:dashboard", "rollout:report", "report_xlsx", "rollout:trained_not_delivering",
                                  "rollout:school", "rollout:groep"])
def test_query_count_does_not_grow_with_the_data(coordinator_client, rollout, django_assert_num_queries, view):
    url = _view_urls(rollout)[view]
    _more_data(rollout, 3)  # lesson 1 now has enough feedback for the "aandacht nodig" check to run in full
    coordinator_client.get(url)  # warm the session and per-process caches
    cache.clear()  # measure the computing request, not a cached answer
    with django_assert_num_queries(QUERIES[view]):
        coordinator_client.get(url)
    _more_data(rollout, 12)
    cache.clear()
    with django_assert_num_queries(QUERIES[view]):
        coordinator_client.get(url)
    with django_assert_num_queries(CACHED_QUERIES[view]):
        coordinator_client.get(url)
