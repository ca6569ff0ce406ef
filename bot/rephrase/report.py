"""The human-readable report printed by `python -m bot rephrase`."""

from __future__ import annotations

from bot.content import Content
from bot.rephrase.models import Analysis, Finding

METER_WIDTH = 10


def meter(score: float) -> str:
    """A one-line tone meter: ▰▰▰▱▱▱▱▱▱▱ -0.42 (score -1..1 mapped onto ten cells)."""
    filled = round((score + 1) / 2 * METER_WIDTH)
    label = "kind" if score >= 0.3 else "neutral" if score > -0.3 else "harsh"
    return f"{'▰' * filled}{'▱' * (METER_WIDTH - filled)} {score:+.2f} ({label})"


def shown_suggestion(text: str) -> str:
    return text if text else "(leave it out)"


def tip_title(content: Content, finding: Finding) -> str:
    try:
        return content.tip(finding.tip).title
    except KeyError:
        return finding.tip


def text_report(analysis: Analysis, content: Content) -> str:
    lines = [f"Tone: {meter(analysis.score)}  →  after rewrite: {meter(analysis.rewrite_score)}"]
    if not analysis.findings:
        lines.append("\nNothing in this draft is likely to land badly.")
    for number, f in enumerate(analysis.findings, 1):
        lines.append(
            f'\n{number}. [{f.severity}] {f.kind}: "{f.text}" (characters {f.start}-{f.end})'
        )
        lines.append(f"   Why: {f.why}")
        lines.append(f"   Tip: {tip_title(content, f)}")
        for s in f.suggestions:
            lines.append(f"   Try: {shown_suggestion(s)}")
    if analysis.nudges:
        lines.append("\nCould also add:")
        for n in analysis.nudges:
            lines.append(f'  - {n.why} e.g. "{n.suggestion}"')
    lines.append("\n" + rewrite_section(analysis))
    return "\n".join(lines)


def rewrite_section(analysis: Analysis) -> str:
    """The rewrite only when it is offered (or the draft needs none); otherwise the reason,
    as the Slack reply says it: the unchanged draft under "Rewrite:" would read as one."""
    if analysis.rewrite_status in ("offered", "unchanged"):
        return "Rewrite:\n" + analysis.rewrite
    return "Rewrite: none this time. " + analysis.rewrite_reason
