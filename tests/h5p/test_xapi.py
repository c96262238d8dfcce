"""xAPI and resume-state endpoints: CSRF, shape and size checks, Moodle-style attempts, learners."""

import io
import json

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from h5p.learners import resolve_learner
from h5p.models import H5PAttempt, H5PAttemptResult, H5PState, H5PStatement

from .packages import make_activity

pytestmark = pytest.mark.django_db

VERB = "http://adlnet.gov/expapi/verbs/"
OBJECT = "http://testserver/h5p/activiteit/zc/"


def completed(raw=2, max=2, verb="completed", **result):
    return {
        "actor": {"name": "anoniem", "mbox": "mailto:anon@example.invalid"},
        "verb": {"id": VERB + verb, "display": {"en-US": verb}},
        "object": {"id": OBJECT, "objectType": "Activity"},
        "context": {"contextActivities": {"category": [{"id": "http://h5p.org/libraries/BOUNCE.Zelfcheck-1.0"}]}},
        "result": {
            "score": {"min": 0, "max": max, "raw": raw, "scaled": round(raw / max, 4) if max else 0},
            "completion": True,
            "success": raw == max,
            "duration": "PT12S",
            **result,
        },
    }


def child(n, right=True, text=None):
    return {
        "verb": {"id": VERB + "answered"},
        "object": {
            "id": f"{OBJECT}?subContentId=q{n}",
            "definition": {"description": {"nl": text or f"Vraag {n}"}, "interactionType": "choice"},
        },
        "context": {"contextActivities": {"parent": [{"id": OBJECT}]}},
        "result": {
            "score": {"min": 0, "max": 1, "raw": int(right), "scaled": int(right)},
            "success": right,
            "completion": True,
            "response": "1",
        },
    }


@pytest.fixture
def activity(db):
    return make_activity(slug="zc")


