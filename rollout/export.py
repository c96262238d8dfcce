"""The expansion report as a spreadsheet: the same rows and columns as the screen."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook

from schools import schoolyear

from . import columns


def _cell(value):
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else value


def report_workbook(year, summary_rows, ranking_rows, revision_rows) -> bytes:
    workbook = Workbook(write_only=True)  # streams rows: a national ranking has 6000 of them
    sheet = workbook.create_sheet(_("Overzicht"))
    sheet.append([_("Cijfer"), schoolyear.label(year - 1), schoolyear.label(year)])
    for row in summary_rows:
        sheet.append([str(row["label"]), _cell(row["before"]), _cell(row["current"])])
    ranking = workbook.create_sheet(_("Ranglijst"))
    ranking.append([str(heading) for _key, heading in columns.READINESS])
    for row in ranking_rows:
        ranking.append([_cell(columns.readiness_value(row, key)) for key, _heading in columns.READINESS])
    revision = workbook.create_sheet(_("Lessen herzien"))
    revision.append([str(heading) for _key, heading in columns.REVISION])
    for row in revision_rows:
        revision.append([_cell(columns.revision_value(row, key)) for key, _heading in columns.REVISION])
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
