"""Cutting what goes back to Slack to Slack's limits, with a visible "(cut)" marker.

Builders already keep their own text short; this is the last guard, applied to every message
on its way out (Web API posts and response_url replies), so that no input, however long,
makes a reply Slack rejects or truncates without saying so.
"""

from __future__ import annotations

import re
from typing import Any

from handlers.blocks import HEADER_LIMIT, SECTION_TEXT_LIMIT

MESSAGE_TEXT_LIMIT = 40_000
FIELD_LIMIT = 2_000
CONTEXT_TEXT_LIMIT = 2_000
CUT = " … (cut)"
QUOTE_LIMIT = 200
# A cut must not leave half an escape (`&am`), half a link or mention (`<@U12`), or a `:emo`.
_BROKEN_TAIL = re.compile(r"(&[a-z]{0,4}|<[^>]{0,200})$")


def cut(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its start and the marker, within `limit`."""
    if len(text) <= limit:
        return text
    head = text[: max(0, limit - len(CUT))]
    head = _BROKEN_TAIL.sub("", head).rstrip()
    return head + CUT


def quote(text: str, limit: int = QUOTE_LIMIT) -> str:
    """User text as it may be quoted back in a message: at most `limit` characters."""
    return cut(text, limit)


def fit_message(message: dict[str, Any]) -> dict[str, Any]:
    """A copy of a message payload with its text and blocks cut to Slack's limits."""
    fitted = dict(message)
    if isinstance(fitted.get("text"), str):
        fitted["text"] = cut(fitted["text"], MESSAGE_TEXT_LIMIT)
    blocks = fitted.get("blocks")
    if isinstance(blocks, list):
        fitted["blocks"] = [_fit_block(block) for block in blocks]
    return fitted


def _fit_block(block: Any) -> Any:
    if not isinstance(block, dict):
        return block
    fitted = dict(block)
    kind = fitted.get("type")
    if kind == "section":
        fitted["text"] = _fit_text(fitted.get("text"), SECTION_TEXT_LIMIT)
        if isinstance(fitted.get("fields"), list):
            fitted["fields"] = [_fit_text(field, FIELD_LIMIT) for field in fitted["fields"]]
    elif kind == "header":
        fitted["text"] = _fit_text(fitted.get("text"), HEADER_LIMIT)
    elif kind == "context" and isinstance(fitted.get("elements"), list):
        fitted["elements"] = [_fit_text(e, CONTEXT_TEXT_LIMIT) for e in fitted["elements"]]
    return {key: value for key, value in fitted.items() if value is not None}


def _fit_text(obj: Any, limit: int) -> Any:
    if isinstance(obj, dict) and isinstance(obj.get("text"), str):
        return {**obj, "text": cut(obj["text"], limit)}
    return obj
