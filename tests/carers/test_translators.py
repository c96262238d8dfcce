"""The "Vertalers" group may edit and publish the translated trees, not the Dutch one."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale

from home.languages import TRANSLATORS_GROUP, grant_translators
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator(carer_tree):
    grant_translators(carer_tree["home_ar"])
    user = UserFactory()
    user.groups.add(Group.objects.get(name=TRANSLATORS_GROUP))
    return user


def test_translators_may_edit_and_publish_arabic_but_not_dutch(translator, carer_tree):
    arabic = carer_tree["module_ar"].permissions_for_user(translator)
    dutch = carer_tree["module"].permissions_for_user(translator)
    assert arabic.can_edit() and arabic.can_publish()
    assert not dutch.can_edit() and not dutch.can_publish()
    assert not carer_tree["module_en"].permissions_for_user(translator).can_edit(), "only the languages granted"


def test_translators_reach_the_admin(client, translator):
    client.force_login(translator)
    assert client.get("/admin/").status_code == 200


def test_the_dutch_tree_cannot_be_granted(carer_tree):
    assert carer_tree["home"].locale == Locale.objects.get(language_code="nl")
    with pytest.raises(ValueError):
        grant_translators(carer_tree["home"])
