"""``load_demo`` after ``createsuperuser``: it says why it loads nothing, and ``--force`` loads into an empty tree."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

from home.models import DemoLoad, HomePage


def run(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(email="beheer@gemeente.example", password="x" * 20)


@pytest.mark.django_db
def test_a_superuser_alone_gets_an_explanation_and_the_force_option(superuser):
    pages_before = Page.objects.count()
    output = run()
    assert "createsuperuser" in output and "--force" in output
    assert Page.objects.count() == pages_before
    assert not DemoLoad.objects.exists()


@pytest.mark.django_db
def test_force_loads_the_demo_into_an_empty_tree_and_keeps_the_user(superuser):
    output = run("--force")
    assert "Voorbeeldinhoud geladen: home" in output
    assert HomePage.objects.filter(locale__language_code="nl").exists()
    assert get_user_model().objects.filter(pk=superuser.pk, is_superuser=True).exists()
    assert "Voorbeeldinhoud geladen" not in run()  # loaded once: the second run changes nothing


@pytest.mark.django_db
def test_force_never_mixes_sample_content_into_real_pages(superuser):
    Page.get_first_root_node().add_child(instance=Page(title="Onze echte startpagina", slug="echt"))
    pages_before = Page.objects.count()
    output = run("--force")
    assert "echte inhoud" in output
    assert Page.objects.count() == pages_before
    assert not DemoLoad.objects.exists()
