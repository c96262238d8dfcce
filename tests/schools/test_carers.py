"""Carers: code entry (rate-limited) and QR link set a signed household cookie; modules with
progress; resume code on another device; the printable letter; reach per groep; H5P learner key."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from schools import conf, households, selectors
from schools.models import Groep, Household, HouseholdModuleProgress


@pytest.fixture(autouse=True)
def clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


# Well-formed but belongs to no groep (the chance that a random groep code equals it is 25**-8).
WRONG_CODE = "WWWW-WWWW"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def enter(client, code):
    return client.post(reverse("schools:carer_entry"), {"code": code})


@pytest.mark.django_db
def test_code_entry_sets_a_signed_household_cookie_and_shows_the_modules(client, groep_a, tree):
    code = groep_a.carer_code_display.lower()  # typed in lower case with the dash
    response = enter(client, code)
    assert response.status_code == 302 and response["Location"] == reverse("schools:carer_home")
    cookie = response.cookies[conf.HOUSEHOLD_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    household = Household.objects.get()
    assert household.groep == groep_a and household.token not in ("", None)
    assert cookie.value != household.token, "the cookie carries a signature"
    html = soup(client.get(reverse("schools:carer_home")))
    items = html.select(".module-item")
    assert [item.a.get_text(strip=True) for item in items] == ["Thuismodule 1", "Thuismodule 2"]
    assert all("nog niet begonnen" in item.get_text() for item in items)
    assert "0 van 2 thuismodules klaar" in html.get_text()
    assert household.resume_code_display in html.get_text()


@pytest.mark.django_db
def test_wrong_code_gives_a_dutch_message_and_saves_nothing(client, groep_a):
    response = enter(client, "ABCD-EFGH" if groep_a.carer_code != "ABCDEFGH" else "HGFE-DCBA")
    assert response.status_code == 200
    assert "Deze code kennen we niet" in response.content.decode()
    assert conf.HOUSEHOLD_COOKIE not in response.cookies
    assert not Household.objects.exists()


@pytest.mark.django_db
def test_code_entry_is_rate_limited_per_address(client, groep_a):
    for _ in range(conf.CODE_ATTEMPTS):
        assert enter(client, WRONG_CODE).status_code == 200
    response = enter(client, groep_a.carer_code)  # even the right code waits now
    assert response.status_code == 429
    assert "te vaak" in response.content.decode()
    assert not Household.objects.exists()
    other_address = Client(REMOTE_ADDR="10.9.9.9")
    assert enter(other_address, groep_a.carer_code).status_code == 302


@pytest.mark.django_db
def test_a_parents_evening_behind_one_router_is_not_locked_out(groep_a):
    """Right codes do not count towards the limit: 40 households on one school network get in."""
    for _ in range(40):
        assert enter(Client(REMOTE_ADDR="10.5.5.5"), groep_a.carer_code).status_code == 302
    assert Household.objects.count() == 40


@pytest.mark.django_db
def test_behind_trusted_proxies_the_limit_uses_the_forwarded_address(client, groep_a, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(conf.CODE_ATTEMPTS):
        client.post(reverse("schools:carer_entry"), {"code": WRONG_CODE}, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    blocked = client.post(reverse("schools:carer_entry"), {"code": groep_a.carer_code}, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7")
    other = client.post(reverse("schools:carer_entry"), {"code": groep_a.carer_code}, HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert (blocked.status_code, other.status_code) == (429, 302)


@pytest.mark.django_db
def test_qr_link_sets_the_cookie_and_a_bad_link_does_not(client, groep_a):
    response = client.get(reverse("schools:carer_code_link", args=[groep_a.carer_code]))
    assert response.status_code == 302 and conf.HOUSEHOLD_COOKIE in response.cookies
    assert Household.objects.filter(groep=groep_a).count() == 1
    # Opening it again on the same device keeps the same household.
    client.get(reverse("schools:carer_code_link", args=[groep_a.carer_code]))
    assert Household.objects.count() == 1
    fresh = Client()
    response = fresh.get(reverse("schools:carer_code_link", args=["NIETGOED"]))
    assert response.status_code == 404 and "Deze code kennen we niet" in response.content.decode()


@pytest.mark.django_db
def test_forged_or_unknown_cookie_is_ignored(client, groep_a):
    client.cookies[conf.HOUSEHOLD_COOKIE] = "household-1:forged"
    assert client.get(reverse("schools:carer_home")).status_code == 302
    request = RequestFactory().get("/")
    request.COOKIES[conf.HOUSEHOLD_COOKIE] = "forged"
    assert households.h5p_learner_key(request) is None


@pytest.mark.django_db
def test_module_progress_and_reach_per_groep(client, groep_a, tree):
    enter(client, groep_a.carer_code)
    module_1, module_2 = tree["modules"]
    response = client.get(reverse("schools:module_open", args=[module_1.pk]))
    assert response.status_code == 302 and response["Location"] == module_1.url
    response = client.post(reverse("schools:module_completed", args=[module_2.pk]), {"next": "https://evil.example/"})
    assert response["Location"].startswith("/") and "evil" not in response["Location"], "no open redirect"
    html = soup(client.get(reverse("schools:carer_home")))
    statuses = [item.select_one(".module-status").get_text(strip=True) for item in html.select(".module-item")]
    assert statuses == ["begonnen", "klaar"]
    assert "1 van 2 thuismodules klaar" in html.get_text()
    # A second household that only entered the code does not count as reached.
    enter(Client(REMOTE_ADDR="10.1.1.1"), groep_a.carer_code)
    reached = selectors.with_progress(Groep.objects.filter(pk=groep_a.pk)).get().reach
    assert (Household.objects.count(), reached) == (2, 1)


@pytest.mark.django_db
def test_a_module_of_another_programme_cannot_be_marked(client, groep_a, tree):
    from tests.lessons import factories as lf

    other = lf.programme(tree["home"], "cursus", "andere", "Andere")
    stray = lf.course_module(other, 9)
    enter(client, groep_a.carer_code)
    assert client.post(reverse("schools:module_started", args=[stray.pk])).status_code == 404
    assert not HouseholdModuleProgress.objects.exists()


@pytest.mark.django_db
def test_module_endpoints_without_cookie_send_to_code_entry(client, tree, groep_a):
    response = client.post(reverse("schools:module_started", args=[tree["modules"][0].pk]))
    assert response.status_code == 302 and response["Location"] == reverse("schools:carer_entry")
    assert not HouseholdModuleProgress.objects.exists()


@pytest.mark.django_db
def test_resume_code_continues_on_another_device(client, groep_a, tree):
    enter(client, groep_a.carer_code)
    client.post(reverse("schools:module_completed", args=[tree["modules"][0].pk]))
    household = Household.objects.get()
    other_device = Client(REMOTE_ADDR="10.2.2.2")
    response = enter(other_device, household.resume_code_display)
    assert response.status_code == 302
    html = soup(other_device.get(reverse("schools:carer_home")))
    assert "1 van 2 thuismodules klaar" in html.get_text()
    assert Household.objects.count() == 1


@pytest.mark.django_db
def test_forget_this_device_removes_the_cookie(client, groep_a):
    enter(client, groep_a.carer_code)
    response = client.post(reverse("schools:carer_forget"))
    assert response.cookies[conf.HOUSEHOLD_COOKIE].value == ""
    assert client.get(reverse("schools:carer_home")).status_code == 302


@pytest.mark.django_db
def test_h5p_learner_key_is_the_household(client, groep_a):
    """Through the H5P app's own entry point (the H5P_LEARNER_RESOLVER extension point), not a settings string."""
    from h5p.learners import resolve_learner

    response = enter(client, groep_a.carer_code)
    request = RequestFactory().get("/")
    request.COOKIES[conf.HOUSEHOLD_COOKIE] = response.cookies[conf.HOUSEHOLD_COOKIE].value
    assert resolve_learner(request) == f"household:{Household.objects.get().pk}"
    assert households.h5p_learner_key(request) == f"household:{Household.objects.get().pk}"
    assert households.h5p_learner_key(RequestFactory().get("/")) is None


