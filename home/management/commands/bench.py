"""``manage.py bench`` (``make bench``): run every app's ``bench_<app>`` command in turn.

Benchmarks print figures; they are never timed assertions in the test suite.
"""

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Voert alle benchmarks (bench_<app>) uit en drukt de meetwaarden af."

    def handle(self, *args, **options):
        names = sorted(name for name in get_commands() if name.startswith("bench_"))
        if not names:
            self.stdout.write("Geen benchmarks gevonden.")
        for name in names:
            self.stdout.write(self.style.MIGRATE_HEADING(f"== {name}"))
            call_command(name, stdout=self.stdout, stderr=self.stderr)
