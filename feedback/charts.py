"""Geometry for the server-rendered SVG bar charts of the analysis (no JavaScript, no CDN).

Only layout: the counts come from ``selectors``. Each chart is drawn as horizontal bars with the
number printed beside each bar, and the template puts the same numbers in a table next to it,
so the chart reads in print, in greyscale and with a screen reader."""

BAR_HEIGHT = 22
GAP = 6
LABEL_WIDTH = 150
BAR_AREA = 300


def bar_chart(title: str, counts, labels: dict | None = None, mean=None) -> dict:
    """``counts`` = [(value, count)]; returns what ``feedback/admin/bar_chart.html`` draws."""
    labels = labels or {}
    largest = max((count for _value, count in counts), default=0) or 1
    total = sum(count for _value, count in counts)
    bars = []
    for index, (value, count) in enumerate(counts):
        width = round(BAR_AREA * count / largest)
        bars.append({
            "label": str(labels.get(value, value)), "count": count, "width": width,
            "y": index * (BAR_HEIGHT + GAP), "text_y": index * (BAR_HEIGHT + GAP) + BAR_HEIGHT * 0.7,
            "count_x": LABEL_WIDTH + width + 6, "share": round(100 * count / total) if total else 0,
        })
    return {
        "title": title, "bars": bars, "mean": mean, "total": total, "label_width": LABEL_WIDTH, "bar_height": BAR_HEIGHT,
        "width": LABEL_WIDTH + BAR_AREA + 50, "height": max(len(bars) * (BAR_HEIGHT + GAP), BAR_HEIGHT),
    }
