"""``manage.py load_demo``: load the sample content once, app by app, then list the demo accounts.

Each project app may have a ``demo`` module with ``load(stdout)`` (and optionally
``summary() -> list[str]``). Apps load in ``INSTALLED_APPS`` order, each once: a second run
changes nothing, and an app added later loads on a database that already has the rest.
A database with real content (pages or users not made by this command) is left untouched.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Page

from home.discovery import app_modules
from home.models import DemoLoad

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"


def has_real_content() -> bool:
    """True when someone already put pages or users in this database (not this command)."""
    pages = Page.objects.filter(depth__gte=2).exclude(title=WAGTAIL_WELCOME_TITLE, content_type__app_label="wagtailcore")
    return pages.exists() or get_user_model().objects.exists()


class Command(BaseCommand):
    help = "Laadt de voorbeeldinhoud (eenmalig per app; een tweede keer verandert niets)."

    def handle(self, *args, **options):
        if not DemoLoad.objects.exists() and has_real_content():
            self.stdout.write(
                self.style.WARNING(
                    "Deze database bevat al echte inhoud: load_demo laat die ongemoeid en laadt niets."
                )
            )
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
