"""Coaching content: tips, de-escalation guides and the phrasebook, loaded from TOML."""

from bot.content.errors import ContentError
from bot.content.loader import BUILTIN_DIR, load_content
from bot.content.models import (
    Content,
    Guide,
    GuideStep,
    Hit,
    JargonTerm,
    Rule,
    Source,
    Tip,
)

__all__ = [
    "BUILTIN_DIR",
    "Content",
    "ContentError",
    "Guide",
    "GuideStep",
    "Hit",
    "JargonTerm",
    "Rule",
    "Source",
    "Tip",
    "load_content",
]
