"""The coordinator's journey in the Wagtail admin in Chromium, one test: register a school, add a
groep, invite a teacher for it, upload an H5P package, read the rollout dashboard and the
feedback analysis, and export both as XLSX. Every page: no CSP violation, axe clean (on
Wagtail's own pages without the rules ``journey_support.WAGTAIL_OWN_RULES`` names)."""

import io

import pytest
from openpyxl import load_workbook

from feedback import services as feedback_services
from h5p.builder import build_package
from h5p.models import H5PActivity
from schools import services
from schools.models import Groep, GroepInvitation, School
from tests.browser.journey_support import check, groep, past_school_days, programme, visit, watched  # noqa: F401
from tests.h5p.browser_support import static_cors_like_whitenoise  # noqa: F401 (autouse fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

GRADES = [6, 7, 8, 7, 8]  # five answers, the small-numbers limit: the mean 7.2 is shown


@pytest.fixture
def rated_lessons(programme, groep, teacher):  # noqa: F811
    """Five deliveries of lesson 1 in Groep 7A, each rated, through the services."""
    groep.teachers.add(teacher)
    for day, grade in zip(past_school_days(len(GRADES)), GRADES, strict=True):
        delivery = services.log_delivery(groep=groep, lesson=programme["lesson"], teacher=teacher, date=day)
        feedback_services.save_lesson_feedback(delivery, grade=grade, pupils_engaged=4, fits_groep=4,
                                               preparation_feasible=4, time_sufficient=4)


def download(page, link):
    """Click ``link`` and return the downloaded workbook (openpyxl)."""
    with page.expect_download() as info:
        link.click()
    return load_workbook(io.BytesIO(open(info.value.path(), "rb").read()), read_only=True)


def rows_of(sheet):
    return [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]


def save(page):
    """The form's primary button ("Aanmaken", "Opslaan"), the one bound to Ctrl+S."""
    page.locator("button[type=submit][data-w-kbd-key-value='mod+s']").first.click()


