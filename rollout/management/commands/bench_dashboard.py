"""``manage.py bench_dashboard``: render the rollout views as a coordinator, print figures.

Each view is requested ``--runs`` times right after a real write (a logged lesson saved again
through ``schools.services.update_delivery``: its summary row is refreshed and the cached
figures invalidated, as after any lesson logged), which computes the figures ("cold_ms",
"cold_queries"; the write itself "write_ms"), and ``--runs`` times from the cached figures
("ms", "queries"). Per view the medians are printed; the last line is one JSON object
``{"<view>": {"queries": Q, "ms": T, "cold_queries": ..., "cold_ms": ..., "write_ms": ...}, ...,
"schools": N}``. With no school in the database it measures 80 generated schools
(``generate_rollout_data``) inside a transaction that is rolled back, so ``make bench`` always
has something to measure and leaves the database as it was. A benchmark, never a timed assertion.
"""

import json
import statistics
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from rollout import cache
from schools import services
from schools.models import Groep, LessonDelivery, School

BENCH_EMAIL = "bench-coordinator@synthetisch.example"


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet het uitroldashboard en het uitbreidingsrapport (queries en milliseconden, mediaan)."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=5, help="Metingen per pagina (1 tot en met 50).")

    def handle(self, *args, runs, **options):
        if not 1 <= runs <= 50:
            raise CommandError(f"--runs moet tussen 1 en 50 liggen (gekregen: {runs}).")
        if School.objects.exists():
            self.run(runs)
            return
        # An empty database (``make bench`` on a fresh machine): measure 80 generated schools and
        # keep nothing, like bench_schools.
        try:
            with transaction.atomic():
                call_command("generate_rollout_data", schools=80, seed=1, stdout=self.stdout)
                self.run(runs)
                raise Rollback
        except Rollback:
            pass

    def run(self, runs):
        client = self.client()
        school = School.objects.filter(groepen__isnull=False).order_by("pk").first()
        groep = Groep.objects.filter(deliveries__isnull=False).order_by("pk").first() or Groep.objects.order_by("pk").first()
        views = {
            "admin_home": reverse("wagtailadmin_home"),
            "dashboard": reverse("rollout:dashboard"),
            "report": reverse("rollout:report"),
            "report_all": reverse("rollout:report") + "?scope=all",
            "report_xlsx": reverse("rollout:report") + "?export=xlsx",
            "trained_not_delivering": reverse("rollout:trained_not_delivering"),
        }
        if school:
            views["school"] = reverse("rollout:school", args=[school.pk])
        if groep:
            views["groep"] = reverse("rollout:groep", args=[groep.pk])
        delivery = LessonDelivery.objects.order_by("pk").first()
        result = {}
        for name, url in views.items():
            result[name] = self.measure(client, url, runs, delivery)
            figures = result[name]
            self.stdout.write(f"{name:<24} {figures['ms']:8.1f} ms {figures['queries']:3d} queries (after a write: "
                              f"{figures['cold_ms']:8.1f} ms {figures['cold_queries']:3d} queries; the write {figures['write_ms']:.1f} ms)")
        result["schools"] = School.objects.count()
        result["database"] = connection.vendor
        self.stdout.write(json.dumps(result))

    def client(self):
        user, _created = User.objects.get_or_create(email=BENCH_EMAIL, defaults={"is_staff": True, "first_name": "Bench"})
        user.groups.add(Group.objects.get(name=settings.COORDINATORS_GROUP))
        hosts = [host for host in settings.ALLOWED_HOSTS if host and "*" not in host and not host.startswith(".")]
        client = Client(SERVER_NAME=hosts[0] if hosts else "localhost", secure=getattr(settings, "SECURE_SSL_REDIRECT", False))
        # A session made directly: ``force_login`` would send the login signal, and django-axes
        # then logs an access from an unknown address (PostgreSQL refuses "unknown" as an inet).
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = "accounts.backends.UserBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
        return client

    def measure(self, client, url, runs, delivery):
        """Medians over ``runs`` requests each: right after a write, which computes the figures
        ("cold_ms", "cold_queries"; the write "write_ms"), and answered from the cached figures
        ("ms", "queries"). Medians, because the machine is shared and one request is noise."""
        cold, writes = [], []
        for _run in range(runs):
            start = time.perf_counter()
            if delivery is None:
                cache.bump()  # nothing to write: invalidate the figures only
            else:
                services.update_delivery(delivery, within_edit_window=False, minutes=delivery.minutes)
            writes.append((time.perf_counter() - start) * 1000)
            cold.append(self.request(client, url))
        warm = [self.request(client, url) for _run in range(runs)]
        return {"queries": int(statistics.median(q for _ms, q in warm)), "ms": round(statistics.median(ms for ms, _q in warm), 1),
                "cold_queries": int(statistics.median(q for _ms, q in cold)), "cold_ms": round(statistics.median(ms for ms, _q in cold), 1),
                "write_ms": round(statistics.median(writes), 1)}

    def request(self, client, url):
        """(milliseconds, queries) of one rendered response."""
        reset_queries()  # after generating 80 schools the query log is full and would count nothing
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            ms = (time.perf_counter() - start) * 1000
        if response.status_code != 200:
            raise CommandError(f"{url} gaf {response.status_code}.")
        return ms, len(captured)
