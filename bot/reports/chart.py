"""A small PNG of calls per day, stacked by category (or outcome), with the period before it
beside, drawn without a display.

Left: the period's calls per day, stacked in a fixed order with fixed colours (palette.py), so
two charts compare at a glance. Right: each category's total in the previous period (hatched)
beside the current one. One legend names the colours.

matplotlib is imported inside `calls_png` only, so nothing else in the bot pays for importing
it (about a second) and a bot that never draws a chart never loads it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from bot.calllog.model import CallRecord
from bot.reports.palette import GREY
from bot.reports.period import Window

OTHER = "other"


@dataclass(frozen=True)
class Series:
    """What the bars are split by: a record's key (its category or outcome) and each key's
    colour, in the order they stack. A key without a colour (a category since removed from
    the content) counts as `other`, in grey."""

    name: str  # "category" or "outcome"
    key: Callable[[CallRecord], str]
    colours: Mapping[str, str]

    def group(self, record: CallRecord) -> str:
        value = self.key(record)
        return value if value in self.colours else OTHER

    def order(self, present: Iterable[str]) -> list[str]:
        shown = set(present)
        ordered = [key for key in self.colours if key in shown]
        return ordered + ([OTHER] if OTHER in shown and OTHER not in self.colours else [])

    def colour(self, group: str) -> str:
        return self.colours.get(group, GREY)


def calls_png(
    current: Iterable[CallRecord],
    previous: Iterable[CallRecord],
    window: Window,
    series: Series,
    title: str,
) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # no display: render straight to an image
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    tz = window.zone.info
    per_day: dict[str, Counter[int]] = {}
    now_totals: Counter[str] = Counter()
    for record in current:
        offset = (record.created_at.astimezone(tz).date() - window.first).days
        if 0 <= offset < window.days:
            group = series.group(record)
            per_day.setdefault(group, Counter())[offset] += 1
            now_totals[group] += 1
    before_totals = Counter(series.group(record) for record in previous)
    order = series.order([*now_totals, *before_totals])

    figure = Figure(figsize=(9, 3.4), dpi=100)
    grid = figure.add_gridspec(1, 2, width_ratios=(3, 1.2))
    days_axes = figure.add_subplot(grid[0])
    totals_axes = figure.add_subplot(grid[1])

    positions = list(range(window.days))
    bottoms = [0] * window.days
    for group in order:
        heights = [per_day.get(group, Counter())[n] for n in positions]
        days_axes.bar(positions, heights, bottom=bottoms, color=series.colour(group), width=0.8)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    days = [window.first + timedelta(days=n) for n in positions]
    step = max(1, -(-window.days // 7))  # at most 7 date labels, so they never overlap
    days_axes.set_xticks(positions[::step], [d.strftime("%-d %b") for d in days[::step]])
    days_axes.set_ylabel("calls per day")
    days_axes.set_title(title, fontsize=10, loc="left")

    rows = list(range(len(order)))
    colours = [series.colour(group) for group in order]
    before = [before_totals[g] for g in order]
    now = [now_totals[g] for g in order]
    totals_axes.barh([r + 0.2 for r in rows], before, height=0.4, color=colours, alpha=0.45,
                     hatch="///", edgecolor="#555555", linewidth=0.5)  # fmt: skip
    totals_axes.barh([r - 0.2 for r in rows], now, height=0.4, color=colours)
    totals_axes.set_yticks(rows, order, fontsize=8)
    totals_axes.invert_yaxis()
    totals_axes.set_title(f"by {series.name}: this period vs before", fontsize=9, loc="left")
    totals_axes.xaxis.set_major_locator(MaxNLocator(integer=True))

    for axes in (days_axes, totals_axes):
        axes.spines[["top", "right"]].set_visible(False)
    days_axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    handles = [Patch(color=series.colour(group), label=group) for group in order]
    handles.append(
        Patch(facecolor="white", hatch="///", edgecolor="#555555", label="previous period")
    )
    figure.legend(handles=handles, loc="lower center", ncol=min(len(handles), 8), fontsize=8,
                  frameon=False)  # fmt: skip
    figure.tight_layout(rect=(0, 0.1, 1, 1))
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
