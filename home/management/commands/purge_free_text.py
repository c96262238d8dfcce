"""``manage.py purge_free_text``: remove free text older than the retention period.

Free text (adaptations in the register, messages from schools, answers typed into H5P
activities) can hold personal data that nobody asked for. Each project app that stores such
text has a ``retention`` module with ``purge(before, dry_run) -> {description: count}``; this
command runs them all inside one transaction. Counts and scores stay: only the text goes.
Run it daily (cron or a scheduler); ``FREE_TEXT_RETENTION_DAYS`` sets the period.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.discovery import app_modules


class Command(BaseCommand):
    help = "Verwijdert vrije tekst die ouder is dan de bewaartermijn (aantallen en scores blijven)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Bewaartermijn in dagen (standaard FREE_TEXT_RETENTION_DAYS).")
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets wijzigen.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.FREE_TEXT_RETENTION_DAYS if days is None else days
        if days < 30:
            raise CommandError("De bewaartermijn moet minstens 30 dagen zijn (gebruik --days 30 of meer).")
        before = timezone.now() - datetime.timedelta(days=days)
        with transaction.atomic():
            for label, module in app_modules("retention"):
                for description, count in module.purge(before, dry_run=dry_run).items():
                    self.stdout.write(f"{label}: {description}: {count}")
        verb = "zou worden verwijderd" if dry_run else "verwijderd"
        self.stdout.write(f"Vrije tekst van vóór {before:%d-%m-%Y} {verb}.")
