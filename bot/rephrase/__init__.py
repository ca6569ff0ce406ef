"""/rephrase: explainable, private suggestions that make a draft reply kinder and clearer.

Free of Slack imports; the engine is loaded once (phrasebook + VADER lexicon) and reused.
"""

from bot.rephrase.engine import Engine, analyse, default_engine
from bot.rephrase.models import Analysis, Finding, Nudge

__all__ = ["Analysis", "Engine", "Finding", "Nudge", "analyse", "default_engine"]
