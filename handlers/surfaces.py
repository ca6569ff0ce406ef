"""Where an interaction came from, read the same way by every listener."""

from __future__ import annotations

from typing import Any


def in_modal(body: dict[str, Any]) -> bool:
    """Was the button pressed inside a modal? There the answer updates the view (or pushes
    onto it); elsewhere it goes through the message's response_url."""
    return (body.get("container") or {}).get("type") == "view"
