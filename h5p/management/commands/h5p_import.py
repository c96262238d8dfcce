"""``manage.py h5p_import PATH [--title T] [--activity SLUG]``: validate and import a package.

Prints the new (or updated) activity's id and exits 0; on a bad package prints every problem
and exits 1 (2 for a missing file), storing nothing.
"""

import os

from django.core.management.base import BaseCommand, CommandError

from h5p.models import H5PActivity
from h5p.services import import_package
from h5p.validation import PackageInvalid


class Command(BaseCommand):
    help = "Valideer en importeer een .h5p-pakket als H5P-activiteit."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Pad naar het .h5p-bestand")
        parser.add_argument("--title", help="Titel van de activiteit (anders die uit h5p.json)")
        parser.add_argument("--slug", help="Slug voor een nieuwe activiteit")
        parser.add_argument("--activity", help="Slug van een bestaande activiteit: voeg een nieuwe versie toe")

    def handle(self, *args, path, title=None, slug=None, activity=None, **options):
        if not os.path.isfile(path):
            raise CommandError(f"Bestand niet gevonden: {path}", returncode=2)
        target = None
        if activity:
            target = H5PActivity.objects.filter(slug=activity).first()
            if target is None:
                raise CommandError(f"Activiteit “{activity}” bestaat niet.", returncode=2)
        if slug and H5PActivity.objects.filter(slug=slug).exists():
            raise CommandError(f"De slug “{slug}” is al in gebruik.", returncode=1)
        try:
            package = import_package(path, filename=path, title=title, slug=slug, activity=target)
        except PackageInvalid as exc:
            raise CommandError(exc.message, returncode=1) from exc
        self.stdout.write(str(package.activity.pk))
        self.stderr.write(
            f"Geïmporteerd: “{package.activity.title}” (slug {package.activity.slug}, versie {package.version}, "
            f"{package.main_library} {package.main_library_version}, {package.file_count} bestanden)"
        )
        if package.skipped_files:
            self.stderr.write(
                "Overgeslagen (losse bestanden in de hoofdmap, niet nodig om af te spelen): "
                + ", ".join(package.skipped_files)
            )