@pytest.fixture
def csrf_client(teacher):
    """A client that enforces CSRF like a browser, with the cookie the bridge's token request sets."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    client.get(reverse("h5p:csrf"))
    return client


def post(client, url, payload, **extra):
    token = client.cookies["csrftoken"].value if "csrftoken" in client.cookies else ""
    body = payload if isinstance(payload, str | bytes) else json.dumps(payload)
    return client.post(url, body, content_type="application/json", HTTP_X_CSRFTOKEN=token, **extra)


def xapi_url(slug="zc"):
    return reverse("h5p:xapi", args=[slug])


def test_statement_starts_attempt_with_sub_question_rows(activity, csrf_client, teacher):
    response = post(
        csrf_client,
        xapi_url(),
        {"statement": completed(raw=1, max=2), "children": [child(1), {"statement": child(2, right=False)}]},
    )
    assert response.status_code == 201
    attempt = H5PAttempt.objects.get()
    assert attempt.learner_key == f"user:{teacher.pk}" and attempt.audience == "user"
    assert (attempt.raw_score, attempt.max_score, attempt.scaled_score) == (1, 2, 0.5)
    assert attempt.completion is True and attempt.success is False
    assert attempt.duration.total_seconds() == 12
    assert attempt.package == activity.current_package
    rows = list(
        H5PAttemptResult.objects.filter(attempt=attempt)
        .order_by("question")
        .values_list("question", "success", "scaled_score")
    )
    assert rows == [("Vraag 1", True, 1.0), ("Vraag 2", False, 0.0)]
    # Every statement is stored raw, exactly as sent.
    raws = list(H5PStatement.objects.filter(attempt=attempt).values_list("raw", flat=True))
    assert completed(raw=1, max=2) in raws and len(raws) == 3


def test_csrf_is_required(activity, teacher):
    client = Client(enforce_csrf_checks=True)
    client.force_login(teacher)
    response = client.post(xapi_url(), json.dumps({"statement": completed()}), content_type="application/json")
    assert response.status_code == 403
    assert not H5PStatement.objects.exists()
    state = client.post(reverse("h5p:state", args=["zc"]), json.dumps({"state": "{}"}), content_type="application/json")
    assert state.status_code == 403 and not H5PState.objects.exists()


def test_statements_without_result_or_with_parent_make_no_attempt(activity, csrf_client):
    attempted = {"verb": {"id": VERB + "attempted"}, "object": {"id": OBJECT}}
    assert post(csrf_client, xapi_url(), {"statement": attempted}).status_code == 201
    assert post(csrf_client, xapi_url(), {"statement": child(1)}).status_code == 201
    answered_without_result = {"verb": {"id": VERB + "answered"}, "object": {"id": OBJECT}}
    assert post(csrf_client, xapi_url(), {"statement": answered_without_result}).status_code == 201
    assert H5PStatement.objects.count() == 3
    assert not H5PAttempt.objects.exists()


def test_each_finished_go_is_a_new_attempt(activity, csrf_client):
    post(csrf_client, xapi_url(), {"statement": completed(raw=1)})
    post(csrf_client, xapi_url(), {"statement": completed(raw=2, verb="answered")})
    assert list(H5PAttempt.objects.order_by("created_at", "pk").values_list("raw_score", "verb")) == [
        (1, "completed"),
        (2, "answered"),
    ]


BAD_STATEMENTS = {
    "not_json": ("{niet json", "geen geldige JSON"),
    "no_statement": ({"verb": "x"}, "“statement”"),
    "statement_list": ({"statement": []}, "JSON-object"),
    "no_verb": ({"statement": {"object": {"id": OBJECT}}}, "verb.id"),
    "verb_not_iri": ({"statement": {"verb": {"id": "completed"}, "object": {"id": OBJECT}}}, "verb.id"),
    "no_object": ({"statement": {"verb": {"id": VERB + "completed"}}}, "object.id"),
    "score_text": ({"statement": completed(score={"raw": "veel", "max": 2})}, "getal"),
    "score_nan": (
        '{"statement": {"verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}, "object": {"id": "http://x"}, "result": {"score": {"raw": NaN, "max": 2}}}}',
        "geen geldige JSON",
    ),
    "scaled_out_of_range": ({"statement": completed(score={"raw": 1, "max": 2, "scaled": 3})}, "tussen 0 en 1"),
    "raw_above_max": ({"statement": completed(score={"raw": 5, "max": 2})}, "groter dan"),
    "negative_max": ({"statement": completed(score={"raw": -5, "max": -2})}, "negatief"),
    "completion_text": ({"statement": completed(completion="ja")}, "waar of onwaar"),
    "bad_duration": ({"statement": completed(duration="twaalf seconden")}, "ISO 8601"),
    "children_not_list": ({"statement": completed(), "children": {"a": 1}}, "lijst"),
    "bad_child": ({"statement": completed(), "children": [{"verb": {"id": VERB + "answered"}}]}, "object.id"),
    "nan_elsewhere": (
        '{"statement": {"verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"}, "object": {"id": "http://x"}, "context": {"extensions": {"x": Infinity}}}}',
        "geen geldige JSON",
    ),
    "nul_character": ({"statement": {**completed(), "object": {"id": "http://x\u0000y"}}}, "NUL"),
    "context_not_object": ({"statement": {**completed(), "context": "x"}}, "context"),
}


@pytest.mark.parametrize("case", sorted(BAD_STATEMENTS))
def test_bad_statement_gets_400_with_reason_and_stores_nothing(activity, csrf_client, case):
    payload, reason = BAD_STATEMENTS[case]
    response = post(csrf_client, xapi_url(), payload)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert not H5PStatement.objects.exists() and not H5PAttempt.objects.exists()


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        ({"statement": {**completed(), "object": {"id": "http://x/\ud800"}}}, "surrogaat"),
        ({"statement": completed(), "children": [{"extensions": {"\udfff": 1}}]}, "surrogaat"),
        ({"statement": {**completed(), "object": {"id": "http://x\u0000y"}}}, "NUL"),
        (
            {"statement": {**completed(), "context": {"extensions": {"x": json.loads("[" * 500 + "]" * 500)}}}},
            "te diep genest",
        ),
    ],
)
def test_a_payload_built_in_code_is_checked_as_a_posted_body_is(payload, reason):
    """``parse_payload`` (statements built by code, not posted) walks the tree itself: the
    endpoint's ``parse_submission`` leaves that walk to ``load_json``."""
    from h5p.xapi import StatementInvalid, parse_payload

    with pytest.raises(StatementInvalid, match=reason):
        parse_payload(payload)


def test_too_many_children_and_too_large(activity, csrf_client):
    many = post(csrf_client, xapi_url(), {"statement": completed(), "children": [child(i) for i in range(201)]})
    assert many.status_code == 400
    huge = completed()
    huge["object"]["definition"] = {"description": {"nl": "x" * 70_000}}
    assert post(csrf_client, xapi_url(), {"statement": huge}).status_code == 400
    body = post(csrf_client, xapi_url(), {"statement": completed(), "pad": "x" * 600_000})
    assert body.status_code == 413
    assert not H5PStatement.objects.exists()


def test_unknown_activity_is_404_and_get_not_allowed(activity, csrf_client):
    assert post(csrf_client, xapi_url("bestaat-niet"), {"statement": completed()}).status_code == 404
    assert csrf_client.get(xapi_url()).status_code == 405


