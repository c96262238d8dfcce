"""Walk every URL pattern of the site (all apps, the Wagtail admin included) as each role.

Sample values fill the URL parameters; the schools app's own objects belong to teacher A, so
teacher B, carers and anonymous visitors must be turned away from them. Asserted for everyone:
no server error; outside the coordinator, no admin page answers 200 except the public ones
(login, password reset); and a table of expected answers for every schools URL (a new URL
without a row fails the test).
"""

import copy
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import URLPattern, URLResolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils.regex_helper import normalize

from schools import conf, services

ROLES = ["anonymous", "carer", "teacher_a", "teacher_b", "coordinator"]

# Admin views anyone may open (they are the way in).
PUBLIC_ADMIN = {"wagtailadmin_login", "wagtailadmin_password_reset", "wagtailadmin_password_reset_done",
                "wagtailadmin_password_reset_confirm", "wagtailadmin_password_reset_complete", "wagtailadmin_javascript_catalog",
                "wagtailadmin_sprite"}

# Wagtail's own "does the error page work" view.
DELIBERATE_ERRORS = {"wagtailadmin_error_test"}

LOGIN = "/account/inloggen/"  # a redirect here is "sent to log in"
OK, NOT_FOUND, GONE, REDIRECT, METHOD = 200, 404, 410, 302, 405

