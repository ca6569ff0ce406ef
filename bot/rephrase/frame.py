"""A warm frame for a reply that is only cold facts: a short thanks before, an open door after.

Neither line promises anything (no "I'll", no refund, no date), so every meaning guard
still holds; the frame is only added when the sendable gate finds a fact curt on its own,
or when the whole rewrite is one short refusal ("I'm not able to do anything."), and never
to a reply that already greets, thanks or signs off.
"""

from __future__ import annotations

import re

from bot.content.segment import split_sentences
from bot.rephrase.guards import REFUSAL

BARE_WORDS = 8  # a refusal this short, alone, reads as a brush-off
_WORDS = re.compile(r"[^\W_]+")
OPENING = "Thanks for your message."
# Not "if anything is still unclear": that presumes the customer missed something.
CLOSING = "If you have any other questions, just reply here."
_WARM_ALREADY = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you)\b"
    r"|\b(?:regards|best|cheers|thanks|thank you)\W*$",
    re.IGNORECASE,
)


def framed(text: str) -> str | None:
    """The reply inside the frame, or None when it already has a warm opening or close."""
    if _WARM_ALREADY.search(text) or "\n" in text.strip():
        return None
    body = text.strip()
    if body[:1].islower() or body[-1:] not in (".", "!", "?"):
        return None  # a closing after "… 3pm 🙂" or a lower-case start reads as spliced
    return f"{OPENING} {body} {CLOSING}"


def bare(text: str) -> bool:
    """One short refusal and nothing else: read alone by a customer, it is a brush-off."""
    body = text.strip()
    if len(split_sentences(body)) != 1 or len(_WORDS.findall(body)) > BARE_WORDS:
        return False
    return REFUSAL.search(body) is not None


def is_framed(text: str) -> bool:
    body = text.strip()
    return body.startswith(OPENING) and body.endswith(CLOSING)
