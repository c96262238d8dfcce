"""Text that looks like something else: refused in names and codes.

Bidirectional overrides (U+202A-U+202E, U+2066-U+2069) reverse how the rest of a line is shown,
and zero-width characters make two names look the same while they differ ("De Regenboog" and
"De Regen\u200bboog"), so a coordinator cannot tell schools, groepen or people apart.
Ordinary letters of any script stay allowed; only these invisible format characters are refused.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u034f\u061c\u180e"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def has_invisible_characters(value) -> bool:
    """True for the characters above and any other Unicode format (Cf) or unpaired surrogate."""
    if not isinstance(value, str):
        return False
    return any(ch in INVISIBLE or unicodedata.category(ch) in ("Cf", "Cs") for ch in value)


def reject_invisible_characters(value) -> None:
    """Validator for names and codes."""
    if has_invisible_characters(value):
        raise ValidationError(
            _("Dit veld bevat onzichtbare tekens of tekens die de leesrichting omdraaien. Typ de tekst opnieuw, zonder te plakken."),
            code="invisible_characters",
        )


def invisible_character_errors(instance, field_names) -> dict:
    """``{field: message}`` for the fields of ``instance`` that hold such characters (for ``clean()``)."""
    errors = {}
    for name in field_names:
        try:
            reject_invisible_characters(getattr(instance, name, ""))
        except ValidationError as error:
            errors[name] = error.messages
    return errors


# Ids from the outside (forms, query strings) ---------------------------------------------------

MAX_ID = 2**63 - 1  # the largest id PostgreSQL's bigint and SQLite's integer hold


def parse_id(raw) -> int | None:
    """A database id from a form or query string, or None: ASCII digits only (``"²".isdigit()``
    and ``"١٢".isdigit()`` are true too), and no larger than a database id can be, so that a
    lookup never raises OverflowError (SQLite) or DataError (PostgreSQL)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        value = raw
    elif isinstance(raw, str) and 0 < len(raw) <= 19 and raw.isascii() and raw.isdigit():
        value = int(raw)
    else:
        return None
    return value if 1 <= value <= MAX_ID else None


class IdConverter:
    """URL converter ``<id:pk>``: like ``<int:pk>`` but a number no id can be is no match (404),
    instead of an OverflowError when the view looks it up."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        parsed = parse_id(value)
        if parsed is None:
            raise ValueError(value)
        return parsed

    def to_url(self, value) -> str:
        return str(value)
