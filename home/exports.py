"""CSV exports that a spreadsheet cannot execute (OWASP "CSV injection").

A contact name typed into the public registration form, or an adaptation in the register, that
starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return, which some spreadsheets
skip before reading a formula) would run as a formula when a coordinator opens the export.
``defusedcsv`` prefixes such cells with ``'`` and leaves numbers (and numeric text such as
``-3``) alone; this module adds the tab/carriage-return case and applies it:

- to every Wagtail spreadsheet export (ModelViewSet, SnippetViewSet, ReportView: they all
  stream CSV through ``SpreadsheetExportMixin.stream_csv``), once, from ``HomeConfig.ready``;
- to any other CSV the project writes: use ``csv_writer(file)`` / ``csv_dict_writer(...)``.

XLSX needs nothing: Wagtail already types would-be formulas as text there.

Times in every export are the site's time (``TIME_ZONE``, Europe/Amsterdam), as on screen:
Wagtail writes aware datetimes in UTC.
"""

import csv
import datetime

from defusedcsv import csv as defusedcsv
from django.utils import timezone

# Left out by defusedcsv; a spreadsheet may skip them and then read "=..." as a formula.
LEADING_CONTROL_CHARACTERS = ("\t", "\r")


def _quote_leading_control(value):
    if isinstance(value, str) and value.startswith(LEADING_CONTROL_CHARACTERS):
        return "'" + value
    return value


class _SafeWriter:
    """A csv writer whose every cell is neutralised before ``defusedcsv`` writes it."""

    def __init__(self, file, dialect="excel", **options):
        self._writer = defusedcsv.writer(file, dialect, **options)

    def writerow(self, row):
        return self._writer.writerow([_quote_leading_control(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)

    def __getattr__(self, name):
        return getattr(self._writer, name)


def csv_writer(file, dialect="excel", **options):
    """Like ``csv.writer(file)``, but no cell can start a formula."""
    return _SafeWriter(file, dialect, **options)


class SafeDictWriter(csv.DictWriter):
    """Like ``csv.DictWriter``, but no cell can start a formula."""

    def __init__(self, file, fieldnames, restval="", extrasaction="raise", dialect="excel", *args, **options):
        super().__init__(file, fieldnames, restval, extrasaction, dialect, *args, **options)
        self.writer = csv_writer(file, dialect, **options)


csv_dict_writer = SafeDictWriter


def _stream_safe_csv(self, queryset):
    """``SpreadsheetExportMixin.stream_csv`` with the safe writer (same rows, same headings)."""
    from wagtail.admin.views.mixins import Echo

    writer = SafeDictWriter(Echo(), fieldnames=self.list_export)
    yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
    for item in queryset:
        yield self.write_csv_row(writer, self.to_row_dict(item))


def local_time_for_csv(value: datetime.datetime) -> str:
    """``2026-11-12 09:30`` in the site's time zone."""
    return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%Y-%m-%d %H:%M")


def local_time_for_xlsx(value: datetime.datetime) -> datetime.datetime:
    """A naive datetime (XLSX has no time zones) in the site's time zone, not UTC."""
    return timezone.make_naive(value) if timezone.is_aware(value) else value


def protect_spreadsheet_exports() -> None:
    """Route every Wagtail admin CSV export through the safe writer and write times in the
    site's time zone. Called once at start-up (``HomeConfig.ready``)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    SpreadsheetExportMixin.stream_csv = _stream_safe_csv
    SpreadsheetExportMixin.custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: local_time_for_csv,
            SpreadsheetExportMixin.FORMAT_XLSX: local_time_for_xlsx,
        },
    }
