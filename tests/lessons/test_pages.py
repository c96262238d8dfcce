"""Programme pages: order, access, login prompt, presentation mode, print, navigation."""

import pytest
from bs4 import BeautifulSoup

from lessons.models import CourseProgress
from tests.factories import UserFactory

from . import factories as f

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_index_lists_parts_in_order_with_number_title_and_duration(client, tree):
    html = soup(client.get("/lessen/"))
    rows = html.select("ol.parts > li")
    assert [r.select_one(".part__number").get_text(strip=True) for r in rows] == ["1", "2", "3"]
    assert [r.select_one(".part__title a").get_text(" ", strip=True) for r in rows] == [
        "1. Les nummer 1", "2. Les nummer 2", "3. Les nummer 3"]
    assert rows[0].select_one(".part__title a")["href"] == "/lessen/les-1/"
    assert "60 minuten" in rows[0].select_one(".part__meta").get_text()
    # Anonymous visitors see the table of contents with a login link, not the lessons themselves.
    assert html.select_one(".notice a")["href"] == "/account/inloggen/?next=/lessen/"


def test_course_index_shows_a_teachers_own_progress(client, tree, teacher, other_teacher):
    CourseProgress.objects.create(user=teacher, module=tree["courses"][0])
    client.force_login(teacher)
    html = soup(client.get("/cursus/"))
    assert "U hebt 1 van de 2 modules afgerond." in html.select_one(".course-progress").get_text()
    assert html.select_one("progress")["value"] == "1"
    assert [bool(li.select_one(".badge--done")) for li in html.select("ol.parts > li")] == [True, False]
    client.force_login(other_teacher)
    assert "U hebt 0 van de 2 modules afgerond." in soup(client.get("/cursus/")).get_text()


@pytest.mark.parametrize("url", ["/lessen/les-1/", "/lessen/les-1/presenteren/", "/cursus/cursus-1/"])
def test_anonymous_visitors_get_a_login_prompt_not_a_404(client, tree, url):
    response = client.get(url)
    assert response.status_code == 403
    html = soup(response)
    assert html.h1.get_text(strip=True) == "Log in om dit onderdeel te lezen"
    assert html.select_one("main a.button")["href"] == f"/account/inloggen/?next={url}"
    assert "Kringgesprek" not in response.content.decode()


def test_an_account_without_a_role_is_told_to_ask_for_access(client, tree):
    client.force_login(UserFactory())
    response = client.get("/lessen/les-1/")
    assert response.status_code == 403
    assert "geen rol als leerkracht" in response.content.decode()


@pytest.mark.parametrize("role", ["teacher", "coordinator"])
def test_teachers_and_coordinators_read_class_lessons_and_the_course(client, tree, role, request):
    client.force_login(request.getfixturevalue(role))
    lesson = client.get("/lessen/les-1/")
    assert lesson.status_code == 200
    assert "Kringgesprek over talenten." in lesson.content.decode()
    course = client.get("/cursus/cursus-1/")
    assert course.status_code == 200
    # Shared caches must never keep teacher-only pages; carers' modules may be cached.
    for response in (lesson, course, client.get("/lessen/les-1/presenteren/")):
        assert "private" in response["Cache-Control"]
    assert "private" not in client.get("/thuis/module-1/").get("Cache-Control", "")


def test_home_modules_are_public_with_step_indicator_done_step_and_the_lesson_of_the_week(client, tree):
    response = client.get("/thuis/module-1/")
    assert response.status_code == 200
    html = soup(response)
    assert [p.get_text(strip=True) for p in html.select(".step-indicator")] == ["Stap 1 van 3", "Stap 2 van 3", "Stap 3 van 3"]
    assert html.select_one(".module-step--done h2").get_text(strip=True) == "Klaar!"
    learned = html.select_one(".child-learned")
    assert learned.h2.get_text(strip=True) == "Wat uw kind deze week leerde"
    assert "Les 1: Les nummer 1" in learned.get_text(" ", strip=True)
    assert learned.select("a") == []  # carers cannot open the lesson, so no dead-end link


def test_teachers_get_a_link_from_the_home_module_to_its_lesson(client, tree, teacher):
    client.force_login(teacher)
    learned = soup(client.get("/thuis/module-1/")).select_one(".child-learned")
    assert learned.a["href"] == "/lessen/les-1/"


