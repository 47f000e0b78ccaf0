"""Small charts drawn at build time as inline SVG: no script, no network when viewed.

Only numbers and escaped labels go into the SVG, so a chart can never carry
markup from a seed.
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from typing import Iterable, Sequence

# Bars per chart before months are grouped into years: beyond this a bar is
# thinner than a few pixels in the 640-pixel-wide content column.
MAX_MONTH_BARS = 36
# Beyond this many bars the count above each bar is left out on a phone (the theme's
# stylesheet hides .na-chart--dense .na-chart__n): at 390 pixels its labels, drawn large
# enough to read, would overlap; each bar's tooltip still gives its count.
PHONE_MAX_COUNTED_BARS = 12


def count_by_period(days: Iterable[dt.date]) -> list[tuple[str, int]]:
    """Counts per month (``2015-08``) over the whole span, or per year when the span is long.

    Empty periods inside the span are kept at zero so gaps show as gaps.
    """
    days = sorted(days)
    if not days:
        return []
    first, last = days[0], days[-1]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months <= MAX_MONTH_BARS:
        counts = Counter(f"{d.year:04d}-{d.month:02d}" for d in days)
        labels = []
        year, month = first.year, first.month
        for _ in range(months):
            labels.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return [(label, counts.get(label, 0)) for label in labels]
    counts = Counter(f"{d.year:04d}" for d in days)
    return [(f"{y:04d}", counts.get(f"{y:04d}", 0)) for y in range(first.year, last.year + 1)]


def count_noun(n: int, singular: str, plural: str | None = None) -> str:
    """``1 event``, ``2 events``, ``0 events``: a count with its noun in the right number."""
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def describe_left_out(undated: int, singular: str, where: str = "this chart") -> str:
    """The note under a chart that counts dated items only: how many undated ones it leaves out."""
    if not undated:
        return ""
    return f"{count_noun(undated, 'undated ' + singular)} {'is' if undated == 1 else 'are'} not in {where}."


def render_bar_chart(series: Sequence[tuple[str, int]], title: str, unit: str = "") -> str:
    """An accessible SVG bar chart of ``(label, count)`` pairs, one line of HTML."""
    if not series:
        return ""
    # room above the tallest bar for its count at the larger phone size (newsarchive.css)
    width, height, pad_bottom, pad_top = 640, 120, 22, 22
    n = len(series)
    step = width / n
    bar = min(48.0, max(2.0, step * 0.7))  # thin enough to read as bars when periods are few
    peak = max(count for _, count in series) or 1
    parts = [
        f'<svg class="na-chart{" na-chart--dense" if n > PHONE_MAX_COUNTED_BARS else ""}" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{html.escape(title)}</title>",
    ]
    usable = height - pad_bottom - pad_top
    for i, (label, count) in enumerate(series):
        h = round(usable * count / peak, 1)
        x = round(i * step + (step - bar) / 2, 1)
        y = round(height - pad_bottom - h, 1)
        # unit is the plural noun ("events"); one bar of one is "1 event"
        noun = unit[:-1] if count == 1 and unit.endswith("s") else unit
        tip = f"{label}: {count}{(' ' + noun) if unit else ''}"
        parts.append(
            f'<rect x="{x}" y="{y}" width="{round(bar, 1)}" height="{h}"><title>{html.escape(tip)}</title></rect>'
        )
        if count:
            parts.append(
                f'<text class="na-chart__n" x="{round(x + bar / 2, 1)}" y="{round(y - 3, 1)}" text-anchor="middle">{count}</text>'
            )
    for i in sorted({0, n - 1}):
        anchor = "start" if i == 0 else "end"
        x = 0 if i == 0 else width
        parts.append(f'<text x="{x}" y="{height - 4}" text-anchor="{anchor}">{html.escape(series[i][0])}</text>')
    parts.append("</svg>")
    return "".join(parts)
