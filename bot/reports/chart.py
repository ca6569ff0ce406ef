"""A small PNG of calls per day, stacked by category, drawn without a display.

matplotlib is imported inside `calls_per_day_png` only, so nothing else in the bot pays for
importing it (about a second) and a bot that never draws a chart never loads it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

from bot.calllog.model import CallRecord
from bot.reports.summary import Window

# Colour-blind-safe (Okabe–Ito), one per category in order of size.
COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999")


def calls_per_day_png(records: Iterable[CallRecord], window: Window, title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")  # no display: render straight to an image
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    zone = ZoneInfo(window.zone)
    days = [window.first + timedelta(days=n) for n in range(window.days)]
    counts: dict[str, Counter[int]] = {}
    for record in records:
        offset = (record.created_at.astimezone(zone).date() - window.first).days
        if 0 <= offset < window.days:
            counts.setdefault(record.category, Counter())[offset] += 1
    order = sorted(counts, key=lambda c: (-sum(counts[c].values()), c))
    if len(order) > len(COLOURS):  # keep the legend readable: the smallest become "other"
        rest: Counter[int] = Counter()
        for category in order[len(COLOURS) - 1 :]:
            rest.update(counts.pop(category))
        order = [*order[: len(COLOURS) - 1], "all others"]
        counts["all others"] = rest

    figure = Figure(figsize=(8, 3.2), dpi=100)
    axes = figure.add_subplot()
    bottoms = [0] * window.days
    positions = list(range(window.days))
    for category, colour in zip(order, COLOURS, strict=False):
        heights = [counts[category][n] for n in positions]
        axes.bar(positions, heights, bottom=bottoms, color=colour, label=category, width=0.8)
        bottoms = [b + h for b, h in zip(bottoms, heights, strict=True)]
    step = max(1, window.days // 10)
    axes.set_xticks(positions[::step], [d.strftime("%-d %b") for d in days[::step]])
    axes.set_ylabel("calls")
    axes.set_title(title, fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    if order:
        axes.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
