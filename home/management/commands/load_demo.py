"""``manage.py load_demo``: load the sample content once, app by app, then list the demo accounts.

Each project app may have a ``demo`` module with ``load(stdout)`` (and optionally
``summary() -> list[str]``). Apps load in ``INSTALLED_APPS`` order, each once: a second run
changes nothing, and an app added later loads on a database that already has the rest.
A database with real content (pages or users not made by this command) is left untouched, and
the command says why; ``--force`` loads anyway when only users exist and the page tree is empty
(e.g. right after ``createsuperuser``).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from home.discovery import app_modules
from home.models import DemoLoad

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def real_pages_exist() -> bool:
    """True when someone already put pages in this database (not this command or Wagtail's welcome page)."""
    pages = Page.objects.filter(depth__gte=2).exclude(title=WAGTAIL_WELCOME_TITLE, content_type__app_label="wagtailcore")
    return pages.exists()


def has_real_content() -> bool:
    """True when someone already put pages or users in this database (not this command)."""
    return real_pages_exist() or get_user_model().objects.exists()


class Command(BaseCommand):
    help = "Laadt de voorbeeldinhoud (eenmalig per app; een tweede keer verandert niets)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true",
            help="Laad toch, als er al gebruikers zijn (bijv. na createsuperuser) maar nog geen pagina's.",
        )

    def handle(self, *args, force=False, **options):
        if not DemoLoad.objects.exists() and has_real_content():
            if real_pages_exist():
                # Pages someone made are never mixed with sample content, not even with --force.
                self.stdout.write(self.style.WARNING(
                    "Deze database bevat al echte inhoud (pagina's): load_demo laat die ongemoeid en laadt niets."
                ))
                return
            if not force:
                # Users but an empty content tree: typically right after createsuperuser. Say so
                # instead of silently loading nothing, and name the way out.
                self.stdout.write(self.style.WARNING(
                    "Er bestaan al gebruikers in deze database (bijvoorbeeld na createsuperuser), dus load_demo "
                    "laat die ongemoeid en laadt niets. De paginaboom is nog leeg: gebruik "
                    "'manage.py load_demo --force' om de voorbeeldinhoud toch te laden."
                ))
                return
        modules = list(app_modules("demo"))
        done = set(DemoLoad.objects.values_list("app_label", flat=True))
        for label, module in modules:
            if label in done:
                continue
            with transaction.atomic():
                module.load(self.stdout)
                DemoLoad.objects.create(app_label=label)
            self.stdout.write(f"Voorbeeldinhoud geladen: {label}")
        for _label, module in modules:
            for line in getattr(module, "summary", lambda: [])():
                self.stdout.write(line)
