"""Demo accounts: one coordinator and two teachers (the schools demo places them at two schools).

The passwords are printed by ``load_demo``; they are for a local demo only.
"""

from django.conf import settings
from django.contrib.auth.models import Group

from .models import User

DEMO_PASSWORD = "bounce-demo-2026"  # noqa: S105 - printed on purpose, demo only

DEMO_USERS = [
    # (e-mail, first name, last name, group, is_staff)
    ("coordinator@bounce.example", "Carla", "de Coördinator", settings.COORDINATORS_GROUP, True),
    ("leerkracht.a@bounce.example", "Anouk", "Jansen", settings.TEACHERS_GROUP, False),
    ("leerkracht.b@bounce.example", "Bram", "Visser", settings.TEACHERS_GROUP, False),
]


def load(stdout):
    for email, first_name, last_name, group_name, is_staff in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"first_name": first_name, "last_name": last_name, "is_staff": is_staff}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=group_name))


def summary():
    lines = ["", f"Demo-accounts (voorbeeld; wachtwoord voor alle drie: {DEMO_PASSWORD}):"]
    for email, first_name, last_name, group_name, _staff in DEMO_USERS:
        lines.append(f"  {group_name:<14} {email:<32} ({first_name} {last_name})")
    lines.append("Beheer (Wagtail): http://127.0.0.1:8000/admin/   Site: http://127.0.0.1:8000/")
    return lines
