"""The rollout dashboard and the expansion report in Chromium: axe finds nothing at WCAG 2.x
A/AA, the charts have a text alternative, the print button works without inline script and
the A4 print view hides the admin chrome but keeps the figures."""

import pytest
from django.urls import reverse

from rollout import summary
from tests.rollout.conftest import rollout, tree  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def trained_after_bulk_fixture():
    """The shared fixture trains teachers with ``bulk_create``, which sends no signal (like a
    data import); a bulk writer refreshes the trained set, as ``generate_rollout_data`` does."""
    summary.refresh_trained()


def test_dashboard_is_accessible(page, login, axe, rollout):  # noqa: F811
    trained_after_bulk_fixture()
    login(page, rollout["coordinator"])
    page.goto(reverse("rollout:dashboard"))
    assert page.locator(".rollout h2").first.inner_text() == "Getraind versus lessen gegeven"
    for chart in page.locator("svg.rollout-chart").all():
        labelled = chart.get_attribute("aria-labelledby").split()
        assert chart.get_attribute("role") == "img" and all(page.locator(f"#{name}").count() == 1 for name in labelled)
    assert axe(page, {"include": [["main"]]}) == []
    page.get_by_role("link", name="Wie is dat?").first.click()
    page.wait_for_url("**/getraind-niet-gegeven/**")
    assert "t2@school.example" in page.content()
    assert axe(page, {"include": [["main"]]}) == []


def test_report_prints_on_a4_and_is_accessible(page, login, axe, rollout):  # noqa: F811
    trained_after_bulk_fixture()
    login(page, rollout["coordinator"])
    page.goto(reverse("rollout:report"))
    print_button = page.get_by_role("button", name="Afdrukken (A4)")
    assert print_button.is_visible()  # shown by the static script (hidden without JavaScript)
    assert axe(page, {"include": [["main"]]}) == []
    page.emulate_media(media="print")
    assert not page.locator(".rollout-filter").is_visible()
    assert page.locator(".rollout-ranking").is_visible() and page.locator(".rollout-print-only").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")
    page.get_by_role("link", name="B-school").click()
    page.wait_for_url("**/uitrol/school/**")
    assert axe(page, {"include": [["main"]]}) == []
    page.get_by_role("link", name="Groep 7").click()
    page.wait_for_url("**/uitrol/groep/**")
    assert axe(page, {"include": [["main"]]}) == []
