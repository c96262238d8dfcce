"""Fixtures for the whole suite: users per role and a Playwright browser on Debian's Chromium."""

import os

import pytest

from tests.factories import CoordinatorFactory, TeacherFactory

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory(email="coordinator@gemeente.example")


@pytest.fixture
def teacher(db):
    return TeacherFactory(email="leerkracht@school-a.example")


@pytest.fixture
def other_teacher(db):
    return TeacherFactory(email="leerkracht@school-b.example")


@pytest.fixture(scope="session")
def browser_instance():
    """One Chromium for the session (starting it is the slow part)."""
    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # inside one unless told that this test process knows what it does.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run 'make test', which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser_instance, live_server):
    """A fresh browser context and page per test (own cookies), pointed at the live server."""
    context = browser_instance.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def login(live_server):
    """Log a user into a Playwright page by copying a Django session cookie (no form, no axes)."""
    from django.conf import settings
    from django.test import Client

    def _login(page, user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )
        return page

    return _login


AXE_PATH = os.path.join(os.path.dirname(os.path.dirname(__file__)), "node_modules", "axe-core", "axe.min.js")
AXE_SOURCE = f"(() => {{ {open(AXE_PATH, encoding='utf-8').read() if os.path.exists(AXE_PATH) else ''}\n}})()"


@pytest.fixture
def axe():
    """Run axe-core (from npm, local) on the current page; return violations at WCAG 2.x A/AA."""

    def _run(page, context=None):
        # Evaluated through the DevTools protocol, not as a <script> tag: the site's strict
        # Content-Security-Policy (no inline scripts) would block an injected tag.
        page.evaluate(AXE_SOURCE)
        result = page.evaluate(
            """async (ctx) => await axe.run(ctx || document, {
                runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}
            })""",
            context,
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]

    return _run


def pytest_collection_modifyitems(config, items):
    """Browser tests must be transactional with serialized rollback; say so early if one is not."""
    for item in items:
        if item.get_closest_marker("browser"):
            marker = item.get_closest_marker("django_db")
            if marker is None or not marker.kwargs.get("serialized_rollback"):
                raise pytest.UsageError(
                    f"{item.nodeid}: browser tests need @pytest.mark.django_db(transaction=True, serialized_rollback=True)"
                )


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, so cached fragments never leak between tests
    (the worker-local copy of versioned entries included: ``home.version_memo``)."""
    from django.core.cache import caches

    caches["versioned"].clear()
    yield
    caches["versioned"].clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Dutch. LocaleMiddleware leaves the last request's language active on
    the thread, so after a request for an Arabic page the next test's ``reverse()`` would build
    ``/ar/...`` addresses (which the carers-only language middleware then redirects)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


TRANSACTIONAL_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}
_emptied_by = []


def _database_use(item):
    """None, "plain" (rolled back, sees what migrations wrote) or "transactional" (flushed after)."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    if (marker and marker.kwargs.get("transaction")) or fixtures & TRANSACTIONAL_FIXTURES:
        return "transactional"
    if marker or "db" in fixtures:
        return "plain"
    return None


def pytest_runtest_setup(item):
    """A transactional test empties the database when it ends (the rows migrations wrote
    included: locales, roles, Wagtail's root page), so in one process no plain database test may
    come after one. pytest-django orders them so, and ``make test``'s ``--dist load`` keeps
    that order in every xdist process; a schedule that breaks it fails here, saying why, instead
    of as a missing locale."""
    use = _database_use(item)
    if use == "plain" and _emptied_by:
        pytest.fail(
            f"{item.nodeid} runs after {_emptied_by[0]}, which emptied the database: run transactional tests last"
        )
    if use == "transactional" and not _emptied_by:
        _emptied_by.append(item.nodeid)