def test_anonymous_learner_gets_signed_cookie_and_keeps_it(activity):
    client = Client(enforce_csrf_checks=True)
    client.get(reverse("h5p:csrf"))
    first = post(client, xapi_url(), {"statement": completed()})
    assert first.status_code == 201
    cookie = first.cookies["bounce_h5p_learner"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    post(client, xapi_url(), {"statement": completed(raw=1)})
    keys = set(H5PAttempt.objects.values_list("learner_key", flat=True))
    assert len(keys) == 1 and next(iter(keys)).startswith("anon:")
    assert set(H5PAttempt.objects.values_list("audience", flat=True)) == {"anon"}
    # A forged cookie is not accepted: the learner gets a fresh identity.
    forged = Client(enforce_csrf_checks=True)
    forged.cookies["bounce_h5p_learner"] = "00000000-0000-0000-0000-000000000000"
    forged.get(reverse("h5p:csrf"))
    post(forged, xapi_url(), {"statement": completed()})
    assert (
        H5PAttempt.objects.exclude(learner_key__in=keys)
        .exclude(learner_key="anon:00000000-0000-0000-0000-000000000000")
        .count()
        == 1
    )


def household_resolver(request):
    return "household:42" if request.headers.get("X-Test-Household") else None


def test_pluggable_resolver_household_and_fallback(activity, rf, teacher):
    with override_settings(H5P_LEARNER_RESOLVER="tests.h5p.test_xapi.household_resolver"):
        request = rf.get("/", HTTP_X_TEST_HOUSEHOLD="1")
        request.user = teacher
        assert resolve_learner(request) == "household:42"
        request = rf.get("/")
        request.user = teacher
        assert resolve_learner(request) == f"user:{teacher.pk}"  # falls back to the default
        client = Client()
        client.get(reverse("h5p:activity", args=["zc"]))
        client.post(
            xapi_url(),
            json.dumps({"statement": completed()}),
            content_type="application/json",
            HTTP_X_TEST_HOUSEHOLD="1",
        )
        assert H5PAttempt.objects.get().audience == "household"
    with override_settings(H5P_LEARNER_RESOLVER="tests.h5p.test_xapi.household_resolver", H5P_LEARNER_FALLBACK=False):
        request = rf.get("/")
        request.user = teacher
        assert resolve_learner(request) is None


def state_url():
    return reverse("h5p:state", args=["zc"])


def test_resume_state_round_trip_per_learner(activity, csrf_client, other_teacher):
    assert csrf_client.get(state_url()).json() == {"state": None}
    assert post(csrf_client, state_url(), {"state": '{"answers":{"q1":1}}'}).status_code == 200
    assert post(csrf_client, state_url(), {"state": '{"answers":{"q1":0}}'}).status_code == 200
    assert csrf_client.get(state_url()).json() == {"state": '{"answers":{"q1":0}}'}
    assert H5PState.objects.count() == 1
    other = Client()
    other.force_login(other_teacher)
    assert other.get(state_url()).json() == {"state": None}


def test_resume_state_capped_at_64_kb(activity, csrf_client):
    exactly = "x" * (64 * 1024)
    assert post(csrf_client, state_url(), {"state": exactly}).status_code == 200
    too_big = post(csrf_client, state_url(), {"state": exactly + "y"})
    assert too_big.status_code == 413 and "64 KB" in too_big.json()["error"]
    multibyte = "é" * (32 * 1024 + 1)  # 64 KB + 2 bytes in UTF-8
    assert post(csrf_client, state_url(), {"state": multibyte}).status_code == 413
    assert H5PState.objects.get().data == exactly
    assert post(csrf_client, state_url(), {"state": {"niet": "tekst"}}).status_code == 400
    assert post(csrf_client, state_url(), {"state": "a\u0000b"}).status_code == 400


def test_statement_query_count_does_not_grow_with_sub_questions(activity, csrf_client, django_assert_max_num_queries):
    post(csrf_client, xapi_url(), {"statement": completed()})  # reads the activity once (h5p.activity_cache)
    for n in (1, 30):
        with django_assert_max_num_queries(7):
            response = post(
                csrf_client, xapi_url(), {"statement": completed(), "children": [child(i) for i in range(n)]}
            )
        assert response.status_code == 201
    assert H5PAttemptResult.objects.count() == 31


def test_posts_read_the_activity_from_the_cache_and_see_a_new_package_at_once(activity, csrf_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from h5p.services import import_package

    from .packages import build_package

    post(csrf_client, xapi_url(), {"statement": completed()})
    with CaptureQueriesContext(connection) as captured:
        assert post(csrf_client, xapi_url(), {"statement": completed()}).status_code == 201
        assert post(csrf_client, state_url(), {"state": "{}"}).status_code == 200
    assert not [q for q in captured.captured_queries if 'FROM "h5p_h5pactivity"' in q["sql"]]
    new = import_package(io.BytesIO(build_package(title="Zelfcheck")), filename="v2.h5p", activity=activity)
    assert post(csrf_client, xapi_url(), {"statement": completed()}).status_code == 201
    assert (
        H5PAttempt.objects.order_by("-pk").first().package_id
        == new.pk
        != H5PAttempt.objects.order_by("pk").first().package_id
    )


def test_a_renamed_or_deleted_activity_is_not_served_from_the_cache(activity, csrf_client):
    assert post(csrf_client, xapi_url(), {"statement": completed()}).status_code == 201
    activity.slug = "zc-nieuw"
    activity.save()
    assert post(csrf_client, xapi_url(), {"statement": completed()}).status_code == 404
    assert post(csrf_client, xapi_url("zc-nieuw"), {"statement": completed()}).status_code == 201
    activity.delete()
    assert post(csrf_client, xapi_url("zc-nieuw"), {"statement": completed()}).status_code == 404
