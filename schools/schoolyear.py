"""The Dutch school year runs 1 August to 31 July; it is stored as its start year (2026 = 2026-2027)."""

import datetime

from django.utils import timezone

FIRST_MONTH = 8


def school_year_of(day: datetime.date) -> int:
    """Start year of the school year that contains ``day``."""
    return day.year if day.month >= FIRST_MONTH else day.year - 1


def current_school_year() -> int:
    return school_year_of(timezone.localdate())


def bounds(start_year: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of the school year starting in ``start_year``."""
    return datetime.date(start_year, FIRST_MONTH, 1), datetime.date(start_year + 1, FIRST_MONTH - 1, 31)


def label(start_year: int) -> str:
    return f"{start_year}-{start_year + 1}"


def choices(around: int | None = None, back: int = 3, ahead: int = 1) -> list[tuple[int, str]]:
    year = around or current_school_year()
    return [(y, label(y)) for y in range(year + ahead, year - back - 1, -1)]
