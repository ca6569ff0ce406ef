"""A warm frame for a reply that is only cold facts: a short thanks before, an open door after.

Neither line promises anything (no "I'll", no refund, no date), so every meaning guard
still holds; the frame is only added when the sendable gate finds a fact curt on its own,
and never to a reply that already greets, thanks or signs off.
"""

from __future__ import annotations

import re

OPENING = "Thanks for your message."
CLOSING = "If anything is still unclear, just reply here."
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
    if body[:1].islower():
        return None
    return f"{OPENING} {body} {CLOSING}"


def is_framed(text: str) -> bool:
    body = text.strip()
    return body.startswith(OPENING) and body.endswith(CLOSING)