@pytest.mark.django_db
def test_household_progress_include_on_a_module_page(client, groep_a, tree, rf):
    from django.template import Context, Template

    template = Template("{% load households %}{% household_progress module %}")
    request = rf.get("/")
    assert "Ik heb deze thuismodule gedaan" not in template.render(Context({"request": request, "module": tree["modules"][0]}))
    response = enter(client, groep_a.carer_code)
    request = rf.get("/")
    request.COOKIES[conf.HOUSEHOLD_COOKIE] = response.cookies[conf.HOUSEHOLD_COOKIE].value
    html = template.render(Context({"request": request, "module": tree["modules"][0], "csrf_token": "t"}))
    assert reverse("schools:module_completed", args=[tree["modules"][0].pk]) in html


@pytest.mark.django_db
def test_letter_has_the_code_link_and_a_qr_code_for_the_teacher_and_coordinator(client, teacher, coordinator, groep_a):
    for user in (teacher, coordinator):
        client.force_login(user)
        response = client.get(reverse("schools:carer_letter", args=[groep_a.pk]))
        assert response.status_code == 200
        html = soup(response)
        assert html.select_one(".letter__code").get_text(strip=True) == groep_a.carer_code_display
        assert html.select_one(".letter__qr svg")
        link = f"http://testserver/ouders/code/{groep_a.carer_code}/"
        assert link in html.get_text()
        assert "radicalisering" not in response.content.decode().lower()


