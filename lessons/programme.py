"""The three kinds of programme, as one set of names for every app.

Kept apart from ``lessons.models`` so that selectors and other apps can name a programme
type without importing the page models (``lessons.models`` re-exports it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgrammeType(models.TextChoices):
    CLASS = "klas", _("Lessen in de klas (groep 7/8)")
    HOME = "thuis", _("Thuismodules voor ouders/verzorgers")
    COURSE = "cursus", _("Cursus voor leerkrachten")
