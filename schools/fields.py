"""Year levels (groep 1-8) stored as a short text such as "7,8", edited as checkboxes.

A combinatiegroep spans several year levels. A text of sorted single digits keeps the column
portable (SQLite and PostgreSQL) and still countable in the database: groepen with level 8 are
``year_levels__contains="8"`` (levels are single digits, so no false matches).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

YEAR_LEVEL_CHOICES = [(level, _("groep %(level)s") % {"level": level}) for level in range(1, 9)]


def parse_year_levels(value) -> list[int]:
    """Turn "7,8", ["7", "8"] or [7, 8] into a sorted list of unique ints (invalid -> ValidationError)."""
    if value in (None, ""):
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    try:
        levels = sorted({int(item) for item in items if str(item).strip()})
    except (TypeError, ValueError) as error:
        raise ValidationError(_("Kies een of meer groepen van 1 tot en met 8."), code="invalid") from error
    if any(level < 1 or level > 8 for level in levels):
        raise ValidationError(_("Kies een of meer groepen van 1 tot en met 8."), code="invalid")
    return levels


class YearLevelsFormField(forms.TypedMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        kwargs["choices"] = YEAR_LEVEL_CHOICES
        kwargs["coerce"] = int
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("required", _("Kies minstens één jaargroep (1 tot en met 8)."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            try:
                return parse_year_levels(value)
            except ValidationError:
                return []
        return value


class YearLevelsField(models.CharField):
    """A list of year levels (ints 1-8) kept as "7,8"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 15)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return parse_year_levels(value) if value else []

    def to_python(self, value):
        return parse_year_levels(value)

    def get_prep_value(self, value):
        if isinstance(value, str):
            return value
        return ",".join(str(level) for level in parse_year_levels(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        defaults = {"form_class": YearLevelsFormField, "choices_form_class": YearLevelsFormField}
        defaults.update(kwargs)
        return super().formfield(**defaults)

    def validate(self, value, model_instance):
        if not self.blank and not value:
            raise ValidationError(_("Kies minstens één jaargroep (1 tot en met 8)."), code="blank")
        parse_year_levels(value)
