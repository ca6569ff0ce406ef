"""The --json shape: exactly findings, nudges, rewrite, score and rewrite_score."""

from __future__ import annotations

from typing import Any

from bot.rephrase.models import Analysis


def to_json(analysis: Analysis) -> dict[str, Any]:
    return {
        "findings": [
            {
                "kind": f.kind,
                "severity": f.severity,
                "start": f.start,
                "end": f.end,
                "text": f.text,
                "why": f.why,
                "tip": f.tip,
                "suggestions": list(f.suggestions),
            }
            for f in analysis.findings
        ],
        "nudges": [
            {"kind": n.kind, "why": n.why, "suggestion": n.suggestion} for n in analysis.nudges
        ],
        "rewrite": analysis.rewrite,
        "score": analysis.score,
        "rewrite_score": analysis.rewrite_score,
    }