@pytest.mark.django_db
def test_regenerating_the_code_stops_the_old_one(client, teacher, groep_a):
    old = groep_a.carer_code
    client.force_login(teacher)
    response = client.post(reverse("schools:regenerate_code", args=[groep_a.pk]), follow=True)
    groep_a.refresh_from_db()
    assert groep_a.carer_code != old and groep_a.carer_code_display in response.content.decode()
    cache.clear()
    response = enter(Client(), old)
    assert "Deze code kennen we niet" in response.content.decode()


@pytest.mark.django_db
def test_carer_page_costs_the_same_queries_however_many_modules(client, groep_a, tree, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.lessons import factories as lf

    enter(client, groep_a.carer_code)
    with CaptureQueriesContext(connection) as two_modules:
        client.get(reverse("schools:carer_home"))
    for n in range(3, 7):
        lf.home_module(tree["thuis"], n)
    with django_assert_max_num_queries(len(two_modules)):
        response = client.get(reverse("schools:carer_home"))
    assert len(soup(response).select(".module-item")) == 6


@pytest.mark.django_db
def test_a_coordinator_may_renew_the_code_too(client, coordinator, groep_a):
    old = groep_a.carer_code
    client.force_login(coordinator)
    response = client.post(reverse("schools:regenerate_code", args=[groep_a.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("schools:carer_letter", args=[groep_a.pk])
    groep_a.refresh_from_db()
    assert groep_a.carer_code != old


@pytest.mark.django_db
def test_carer_sees_which_modules_fit_lessons_the_groep_already_had(client, groep_a, tree, teacher):
    from schools import services

    lesson = tree["lessons"][0]
    lesson.home_module = tree["modules"][1]
    lesson.save()
    services.log_delivery(groep=groep_a, lesson=lesson, teacher=teacher)
    enter(client, groep_a.carer_code)
    items = soup(client.get(reverse("schools:carer_home"))).select(".module-item")
    assert [bool(item.select(".module-status--tip")) for item in items] == [False, True]  # the hint itself once, under the list


@pytest.mark.django_db
def test_h5p_sees_the_household_as_the_learner(client, groep_a, rf):
    from django.contrib.auth.models import AnonymousUser

    from h5p.learners import resolve_learner

    response = enter(client, groep_a.carer_code)
    request = rf.get("/")
    request.user = AnonymousUser()
    request.COOKIES[conf.HOUSEHOLD_COOKIE] = response.cookies[conf.HOUSEHOLD_COOKIE].value
    assert resolve_learner(request) == f"household:{Household.objects.get().pk}"


@pytest.mark.django_db
def test_the_module_page_offers_the_done_button_to_carers_only(client, groep_a, tree):
    """The lessons page shows what schools adds through the ``lessons_home_module_done`` hook."""
    module = tree["modules"][0]
    done_url = reverse("schools:module_completed", args=[module.pk])
    anonymous = client.get(module.url)
    assert anonymous.status_code == 200 and done_url not in anonymous.content.decode()
    enter(client, groep_a.carer_code)
    html = soup(client.get(module.url))
    form = html.select_one(f'.module-step--done form[action="{done_url}"]')
    assert form is not None and form.select_one("input[name=csrfmiddlewaretoken]")
    client.post(done_url, {"next": reverse("schools:carer_home")})
    assert "U hebt deze thuismodule afgerond" in client.get(module.url).content.decode()
