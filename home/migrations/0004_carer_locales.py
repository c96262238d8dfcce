"""The carers' languages as Wagtail locales: Arabic, Turkish and Polish (see home.languages)."""

from django.db import migrations


def create_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    for code in ("ar", "tr", "pl"):
        Locale.objects.get_or_create(language_code=code)


def remove_locales(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    for code in ("ar", "tr", "pl"):
        locale = Locale.objects.filter(language_code=code).first()
        if locale and not Page.objects.filter(locale=locale).exists():
            locale.delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0003_english_locale")]
    operations = [migrations.RunPython(create_locales, remove_locales)]
