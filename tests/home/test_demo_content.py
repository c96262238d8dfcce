"""``load_demo`` loads once, changes nothing the second time and leaves real content alone."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from home.models import DemoLoad, HomePage


def snapshot():
    return (
        Page.objects.count(),
        get_user_model().objects.count(),
        sorted(Page.objects.values_list("url_path", "latest_revision_id")),
    )


@pytest.mark.django_db
def test_load_demo_is_idempotent_and_prints_demo_accounts():
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = snapshot()
    assert "coordinator@bounce.example" in out.getvalue()
    assert "leerkracht.a@bounce.example" in out.getvalue()

    out = StringIO()
    call_command("load_demo", stdout=out)
    assert snapshot() == first
    assert "Voorbeeldinhoud geladen" not in out.getvalue()
    assert "coordinator@bounce.example" in out.getvalue()


@pytest.mark.django_db
def test_demo_home_is_the_site_root_in_dutch_with_an_english_translation():
    call_command("load_demo", stdout=StringIO())
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert home.locale.language_code == "nl"
    assert "Voorbeeldinhoud" in home.intro
    english = home.get_translation(Locale.objects.get(language_code="en"))
    assert english.live and "Sample content" in english.specific.intro


@pytest.mark.django_db
def test_load_demo_leaves_a_database_with_real_content_untouched(coordinator):
    root = Page.get_first_root_node()
    real = root.add_child(instance=Page(title="Onze echte startpagina", slug="echt"))
    before = snapshot()
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "laat die ongemoeid" in out.getvalue()
    assert snapshot() == before
    assert not DemoLoad.objects.exists()
    assert Page.objects.filter(pk=real.pk).exists()
