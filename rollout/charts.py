"""Geometry for the server-rendered SVG charts (no JavaScript, no CDN, readable in print).

Only layout: the figures come from ``selectors``. Each chart is drawn next to a table with the
same numbers, which is the text alternative for screen readers and the version that prints.
"""

from django.utils import formats
from django.utils.dates import MONTHS_3

BAR_AREA = 180  # height of the plotting area in SVG units
TOP = 20


def _scale(values):
    top = max([*values, 1])
    return lambda value: round(BAR_AREA * value / top, 1)


def monthly_bars(current, before) -> dict:
    """Grouped bars per month: this school year and the year before side by side."""
    scale = _scale([row["n"] for row in current + before])
    slot = 44
    months = []
    for index, (now, then) in enumerate(zip(current, before, strict=True)):
        x = 40 + index * slot
        months.append({
            "label": MONTHS_3[now["month"]], "x_label": x + 18,
            "now": {"n": now["n"], "x": x + 18, "height": scale(now["n"]), "y": TOP + BAR_AREA - scale(now["n"])},
            "then": {"n": then["n"], "x": x, "height": scale(then["n"]), "y": TOP + BAR_AREA - scale(then["n"])},
        })
    return {"months": months, "width": 40 + 12 * slot + 10, "baseline": TOP + BAR_AREA, "label_y": TOP + BAR_AREA + 16,
            "height": TOP + BAR_AREA + 26}


def funnel(statuses, labels) -> list[dict]:
    """Centred horizontal bars, widest first: the pipeline as a funnel."""
    scale_width = 400
    top = max([*statuses.values(), 1])
    rows = []
    for index, (status, count) in enumerate(statuses.items()):
        width = round(scale_width * count / top, 1)
        rows.append({"status": status, "label": labels[status], "n": count, "width": width,
                     "x": 160 + (scale_width - width) / 2, "y": 8 + index * 30, "text_y": 8 + index * 30 + 16})
    return rows


def progress_bars(progress) -> dict:
    """Columns: how many groepen have given 0, 1, 2, ... lessons."""
    scale = _scale([row["n"] for row in progress])
    slot = 36
    bars = [{"given": row["given"], "n": row["n"], "x": 40 + index * slot, "x_label": 40 + index * slot + 12,
             "height": scale(row["n"]), "y": TOP + BAR_AREA - scale(row["n"])} for index, row in enumerate(progress)]
    return {"bars": bars, "width": 40 + len(bars) * slot + 10, "baseline": TOP + BAR_AREA, "label_y": TOP + BAR_AREA + 16,
            "height": TOP + BAR_AREA + 26}


def number(value) -> str:
    return formats.number_format(value, use_l10n=True)
