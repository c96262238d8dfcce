"""``manage.py bench_lessons``: page weight of a carer module, render times and query counts.

Works on any migrated database: when there are no programme pages yet it loads the demo
inside a transaction that is rolled back (media go to a temporary folder that is removed).
"""

import gzip
import re
import shutil
import statistics
import tempfile
import time
from io import StringIO

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from lessons.models import ClassLessonPage, CourseModulePage, HomeModulePage, ProgrammeIndexPage

BUDGET_KB = 150
ASSET = re.compile(r'<(?:link[^>]+href|script[^>]+src|img[^>]+src)="([^"]+)"')


def asset_bytes(url: str) -> bytes:
    """The bytes a browser would download for a local asset URL (static or media)."""
    url = url.split("?")[0]
    if url.startswith(settings.STATIC_URL):
        path = finders.find(url[len(settings.STATIC_URL):])
        return open(path, "rb").read() if path else b""
    if url.startswith(settings.MEDIA_URL):
        with default_storage.open(url[len(settings.MEDIA_URL):]) as fh:
            return fh.read()
    return b""


def page_weight(html: bytes) -> dict:
    assets = [asset_bytes(u) for u in ASSET.findall(html.decode())]
    raw = len(html) + sum(len(a) for a in assets)
    compressed = len(gzip.compress(html)) + sum(len(gzip.compress(a)) for a in assets)
    return {"raw": raw, "gzip": compressed, "files": len(assets) + 1}


class Command(BaseCommand):
    help = "Meet paginagewicht, rendertijd en aantal queries van de lespagina's."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        media = tempfile.mkdtemp(prefix="bench-lessons-")
        try:
            with override_settings(MEDIA_ROOT=media), transaction.atomic():
                self.measure(runs)
                transaction.set_rollback(True)
        finally:
            shutil.rmtree(media, ignore_errors=True)

    def measure(self, runs):
        if not HomeModulePage.objects.live().exists():
            self.stdout.write("Geen programmapagina's: de voorbeeldinhoud wordt tijdelijk geladen.")
            call_command("load_demo", stdout=StringIO())
        host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")), "localhost")
        anonymous = Client(HTTP_HOST=host)
        teacher = Client(HTTP_HOST=host)
        rendering = Client(HTTP_HOST=host)
        rendering.cookies["meten"] = "1"  # any extra cookie bypasses the anonymous page cache
        user = User.objects.create_user("bench-lessons@bounce.invalid", first_name="Bench", last_name="Lessons")
        user.groups.add(Group.objects.get(name=settings.TEACHERS_GROUP))
        teacher.force_login(user)

        module = self.module_without_h5p()
        html = anonymous.get(module.url).content
        weight = page_weight(html)
        verdict = "binnen" if weight["gzip"] / 1024 < BUDGET_KB else "BOVEN"
        self.stdout.write(
            f"Paginagewicht thuismodule zonder H5P ({module.url}): {weight['gzip'] / 1024:.1f} KB overgedragen (gzip), "
            f"{weight['raw'] / 1024:.1f} KB onverpakt, {weight['files']} bestanden; {verdict} het budget van {BUDGET_KB} KB"
        )
        lesson = ClassLessonPage.objects.live().order_by("number").first()
        pages = [
            ("thuismodule (anoniem, cache)", anonymous, module.url),
            ("thuismodule (gerenderd)", rendering, module.url),
            ("les in de klas (leerkracht)", teacher, lesson.url if lesson else None),
            ("presentatiemodus", teacher, f"{lesson.url}presenteren/" if lesson else None),
            ("cursusmodule", teacher, getattr(CourseModulePage.objects.live().first(), "url", None)),
            ("programma-overzicht", teacher, getattr(ProgrammeIndexPage.objects.live().first(), "url", None)),
            ("zoeken", teacher, "/zoeken/?q=veerkracht"),
        ]
        # Baseline in the same run: a bare Django view (one query, no template). Ratios hold on a
        # noisy shared machine where absolute milliseconds do not.
        baseline = self.report("kale Django-view (basislijn)", anonymous, "/gezond/", runs)
        for label, client, url in pages:
            if url:
                median = self.report(label, client, url, runs)
                self.stdout.write(f"{'':30} {baseline / median:.0%} van de doorvoer van de kale view")

    def module_without_h5p(self):
        for module in HomeModulePage.objects.live().order_by("number"):
            if not any(child.block_type == "h5p" for step in module.steps for child in step.value["content"]):
                return module
        return HomeModulePage.objects.live().first()

    def report(self, label, client, url, runs):
        client.get(url)  # warm caches and renditions
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        self.stdout.write(
            f"{label:30} {url:45} status {response.status_code}  mediaan {statistics.median(timings):6.1f} ms  "
            f"p95 {p95:6.1f} ms  queries {len(queries.captured_queries):3}  HTML {len(response.content) / 1024:5.1f} KB"
        )
        return statistics.median(timings)
