"""Reading configuration from the environment with errors that name the variable.

A misconfigured production server should stop at start-up with a message an operator can act
on, not serve with a silent default.
"""

import os

from django.core.exceptions import ImproperlyConfigured


def required(name: str) -> str:
    """Return the environment variable ``name`` or stop with a message naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"De omgevingsvariabele {name} ontbreekt of is leeg (environment variable {name} is required)."
        )
    return value


def csv_list(name: str, default: str = "") -> list[str]:
    """Comma-separated environment variable as a list without empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def boolean(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(
        f"De omgevingsvariabele {name} moet true of false zijn, niet {value!r} "
        f"(environment variable {name} must be a boolean)."
    )


def integer(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"De omgevingsvariabele {name} moet een geheel getal zijn, niet {value!r} "
            f"(environment variable {name} must be an integer)."
        ) from exc