# Expected GET answers for the schools URLs, per role. REDIRECT for anonymous/carer on teacher
# pages = sent to the login; 404 = not yours (existence not revealed).
SCHOOLS_EXPECTED = {
    "my_groepen":      {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": OK, "coordinator": OK},
    "groep_detail":    {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": OK},
    "log_delivery":    {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": NOT_FOUND},
    "carer_letter":    {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": OK},
    "regenerate_code": {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": METHOD, "teacher_b": METHOD, "coordinator": METHOD},
    "edit_delivery":   {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": NOT_FOUND},
    "delete_delivery": {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": NOT_FOUND},
    "carer_entry":     dict.fromkeys(ROLES, OK),
    "carer_code_link": dict.fromkeys(ROLES, REDIRECT),  # a valid code: on to the modules
    "carer_home":      {"anonymous": REDIRECT, "carer": OK, "teacher_a": REDIRECT, "teacher_b": REDIRECT, "coordinator": REDIRECT},
    "module_open":     {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": REDIRECT, "teacher_b": REDIRECT, "coordinator": REDIRECT},
    "module_started":  dict.fromkeys(ROLES, METHOD),
    "module_completed": dict.fromkeys(ROLES, METHOD),
    "carer_forget":    dict.fromkeys(ROLES, METHOD),
    "register":        dict.fromkeys(ROLES, OK),
    "register_done":   dict.fromkeys(ROLES, OK),
    # Issue 15: one-click logging with undo, planning grid, calendar link and feed.
    "quick_log":       {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": METHOD, "teacher_b": METHOD, "coordinator": METHOD},
    "undo_quick_log":  {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": METHOD, "teacher_b": METHOD, "coordinator": METHOD},
    "plan_groep":      {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": NOT_FOUND},
    "calendar":        {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": OK, "coordinator": OK},
    "calendar_rotate": {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": METHOD, "teacher_b": METHOD, "coordinator": METHOD},
    "calendar_feed":   dict.fromkeys(ROLES, NOT_FOUND),  # the sample token is not the secret
}
# The rollout figures (admin, coordinators only): Wagtail sends everyone without admin access
# to the login; the coordinator opens each page (school and groep of teacher A's groep).
ROLLOUT_EXPECTED = dict.fromkeys(
    ("dashboard", "report", "trained_not_delivering", "school", "groep"),
    {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": REDIRECT, "teacher_b": REDIRECT, "coordinator": OK},
)
# POST answers for the schools URLs that change something (forbidden roles change nothing).
# Expected GET answers for the feedback URLs (issue 10). Carers reach the module form only with
# their household cookie; a teacher only their own delivery's form; the year survey link is the key.
FEEDBACK_EXPECTED = {
    "lesson_feedback": {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": NOT_FOUND, "coordinator": NOT_FOUND},
    "course_feedback": {"anonymous": REDIRECT, "carer": REDIRECT, "teacher_a": OK, "teacher_b": OK, "coordinator": OK},
    "module_feedback": {"anonymous": REDIRECT, "carer": OK, "teacher_a": REDIRECT, "teacher_b": REDIRECT, "coordinator": REDIRECT},
    "year_survey":     dict.fromkeys(ROLES, OK),
}
SCHOOLS_POST_FORBIDDEN = {
    "log_delivery": {"teacher_b": NOT_FOUND, "coordinator": NOT_FOUND, "anonymous": REDIRECT, "carer": REDIRECT},
    "edit_delivery": {"teacher_b": NOT_FOUND, "coordinator": NOT_FOUND, "anonymous": REDIRECT, "carer": REDIRECT},
    "delete_delivery": {"teacher_b": NOT_FOUND, "coordinator": NOT_FOUND, "anonymous": REDIRECT, "carer": REDIRECT},
    "regenerate_code": {"teacher_b": NOT_FOUND, "anonymous": REDIRECT, "carer": REDIRECT},
    "quick_log": {"teacher_b": NOT_FOUND, "coordinator": NOT_FOUND, "anonymous": REDIRECT, "carer": REDIRECT},
    "undo_quick_log": {"teacher_b": REDIRECT, "coordinator": REDIRECT, "anonymous": REDIRECT, "carer": REDIRECT},
    "plan_groep": {"teacher_b": NOT_FOUND, "coordinator": NOT_FOUND, "anonymous": REDIRECT, "carer": REDIRECT},
}

ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def patterns(resolvers, prefix="", namespace=""):
    """(route template, URLPattern, namespace) for every endpoint, recursively."""
    for entry in resolvers:
        if isinstance(entry, URLResolver):
            ns = ":".join(filter(None, [namespace, entry.namespace]))
            yield from patterns(entry.url_patterns, prefix + _template(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + _template(entry.pattern), entry, namespace


def _template(pattern):
    """A route-like template ("groep/<int:pk>/") for route, regex and locale patterns."""
    if isinstance(pattern, LocalePrefixPattern):
        return ""  # Dutch, the default language, has no prefix
    if isinstance(pattern, RoutePattern):
        return str(pattern)
    if isinstance(pattern, RegexPattern):
        format_string, params = normalize(pattern._regex)[0]
        return format_string % {param: f"<{param}>" for param in params}
    return str(pattern)


def sample_url(template, namespace, name, samples):
    def value(match):
        converter, param = match.group("converter"), match.group("name")
        key = f"{namespace}:{name}:{param}"
        if key in samples:
            return str(samples[key])
        if param == "pk" or param.endswith("_id"):
            return "999999"  # an object that does not exist: the view must answer 404, not crash
        if converter == "path":
            return "voorbeeld/"
        if converter in ("str", "slug") or param in ("slug", "token", "uidb64", "app_label", "model_name"):
            return "voorbeeld"
        if converter == "uuid":
            return "00000000-0000-0000-0000-000000000000"
        return "1"

    return "/" + ROUTE_PARAM.sub(value, template)


@pytest.fixture
def world(db, teacher, other_teacher, coordinator, groep_a, groep_b, tree):
    delivery = services.log_delivery(groep=groep_a, lesson=tree["lessons"][0], teacher=teacher)
    samples = {f"schools:{name}:pk": groep_a.pk for name in ("groep_detail", "log_delivery", "carer_letter", "regenerate_code",
                                                            "quick_log", "plan_groep")}
    samples |= {f"schools:{name}:pk": delivery.pk for name in ("edit_delivery", "delete_delivery", "undo_quick_log")}
    samples |= {":schools_admin_plan:pk": groep_a.pk, ":schools_teacher_deactivate:pk": teacher.pk,
                ":schools_teacher_reactivate:pk": teacher.pk}
    samples |= {f"schools:{name}:pk": tree["modules"][0].pk for name in ("module_open", "module_started", "module_completed")}
    samples["schools:carer_code_link:code"] = groep_a.carer_code
    from feedback import services as feedback_services

    samples |= {"feedback:lesson_feedback:pk": delivery.pk, "feedback:module_feedback:pk": tree["modules"][0].pk,
                "feedback:year_survey:token": feedback_services.create_year_survey(groep_a.school, groep_a.school_year, send=False).token}
    samples |= {"rollout:school:pk": groep_a.school_id, "rollout:groep:pk": groep_a.pk}
    return {"teacher_a": teacher, "teacher_b": other_teacher, "coordinator": coordinator, "groep": groep_a,
            "delivery": delivery, "samples": samples}


def client_for(role, world):
    client = Client(raise_request_exception=False)
    if role in world and role != "groep":
        client.force_login(world[role])
    if role == "carer":
        response = client.post("/ouders/", {"code": world["groep"].carer_code})
        assert conf.HOUSEHOLD_COOKIE in response.cookies
    return client


def endpoints(world):
    from django.urls import get_resolver

    for template, pattern, namespace in patterns(get_resolver().url_patterns):
        url = sample_url(template, namespace, pattern.name, world["samples"])
        try:
            match = resolve(url)
        except Resolver404:
            continue
        if match.func != pattern.callback:
            continue  # an earlier pattern answers this sample; that one is walked itself
        yield url, namespace, pattern.name


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_expected(role, world):
    cache.clear()
    client = client_for(role, world)
    walked, failures, schools_seen = 0, [], set()
    feedback_seen = set()
    rollout_seen = set()
    for url, namespace, name in endpoints(world):
        walked += 1
        cookies = copy.deepcopy(client.cookies)
        response = client.get(url)
        client.cookies = cookies  # a URL that sets a cookie (the QR link) must not change the role
        status = response.status_code
        if status >= 500 and name not in DELIBERATE_ERRORS:
            failures.append(f"{url} ({namespace}:{name}) -> {status}")
        if url.startswith("/admin/") and role != "coordinator" and status == 200 and name not in PUBLIC_ADMIN:
            failures.append(f"{url} ({name}) answers 200 to {role}")
        if namespace == "feedback":
            feedback_seen.add(name)
            expected = FEEDBACK_EXPECTED.get(name, {}).get(role)
            if status != expected:
                failures.append(f"{url} (feedback:{name}) -> {status}, expected {expected} for {role}")
        if namespace == "rollout":
            rollout_seen.add(name)
            if status != ROLLOUT_EXPECTED.get(name, {}).get(role):
                failures.append(f"{url} (rollout:{name}) -> {status}, expected {ROLLOUT_EXPECTED.get(name, {}).get(role)} for {role}")
        if namespace == "schools":
            schools_seen.add(name)
            expected = SCHOOLS_EXPECTED.get(name, {}).get(role)
            if expected is None:
                failures.append(f"schools:{name} has no expectation for {role}")
            elif status != expected:
                failures.append(f"{url} (schools:{name}) -> {status}, expected {expected} for {role}")
            elif status == REDIRECT and expected == REDIRECT and role in ("anonymous", "carer") and name in (
                "my_groepen", "groep_detail", "log_delivery", "carer_letter", "regenerate_code", "edit_delivery", "delete_delivery"
            ) and LOGIN not in response["Location"]:
                failures.append(f"{url} redirects {role} to {response['Location']}, not to the login")
        cache.clear()  # rate limits must not hide what a URL does
    assert schools_seen == set(SCHOOLS_EXPECTED), set(SCHOOLS_EXPECTED) ^ schools_seen
    assert feedback_seen == set(FEEDBACK_EXPECTED), set(FEEDBACK_EXPECTED) ^ feedback_seen
    assert rollout_seen == set(ROLLOUT_EXPECTED), set(ROLLOUT_EXPECTED) ^ rollout_seen
    assert walked > 250, f"only {walked} URLs walked"
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "carer", "teacher_b", "coordinator"])
def test_forbidden_posts_change_nothing(role, world):
    from django.urls import reverse

    client = client_for(role, world)
    groep, delivery = world["groep"], world["delivery"]
    code = groep.carer_code
    posts = {
        "log_delivery": (reverse("schools:log_delivery", args=[groep.pk]), {"quick": "1", "lesson": delivery.lesson_id}),
        "edit_delivery": (reverse("schools:edit_delivery", args=[delivery.pk]),
                          {"lesson": delivery.lesson_id, "date": delivery.date.isoformat(), "pupils_present": 1, "minutes": 1}),
        "delete_delivery": (reverse("schools:delete_delivery", args=[delivery.pk]), {}),
        "regenerate_code": (reverse("schools:regenerate_code", args=[groep.pk]), {}),
        "quick_log": (reverse("schools:quick_log", args=[groep.pk]), {"lesson": delivery.lesson_id, "confirm": "1"}),
        "undo_quick_log": (reverse("schools:undo_quick_log", args=[delivery.pk]), {}),
        "plan_groep": (reverse("schools:plan_groep", args=[groep.pk]), {f"les_{delivery.lesson_id}": delivery.date.isoformat()}),
    }
    for name, expectations in SCHOOLS_POST_FORBIDDEN.items():
        if role not in expectations:
            continue
        url, data = posts[name]
        assert client.post(url, data).status_code == expectations[role], (name, role)
    delivery.refresh_from_db()
    groep.refresh_from_db()
    assert (delivery.pupils_present, groep.deliveries.count()) == (groep.pupil_count, 1)
    assert not groep.planned_dates.exists()
    if role != "coordinator":
        assert groep.carer_code == code