def test_coordinator_journey_in_the_admin(watched, login, coordinator, programme, rated_lessons, mailoutbox):  # noqa: F811
    page = login(watched, coordinator)
    visit(page, "/admin/", wagtail_own=True)

    # Register a school (the Scholen viewset).
    visit(page, "/admin/scholen/new/", wagtail_own=True)
    page.locator("#id_name").fill("De Horizon")
    page.locator("#id_brin").fill("34cd")
    page.locator("#id_contact_name").fill("Eva de Vries")
    page.locator("#id_contact_email").fill("eva@horizon.example")
    page.locator("#id_status").select_option(label="Actief")
    save(page)
    page.wait_for_url("**/admin/scholen/")
    check(page, wagtail_own=True)
    school = School.objects.get(name="De Horizon")
    assert (school.brin, school.status) == ("34CD", "actief")
    assert school.status_changes.get().changed_by == coordinator

    # Add a groep to it (the Groepen viewset).
    visit(page, "/admin/groepen/new/", wagtail_own=True)
    page.locator("#id_school").select_option(label=str(school))
    page.locator("#id_name").fill("Groep 8")
    page.locator("input[name=year_levels][value='8']").check()
    page.locator("#id_pupil_count").fill("22")
    page.locator("#id_programme").select_option(value=str(programme["klas"].pk))
    save(page)
    page.wait_for_url("**/admin/groepen/")
    check(page, wagtail_own=True)
    new_groep = Groep.objects.get(school=school)
    assert (new_groep.name, new_groep.year_levels, new_groep.pupil_count, new_groep.programme_id) == (
        "Groep 8", [8], 22, programme["klas"].pk)

    # Invite a teacher for that groep (the project's own admin view: no rule switched off).
    page.locator("tr", has_text="Groep 8").get_by_role("link", name="Leerkracht uitnodigen").click()
    page.wait_for_url(f"**/groepen/{new_groep.pk}/leerkracht-uitnodigen/")
    check(page)
    page.get_by_label("Werk-e-mailadres").fill("sam@horizon.example")
    page.get_by_label("Voornaam").fill("Sam")
    page.get_by_label("Achternaam").fill("Jansen")
    page.get_by_role("button", name="Uitnodigen").click()
    page.wait_for_url("**/admin/groepen/")
    assert "Uitnodiging verstuurd naar sam@horizon.example" in page.locator(".messages").inner_text()
    check(page, wagtail_own=True)
    (mail,) = mailoutbox
    assert mail.to == ["sam@horizon.example"] and "Groep 8 van De Horizon" in mail.body
    assert GroepInvitation.objects.get().groep == new_groep

    # Upload an H5P package built in code; the title comes from the package.
    visit(page, "/admin/snippets/h5p/h5pactivity/add/", wagtail_own=True)
    page.locator("#id_package_file").set_input_files(
        {"name": "veerkracht.h5p", "mimeType": "application/zip", "buffer": build_package(title="Veerkracht-quiz")})
    save(page)
    page.wait_for_url("**/admin/snippets/h5p/h5pactivity/")
    check(page, wagtail_own=True)
    activity = H5PActivity.objects.get(title="Veerkracht-quiz")
    package = activity.current_package
    assert page.get_by_role("link", name="Veerkracht-quiz").count() >= 1
    assert (package.original_filename, package.uploaded_by) == ("veerkracht.h5p", coordinator)

    # Content: the page explorer and the lesson's editor, whose StreamField Wagtail builds client-side.
    visit(page, "/admin/pages/", wagtail_own=True)
    visit(page, f"/admin/pages/{programme['lesson'].pk}/edit/", wagtail_own=True)
    page.locator("[data-streamfield-stream-container]").first.wait_for()
    check(page, wagtail_own=True)
    visit(page, f"/admin/pages/{programme['module'].pk}/edit/", wagtail_own=True)
    visit(page, "/admin/images/", wagtail_own=True)

    # The rollout dashboard (the project's own view) counts the new school and groep.
    visit(page, "/admin/uitrol/")
    figures = page.locator("table", has_text="Kerncijfers per schooljaar")
    assert figures.locator("tr", has_text="Scholen met groepen").locator("td").last.inner_text() == "2"
    assert figures.locator("tr", has_text="Groepen met minstens één les").locator("td").last.inner_text() == "1"
    assert figures.locator("tr", has_text="Gemiddeld rapportcijfer lessen").locator("td").last.inner_text() == "7,2"

    # The feedback analysis shows lesson 1's mean grade (five answers, so not suppressed) ...
    visit(page, "/admin/feedback/analyse/lessen/")
    row = page.locator("table.listing tr", has_text="Talenten").first
    assert "7,2" in row.inner_text() and "5" in row.inner_text()
    # ... and exports it as XLSX with the same figure.
    page.locator("#w-slim-header-buttons").get_by_role("button", name="Acties").click()  # the header's menu
    workbook = download(page, page.get_by_role("link", name="Download XLSX"))
    rows = rows_of(workbook.worksheets[0])
    heading, *data = rows
    lesson_row = next(r for r in data if r[heading.index("Titel")] == "Talenten")
    assert lesson_row[heading.index("Antwoorden")] == 5 and lesson_row[heading.index("Rapportcijfer (gem.)")] in ("7,2", 7.2)
    check(page)

    # The expansion report's XLSX (all schools): the summary sheet holds the dashboard's figures,
    # the ranking both schools.
    visit(page, "/admin/uitrol/uitbreiding/?scope=all")  # both schools are active, so not in the default pipeline
    workbook = download(page, page.get_by_role("link", name="Download als spreadsheet (XLSX)"))
    summary = {row[0]: row[2] for row in rows_of(workbook["Overzicht"])[1:]}
    assert summary["Scholen met groepen"] == 2 and summary["Groepen"] == 2
    ranking = rows_of(workbook["Ranglijst"])
    assert {"De Horizon", "De Regenboog"} <= {row[1] for row in ranking[1:]}
    check(page)
