"""Issue 8, results tried from outside: 500s, impossible scores, rate limit, single-question
content, grading methods, small-number suppression, resume state retention, CSRF out of the
cached HTML, and the rules the player scripts read from the page."""

import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from h5p import retention, selectors
from h5p.models import GradingMethod, H5PAttempt, H5PAttemptResult, H5PState, H5PStatement

from .packages import make_activity, record
from .test_reports import rows
from .test_xapi import OBJECT, completed, post, xapi_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(db):
    return make_activity(slug="zc")


@pytest.fixture
def anon():
    """An anonymous visitor as on the public activity page, with the CSRF cookie the bridge gets."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("h5p:csrf"))
    return client


def state_url():
    return reverse("h5p:state", args=["zc"])


def nothing_stored():
    return not H5PStatement.objects.exists() and not H5PAttempt.objects.exists() and not H5PState.objects.exists()


# Point 7: what used to be a 500 is a 400 with a reason, nothing stored.

HOSTILE_BODIES = {
    "deep_nesting": ('{"statement": ' + "[" * 5000 + "]" * 5000 + "}", "geen geldige JSON"),
    "nesting_under_parser_limit": ('{"statement": {"verb": {"id": "http://x/v"}, "object": {"id": "http://x"}, "context": {"extensions": {"x": '
                                   + "[" * 500 + "]" * 500 + "}}}}", "te diep genest"),
    "huge_duration": (json.dumps({"statement": completed(duration="P9999999999D")}), "ISO 8601"),
    "absurd_duration": (json.dumps({"statement": completed(duration="P99999D")}), "onmogelijk lang"),
    "definition_string": (json.dumps({"statement": {**completed(), "object": {"id": OBJECT, "definition": "tekst"}}}), "object.definition"),
    "description_string": (json.dumps({"statement": {**completed(), "object": {"id": OBJECT, "definition": {"description": "x"}}}}), "taalkaart"),
    "lone_surrogate": ('{"statement": {"verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "http://x/\\ud800"}}}', "surrogaat"),
    "lone_surrogate_in_key": ('{"statement": {"verb": {"id": "http://x/v"}, "object": {"id": "http://x"}, "context": {"extensions": {"\\udfff": 1}}}}', "surrogaat"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_BODIES))
def test_hostile_xapi_bodies_get_400_with_reason(activity, anon, case):
    body, reason = HOSTILE_BODIES[case]
    response = post(anon, xapi_url(), body)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert nothing_stored()


def test_hostile_state_bodies_get_400(activity, anon):
    for body in ('{"state": "\\ud800"}', '{"state": ' + "[" * 5000 + "]" * 5000 + "}", '{"state": "a\\u0000b"}'):
        response = post(anon, state_url(), body)
        assert response.status_code == 400, body
        assert response.json()["error"]
    assert nothing_stored()


# Point 8: impossible scores are refused; reports never leave 0-100 %.

IMPOSSIBLE = {
    "raw_below_min": ({"raw": -1000, "max": 1}, "kleiner dan"),
    "scaled_disagrees": ({"raw": 1, "max": 10, "scaled": 1}, "klopt niet"),
    "negative_max": ({"raw": 0, "max": -1}, "negatief"),
    "min_above_max": ({"raw": 1, "max": 2, "min": 5}, "min is groter"),
    "negative_scaled": ({"scaled": -0.5}, "tussen 0 en 1"),
}


@pytest.mark.parametrize("case", sorted(IMPOSSIBLE))
def test_impossible_scores_are_refused(activity, anon, case):
    score, reason = IMPOSSIBLE[case]
    response = post(anon, xapi_url(), {"statement": completed(score=score)})
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert nothing_stored()


def test_scaled_is_computed_from_raw_and_max_when_missing(activity, anon):
    assert post(anon, xapi_url(), {"statement": completed(score={"raw": 3, "max": 4})}).status_code == 201
    assert H5PAttempt.objects.get().scaled_score == 0.75


def test_reports_ignore_scores_outside_0_100_stored_before_the_rule(activity):
    record(activity, "user:1", completed(raw=1, max=2))
    H5PAttempt.objects.create(activity=activity, learner_key="user:2", audience="user", verb="completed",
                              raw_score=-1000, max_score=1, scaled_score=-1000)
    row = selectors.activity_report().get(pk=activity.pk)
    assert row.average_score == 50.0 and row.graded_score == 50.0


# Point 9: rate limit per client address and per learner.

def _state_post(client, n, address="192.0.2.10", **extra):
    return post(client, state_url(), {"state": f'{{"n": {n}}}'}, REMOTE_ADDR=address, **extra)


def test_a_whole_groep_on_one_school_address_is_not_limited(activity):
    """30 pupils behind one router, each posting every 3 s for a minute (20 posts): all stored."""
    pupils = []
    for _ in range(30):
        client = Client(enforce_csrf_checks=True)
        client.get(reverse("h5p:csrf"))
        pupils.append(client)
    statuses = [_state_post(pupil, n).status_code for n in range(20) for pupil in pupils]
    assert statuses.count(200) == 600
    assert H5PState.objects.count() == 30


def test_one_client_flooding_under_fresh_identities_is_cut_off_at_the_address_limit(activity):
    """750 posts in a burst from one address, each as a new anonymous learner (no cookie kept)."""
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("h5p:csrf"))
    statuses = []
    for _ in range(750):
        client.cookies.pop("bounce_h5p_learner", None)
        statuses.append(post(client, xapi_url(), {"statement": completed()}, REMOTE_ADDR="198.51.100.7").status_code)
    assert statuses.count(201) == 600 and statuses.count(429) == 150
    assert H5PAttempt.objects.count() == 600
    # Another address is not affected.
    assert post(client, xapi_url(), {"statement": completed()}, REMOTE_ADDR="198.51.100.8").status_code == 201


@pytest.mark.parametrize("body", [
    b'{"statement": ' * 200 + b"1" + b"}" * 200,  # nested far deeper than any statement
    b'{"statement": {"verb": "\\ud800"}}',  # a lone surrogate
    b'{"statement": {"result": {"score": {"raw": 1e999999}}}}',  # a number no float holds
    b"\xff\xfe not JSON",
])
def test_malformed_posts_are_refused_without_counting_against_the_address(activity, anon, settings, body):
    """A malformed post stores nothing, so it is refused (400, in Dutch) before the rate limit
    counts it: a client cannot use them to lock its school's address out."""
    settings.H5P_RATE_LIMIT_ADDRESS = (2, 60)
    for _ in range(5):
        response = post(anon, xapi_url(), body, REMOTE_ADDR="198.51.100.9")
        assert response.status_code == 400 and response.json()["error"]
    assert not H5PStatement.objects.exists()
    statuses = [post(anon, xapi_url(), {"statement": completed()}, REMOTE_ADDR="198.51.100.9").status_code for _ in range(3)]
    assert statuses == [201, 201, 429]


