"""The BRIN format, in one place: the registration form, the model and the service use it.

A BRIN is two ASCII digits and two letters (``12AB``), optionally followed by a two-digit
vestigingsnummer (``12AB00``). ``[0-9]``, not ``\\d``: Python's ``\\d`` also accepts
Arabic-Indic and other digits (``١٢AB``), which would be stored as a different school and slip
past the duplicate check.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

BRIN = r"[0-9]{2}[A-Z]{2}"
VESTIGING = r"[0-9]{2}"
DEFAULT_VESTIGING = "00"

brin_validator = RegexValidator(
    rf"\A{BRIN}\Z", _("Een BRIN-code bestaat uit twee cijfers en twee hoofdletters, bijvoorbeeld 12AB.")
)
vestiging_validator = RegexValidator(rf"\A{VESTIGING}\Z", _("Het vestigingsnummer bestaat uit twee cijfers, bijvoorbeeld 00."))

_FULL = re.compile(rf"({BRIN})({VESTIGING})?")


def normalise(raw: str) -> str:
    """Spaces removed, ASCII letters upper-cased (other characters stay as typed, so they fail)."""
    value = re.sub(r"\s", "", raw or "")
    return "".join(ch.upper() if "a" <= ch <= "z" else ch for ch in value)


def parse(raw: str) -> tuple[str, str]:
    """``(brin, vestigingsnummer)`` from what a person typed, or a Dutch ValidationError."""
    match = _FULL.fullmatch(normalise(raw))
    if not match:
        raise ValidationError(
            _("Een BRIN-code bestaat uit twee cijfers en twee letters, bijvoorbeeld 12AB (of 12AB00 met vestigingsnummer)."),
            code="invalid_brin",
        )
    return match.group(1), match.group(2) or DEFAULT_VESTIGING
