"""Factories shared by every app's tests (users and roles). App-specific factories live in
``tests/<app>/factories.py``."""

import factory
from django.conf import settings
from django.contrib.auth.models import Group

from accounts.models import User


def _role(group_name):
    """A post-generation hook that puts the user in ``group_name`` (or the group passed)."""

    def add_to_group(user, create, extracted, **kwargs):
        name = extracted or group_name
        if name and create:
            user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(add_to_group)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"gebruiker{n}@school.example")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    password = factory.PostGenerationMethodCall("set_password", "correct-horse-battery")
    role = _role(None)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class CoordinatorFactory(UserFactory):
    is_staff = True
    role = _role(settings.COORDINATORS_GROUP)


class TeacherFactory(UserFactory):
    role = _role(settings.TEACHERS_GROUP)
