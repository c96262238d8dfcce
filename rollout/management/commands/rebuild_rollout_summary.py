"""``manage.py rebuild_rollout_summary [--check]``: the per-groep summary from scratch.

The summary follows every write through signals (``rollout.summary``); this is for writes that
bypass them (bulk loads, raw SQL, a restored backup) and for checking. ``--check`` changes
nothing and fails, naming the differences, when the table is not exact.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rollout import cache, summary


class Command(BaseCommand):
    help = "Berekent de uitrolsamenvatting per groep opnieuw (of controleert hem met --check)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Alleen controleren, niets wijzigen.")

    def handle(self, *args, check, **options):
        if check:
            problems = summary.differences()
            if problems:
                raise CommandError(f"De samenvatting wijkt af ({len(problems)}): " + "; ".join(problems[:20]))
            self.stdout.write("De samenvatting klopt.")
            return
        with transaction.atomic():
            rows = summary.rebuild()
            transaction.on_commit(cache.bump)
        self.stdout.write(f"Samenvatting opnieuw berekend: {rows} groepen.")