def test_one_learner_is_limited_on_their_own(activity, anon, settings):
    settings.H5P_RATE_LIMIT_LEARNER = (5, 60)
    statuses = [_state_post(anon, n).status_code for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2
    refused = _state_post(anon, 99)
    assert refused.json()["error"].startswith("Te veel") and refused["Retry-After"] == "60"
    assert json.loads(H5PState.objects.get().data) == {"n": 4}


def test_behind_trusted_proxies_the_address_comes_from_x_forwarded_for(activity, anon, settings):
    settings.H5P_RATE_LIMIT_ADDRESS = (3, 60)
    settings.TRUSTED_PROXY_COUNT = 1
    # One proxy: the client is the last X-Forwarded-For entry; what the client wrote before it is ignored.
    for n in range(3):
        anon.cookies.pop("bounce_h5p_learner", None)
        assert _state_post(anon, n, address="10.0.0.1", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}, 203.0.113.5").status_code == 200
    assert _state_post(anon, 9, address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    assert _state_post(anon, 9, address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6").status_code == 200
    settings.TRUSTED_PROXY_COUNT = 0  # no proxy trusted: the header is the client's say, REMOTE_ADDR counts
    cache.clear()
    for n in range(3):
        assert _state_post(anon, n, address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"7.7.7.{n}").status_code == 200
    assert _state_post(anon, 9, address="10.0.0.2", HTTP_X_FORWARDED_FOR="1.1.1.1").status_code == 429


# Point 4: single-question content (TrueFalse and the like) has its question in the report.

def true_false(answer="true", right=True):
    statement = completed(raw=int(right), max=1, verb="answered", response=answer)
    statement["object"]["definition"] = {
        "description": {"nl-NL": "De aarde is rond."}, "interactionType": "true-false",
        "correctResponsesPattern": ["true"], "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
    }
    return statement


def test_single_question_statement_is_its_own_result_row_and_shows_in_the_report(client, coordinator, activity, anon):
    assert post(anon, xapi_url(), {"statement": true_false()}).status_code == 201
    record(activity, "user:2", true_false("false", right=False))
    row = H5PAttemptResult.objects.get(attempt__learner_key__startswith="anon:")
    assert (row.question, row.interaction_type, row.correct_pattern, row.response, row.scaled_score) == (
        "De aarde is rond.", "true-false", "true", "true", 1.0)
    client.force_login(coordinator)
    html = client.get(reverse("h5p_question_report", args=[activity.pk])).content.decode()
    assert "Er zijn geen resultaten" not in html
    table = rows(client.get(reverse("h5p_question_report", args=[activity.pk]), {"audience": "user"}))
    assert table["De aarde is rond."] == ["true", "1", "0,0", "0,0"]


def test_a_statement_with_sub_questions_keeps_only_those_as_rows(activity):
    from .test_xapi import child

    record(activity, "user:1", true_false(), [child(1), child(2)])
    assert sorted(H5PAttemptResult.objects.values_list("question", flat=True)) == ["Vraag 1", "Vraag 2"]


# Point 5: grading method per activity, as Moodle does.

@pytest.mark.parametrize(
    "method, expected",
    [(GradingMethod.HIGHEST, 75.0), (GradingMethod.AVERAGE, 37.5), (GradingMethod.FIRST, 25.0), (GradingMethod.LAST, 25.0)],
)
def test_grading_method_picks_the_attempt_per_learner(activity, method, expected, django_assert_num_queries):
    """Learner A: 0.5, 1.0, 0 (in that order); learner B: 0, 0.5. Highest (1 + .5)/2, average
    (.5 + .25)/2, first (.5 + 0)/2, last (0 + .5)/2."""
    activity.grading_method = method
    activity.save()
    now = timezone.now()
    for n, (learner, raw) in enumerate([("user:1", 1), ("user:1", 2), ("user:1", 0), ("user:2", 0), ("user:2", 1)]):
        attempt = record(activity, learner, completed(raw=raw, max=2))
        H5PAttempt.objects.filter(pk=attempt.pk).update(created_at=now - timedelta(minutes=10 - n))
    with django_assert_num_queries(1):
        row = selectors.activity_report().get(pk=activity.pk)
    assert row.graded_score == expected


def test_report_query_count_does_not_grow_with_activities_or_attempts(client, coordinator):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    for n in range(2):
        record(make_activity(slug=f"a{n}"), "user:1", completed())
    client.get(reverse("h5p_report"))  # the coordinator's roles, kept from then on (home.roles)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("h5p_report"))
    for n in range(2, 8):
        activity = make_activity(slug=f"a{n}")
        for learner in ("user:1", "household:1", "household:2"):
            record(activity, learner, completed())
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("h5p_report"))
    assert len(many) == len(few)


# Point 10: suppression under every filter, on screen and in exports.

@pytest.fixture
def two_households(db):
    quiz = make_activity(title="Quiz", slug="quiz")
    for raw in (2, 1, 0):
        record(quiz, "user:1", completed(raw=raw, max=2))
    for n in range(2):
        record(quiz, f"household:{n}", completed(raw=2, max=2))
    return quiz


def test_two_households_are_suppressed_under_everyone_on_screen_and_in_xlsx(client, coordinator, two_households):
    client.force_login(coordinator)
    for filters in ({}, {"audience": ""}, {"audience": "household"}):
        assert rows(client.get(reverse("h5p_report"), filters))["Quiz"][2:5] == ["", "", ""], filters
    # Teachers only: nothing rests on carers, so their figures show.
    assert rows(client.get(reverse("h5p_report"), {"audience": "user"}))["Quiz"][2:5] == ["100,0", "50,0", "100,0"]
    response = client.get(reverse("h5p_report"), {"export": "xlsx"})
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    header = [c.value for c in sheet[1]]
    quiz = dict(zip(header, next(sheet.iter_rows(min_row=2, values_only=True)), strict=False))
    assert quiz["Pogingen"] == 5
    for heading in ("Afgerond (%)", "Gemiddelde score (%, zelf gerapporteerd)", "Cijfer per deelnemer (%, zelf gerapporteerd)"):
        assert quiz[heading] in (None, ""), heading


def test_question_report_suppresses_under_everyone_too(client, coordinator, two_households):
    from .test_xapi import child

    record(two_households, "household:0", completed(raw=1, max=2), [child(1)])
    record(two_households, "user:1", completed(raw=1, max=2), [child(1)])
    client.force_login(coordinator)
    url = reverse("h5p_question_report", args=[two_households.pk])
    assert rows(client.get(url))["Vraag 1"][2:] == ["", ""]
    assert rows(client.get(url, {"audience": "user"}))["Vraag 1"][2:] == ["100,0", "100,0"]


def test_five_households_are_shown_under_everyone(client, coordinator, two_households):
    for n in range(2, 5):
        record(two_households, f"household:{n}", completed(raw=2, max=2))
    client.force_login(coordinator)
    assert rows(client.get(reverse("h5p_report")))["Quiz"][2] == "100,0"


# Point 11: popups only where a coordinator enabled them.

def test_popups_are_off_unless_enabled_per_activity(client, activity):
    def sandboxes():
        html = client.get(reverse("h5p:activity", args=["zc"])).content.decode()
        iframe = BeautifulSoup(html, "html.parser").find("iframe", class_="h5p-embed__iframe")
        return " ".join(iframe["sandbox"]), client.get(reverse("h5p:player", args=["zc"]))["Content-Security-Policy"]

    frame, csp = sandboxes()
    assert "allow-popups" not in frame and "allow-popups" not in csp
    assert "allow-scripts" in frame and csp.startswith("sandbox allow-scripts")
    activity.allow_popups = True
    activity.save()
    frame, csp = sandboxes()
    assert "allow-popups" in frame.split() and "allow-popups" in csp.split(";")[0]
    assert "allow-same-origin" not in frame and "allow-same-origin" not in csp


# Point 12: retention covers resume state.

def test_purge_deletes_old_resume_state_and_keeps_recent(activity):
    H5PState.objects.create(activity=activity, learner_key="household:1", data='{"typed": "mijn antwoord"}')
    H5PState.objects.create(activity=activity, learner_key="household:2", data='{"typed": "nieuw"}')
    H5PState.objects.filter(learner_key="household:1").update(updated_at=timezone.now() - timedelta(days=400))
    before = timezone.now() - timedelta(days=365)
    assert retention.purge(before, dry_run=True)["H5P-tussenstanden"] == 1
    assert H5PState.objects.count() == 2
    assert retention.purge(before)["H5P-tussenstanden"] == 1
    assert list(H5PState.objects.values_list("learner_key", flat=True)) == ["household:2"]


# CSRF out of the cached HTML (issue 12) and rules read from the page (issue 13 item 7).

def test_embed_html_is_the_same_for_every_visitor_and_asks_for_no_token(rf, activity):
    from django.template.loader import render_to_string

    from h5p.blocks import H5PActivityBlock

    block = H5PActivityBlock()
    value = block.to_python({"activity": activity.pk, "caption": ""})
    pages = []
    for _ in range(2):
        request = rf.get("/")
        html = render_to_string("h5p/blocks/h5p_activity.html", block.get_context(value, {"request": request}))
        assert not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # home.page_cache may store the page
        pages.append(html)
    assert pages[0] == pages[1]
    assert "csrfmiddlewaretoken" not in pages[0] and 'data-csrf="' not in pages[0]


def test_token_endpoint_sets_the_cookie_and_is_not_stored(client):
    response = client.get(reverse("h5p:csrf"))
    assert response.status_code == 200 and response.json()["token"]
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"]


def test_csrf_cookie_is_readable_by_the_bridge(settings):
    from h5p.embed import csrf_cookie_name

    assert settings.CSRF_COOKIE_HTTPONLY is False and csrf_cookie_name() == settings.CSRF_COOKIE_NAME
    settings.CSRF_COOKIE_HTTPONLY = True
    assert csrf_cookie_name() == ""  # the bridge then always asks the token endpoint


def test_posts_without_the_token_are_still_refused(activity):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("h5p:csrf"))
    response = client.post(xapi_url(), json.dumps({"statement": completed()}), content_type="application/json")
    assert response.status_code == 403 and nothing_stored()


def test_player_scripts_read_verbs_and_state_limit_from_the_page(client, activity, settings):
    settings.H5P_MAX_STATE_BYTES = 1000
    html = client.get(reverse("h5p:activity", args=["zc"])).content.decode()
    figure = BeautifulSoup(html, "html.parser").find("figure", attrs={"data-h5p-embed": True})
    assert figure["data-max-state"] == "1000" and figure["data-attempt-verbs"] == "answered completed"
    player = BeautifulSoup(client.get(reverse("h5p:player", args=["zc"])).content, "html.parser")
    config = json.loads(player.find(id="h5p-config").string)
    assert config["rules"] == {"attemptVerbs": ["answered", "completed"], "maxStateBytes": 1000}
    assert config["crossorigin"] == "anonymous"  # point 3: package images load with CORS
    static = Path(__file__).resolve().parents[2] / "h5p" / "static" / "h5p"
    for script in ("bridge.js", "player.js"):
        source = (static / script).read_text()
        assert "64 * 1024" not in source and "'answered'" not in source and "'completed'" not in source, script


def test_h5p_is_reusable_without_the_project(client, activity, settings):
    """Templates and static files in the app; no migration imports project code; the standalone
    page uses the layout the setting names (the project's base.html or h5p's own)."""
    app = Path(__file__).resolve().parents[2] / "h5p"
    assert (app / "templates" / "h5p" / "player.html").is_file() and (app / "static" / "h5p" / "bridge.js").is_file()
    for migration in (app / "migrations").glob("*.py"):
        source = migration.read_text()
        assert "from home" not in source and "import home" not in source, migration.name
    assert "extends" not in (app / "templates" / "h5p" / "player.html").read_text()
    settings.H5P_PAGE_TEMPLATE = "h5p/page.html"
    own = client.get(reverse("h5p:activity", args=["zc"])).content.decode()
    assert '<main id="main">' in own and "data-h5p-embed" in own


def test_every_json_answer_carries_the_strictest_policy(activity, anon):
    """The bridge's JSON answers are no document: nothing in them may load, run or be framed, and
    the site's page policy is not built for them (h5p.views.JSON_POLICY)."""
    answers = [
        anon.get(reverse("h5p:csrf")),
        post(anon, xapi_url(), {"statement": completed()}),
        post(anon, xapi_url(), "{"),  # 400 with a reason
        anon.get(state_url()),
        post(anon, state_url(), {"state": "{}"}),
    ]
    assert [a.status_code for a in answers] == [200, 201, 400, 200, 200]
    assert {a["Content-Security-Policy"] for a in answers} == {"default-src 'none'; frame-ancestors 'none'"}