def test_presentation_mode_shows_in_de_klas_one_step_per_slide_without_site_chrome(client, tree, teacher):
    lesson = tree["lessons"][0]
    lesson.in_class = [("step", {"title": t, "duration_minutes": 5, "content": [("paragraph", f"<p>{t} tekst</p>")]})
                       for t in ("Begin", "Midden", "Einde")]
    lesson.save_revision().publish()
    client.force_login(teacher)
    html = soup(client.get("/lessen/les-1/presenteren/"))
    assert html.select_one(".site-header") is None and html.select_one(".site-footer") is None
    assert [s.select_one(".slide__title").get_text(strip=True) for s in html.select(".slide")] == [
        "Les nummer 1", "Begin", "Midden", "Einde"]
    assert html.select_one(".slide:nth-of-type(3) .slide__kicker").get_text(strip=True).startswith("Stap 2 van 3")
    assert html.select_one("[data-exit]")["href"] == "/lessen/les-1/"
    assert html.select_one('script[src$="js/present.js"]')
    assert html.select_one('link[href$="css/present.css"]')


def test_lesson_page_has_print_button_print_styles_and_worksheets_with_type_and_size(client, tree, teacher):
    doc = f.document(title="Mijn talentenkaart", content=b"x" * 2048, name="kaart.txt")
    lesson = f.class_lesson(tree["klas"], 4, steps=[f.step("Werk", [f.worksheet(doc)])])
    client.force_login(teacher)
    html = soup(client.get(lesson.url))
    assert html.select_one("button[data-print]").get_text(strip=True) == "Afdrukken als lesplan"
    assert html.select_one('link[media="print"][href$="css/print.css"]')
    assert html.select_one('link[href$="css/lessons.css"]')
    listed = html.select_one(".worksheet-list li").get_text(" ", strip=True).replace("\xa0", " ")
    assert listed == "Mijn talentenkaart (TXT, 2,0 KB)"
    link = html.select_one(".worksheet__link")
    assert link["href"] == doc.url and "TXT, 2,0 KB" in link.get_text().replace("\xa0", " ")
    assert html.select_one(f'a[href="{lesson.url}presenteren/"]')


def test_breadcrumbs_and_previous_next_follow_the_numbers(client, tree, teacher):
    client.force_login(teacher)
    html = soup(client.get("/lessen/les-2/"))
    crumbs = [a.get_text(strip=True) for a in html.select(".breadcrumbs a")]
    assert crumbs == ["Thuis", "Lessen in de klas"]
    assert html.select_one('.breadcrumbs [aria-current="page"]').get_text(strip=True) == "Les nummer 2"
    assert html.select_one('a[rel="prev"]')["href"] == "/lessen/les-1/"
    assert html.select_one('a[rel="next"]')["href"] == "/lessen/les-3/"
    first = soup(client.get("/lessen/les-1/"))
    assert first.select_one('a[rel="prev"]') is None and first.select_one('a[rel="next"]')["href"] == "/lessen/les-2/"


def test_unpublished_parts_are_left_out_of_listing_and_navigation(client, tree, teacher):
    tree["lessons"][1].unpublish()
    client.force_login(teacher)
    assert [li.select_one(".part__number").get_text() for li in soup(client.get("/lessen/")).select("ol.parts > li")] == ["1", "3"]
    assert soup(client.get("/lessen/les-1/")).select_one('a[rel="next"]')["href"] == "/lessen/les-3/"


def test_navigation_links_the_programmes_and_search(client, tree):
    nav = {a.get_text(strip=True): a["href"] for a in soup(client.get("/thuis/")).select(".site-nav a")}
    assert nav["Lessen in de klas"] == "/lessen/" and nav["Thuismodules"] == "/thuis/"
    assert nav["Zoeken"] == "/zoeken/"


def test_english_programme_index_speaks_english(client, tree):
    from home.demo_tools import publish_translation

    publish_translation(tree["home"], "en", title="Home", slug="home-test-en")
    publish_translation(tree["klas"], "en", title="Lessons in class", slug="lessons", intro="<p>Ten lessons.</p>")
    response = client.get("/en/lessons/")
    assert response.status_code == 200
    html = soup(response)
    assert html.html["lang"] == "en" and html.h1.get_text(strip=True) == "Lessons in class"
    assert "This programme has no parts in this language yet." in html.get_text()
    nav = {a.get_text(strip=True): a["href"] for a in html.select(".site-nav a")}
    assert nav["Search"] == "/en/zoeken/" and nav["Lessons in class"] == "/en/lessons/"
    switcher = {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}
    assert switcher == {"nl": "/lessen/"}


def test_login_prompt_points_carers_to_the_home_modules(client, tree):
    html = soup(client.get("/lessen/les-1/"))
    assert html.select_one('.login-prompt a[href="/thuis/"]').get_text(strip=True) == "Naar Thuismodules"
