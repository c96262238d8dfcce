"""The carer's journey on a 390x844 phone in Chromium, one test: the letter's QR link, the list of
thuismodules, a module with an H5P activity, "done", the three feedback questions, and going on
with the resume code on a second phone. Every page: no CSP violation, axe clean, no sideways
scrolling."""

import re

import pytest
import segno
from django.test import Client

from feedback.models import ModuleFeedback
from h5p.models import H5PAttempt
from schools.models import Household, HouseholdModuleProgress
from tests.browser.journey_support import answer_all_right, check, groep, new_phone, programme, visit  # noqa: F401
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def letter_link(of_groep, teacher):
    """The link printed under the letter's QR code, checked to be what the QR code encodes."""
    of_groep.teachers.add(teacher)
    client = Client()
    client.force_login(teacher)
    html = client.get(f"/mijn-groepen/{of_groep.pk}/brief/").content.decode()
    link = re.search(r'class="letter__link meta" dir="ltr">([^<]+)<', html).group(1)
    qr_paths = re.findall(r'<path[^>]* d="([^"]+)"', segno.make(link, error="m").svg_inline(scale=5))
    assert qr_paths and all(path in html for path in qr_paths), "the QR code encodes the printed link"
    return re.sub(r"^https?://[^/]+", "", link)


def fits_the_phone(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_carer_journey_on_a_phone(new_phone, programme, groep, teacher):  # noqa: F811
    module = programme["module"]
    page = new_phone()

    # Before any code: the public home page and the module, the second visit from the whole-page
    # cache under the very same policy.
    visit(page, "/")
    first = visit(page, module.url)
    again = visit(page, module.url)
    assert again.headers.get("x-page-cache") == "hit"
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]

    # The QR link opens the carer's list directly: a household for this groep, no code typed.
    page.goto(letter_link(groep, teacher))
    page.wait_for_url("**/ouders/thuis/")
    check(page)
    household = Household.objects.get()
    assert household.groep == groep and fits_the_phone(page)
    item = page.locator(".module-item", has_text="Een positieve blik")
    assert "nog niet begonnen" in item.inner_text()

    # The module: step through to its H5P activity, answer it; the result is the household's.
    item.get_by_role("link", name="Een positieve blik").click()
    page.wait_for_url(f"**{module.url}")
    check(page)
    assert HouseholdModuleProgress.objects.get(household=household, module=module).completed_at is None
    page.locator(".step-nav__next").click()
    frame = page.frame_locator("iframe.h5p-embed__iframe").first
    answer_all_right(frame, "Uw score: 2 van 2.")  # carers are addressed with "u", in the player too
    page.locator("[data-h5p-embed]").first.get_by_text("Uw resultaat is bewaard.").wait_for()
    assert fits_the_phone(page)
    check(page)
    attempt = H5PAttempt.objects.get(learner_key=f"household:{household.pk}")
    assert attempt.activity == programme["activity"] and attempt.raw_score == 2

    # The last step: done, then the three optional questions.
    page.locator(".step-nav__next").click()
    assert page.locator("#stap-3 .step-indicator").inner_text() == "Stap 3 van 3"
    check(page)
    page.get_by_role("button", name="Ik heb deze thuismodule gedaan").click()
    page.wait_for_url("**/uw-mening/")
    check(page)
    assert fits_the_phone(page)
    page.get_by_role("group", name="Welk rapportcijfer geeft u deze thuismodule?").get_by_label("9", exact=True).check()
    page.get_by_role("group", name="Was dit nuttig voor u?").get_by_label("5 – heel nuttig").check()
    page.get_by_role("group", name="Zou u dit andere ouders aanraden?").get_by_label("Ja").check()
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_url("**/ouders/thuis/")
    check(page)
    assert "Dank u wel" in page.locator("main").inner_text()
    assert "klaar" in page.locator(".module-item", has_text="Een positieve blik").inner_text()
    feedback = ModuleFeedback.objects.get()
    assert (feedback.household, feedback.module_id, feedback.grade, feedback.useful, feedback.recommend) == (
        household, module.pk, 9, 5, "ja")
    resume_code = page.locator(".resume .code").inner_text()
    assert resume_code.replace("-", "").replace(" ", "") != groep.carer_code

    # A second phone goes on with the resume code: the same household, its module done.
    other = new_phone()
    visit(other, "/ouders/")
    other.get_by_label("Code").fill(resume_code)
    other.get_by_role("button", name="Verder").click()
    other.wait_for_url("**/ouders/thuis/")
    check(other)
    assert Household.objects.count() == 1
    assert other.locator(".resume .code").inner_text() == resume_code
    assert "klaar" in other.locator(".module-item", has_text="Een positieve blik").inner_text()
    assert "1 van 1 thuismodules klaar" in other.locator("main").inner_text()
    assert fits_the_phone(other)
