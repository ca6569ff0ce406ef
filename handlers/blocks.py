"""Small builders for Block Kit JSON: plain dicts, so they are cheap to build and to test.

Builders clip text to Slack's limits: a clipped tip is better than a message Slack rejects.
"""

from __future__ import annotations

from typing import Any

from bot.text import clip, escape

Block = dict[str, Any]

SECTION_TEXT_LIMIT = 3000
BUTTON_TEXT_LIMIT = 75
MODAL_TITLE_LIMIT = 24
HEADER_LIMIT = 150
MESSAGE_BLOCK_LIMIT = 50
VIEW_BLOCK_LIMIT = 100
CONTEXT_ELEMENT_LIMIT = 10


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text}


def plain(text: str, limit: int = SECTION_TEXT_LIMIT) -> dict[str, Any]:
    return {"type": "plain_text", "text": clip(text, limit), "emoji": True}


def section(text: str, *, block_id: str | None = None, accessory: Block | None = None) -> Block:
    block: Block = {"type": "section", "text": mrkdwn(clip(text, SECTION_TEXT_LIMIT))}
    if block_id:
        block["block_id"] = block_id
    if accessory:
        block["accessory"] = accessory
    return block


def escaped_sections(text: str, limit: int = SECTION_TEXT_LIMIT) -> list[Block]:
    """User text, escaped, in as many sections as it needs, so a long note is shown whole.

    Escaping can make text five times longer (`&` is `&amp;`), so the text is cut before it is
    escaped, never inside an entity, and at a space or line break where there is one.
    """
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end, size = start, 0
        while end < len(text) and size + len(escape(text[end])) <= limit:
            size += len(escape(text[end]))
            end += 1
        if end < len(text):
            space = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if space > start + (end - start) // 2:
                end = space + 1
        pieces.append(text[start:end])
        start = end
    return [section(escape(piece)) for piece in pieces]


def header(text: str) -> Block:
    return {"type": "header", "text": plain(text, HEADER_LIMIT)}


def context(*texts: str) -> Block:
    return {
        "type": "context",
        "elements": [mrkdwn(clip(t, SECTION_TEXT_LIMIT)) for t in texts[:CONTEXT_ELEMENT_LIMIT]],
    }


def divider() -> Block:
    return {"type": "divider"}


def button(
    text: str, action_id: str, value: str = "", *, style: str | None = None, url: str | None = None
) -> Block:
    element: Block = {
        "type": "button",
        "text": plain(text, BUTTON_TEXT_LIMIT),
        "action_id": action_id,
    }
    if value:
        element["value"] = value[:2000]
    if style:
        element["style"] = style
    if url:
        element["url"] = url
    return element


def actions(*elements: Block, block_id: str | None = None) -> Block:
    block: Block = {"type": "actions", "elements": list(elements)}
    if block_id:
        block["block_id"] = block_id
    return block


def modal(
    title: str,
    blocks: list[Block],
    *,
    callback_id: str | None = None,
    submit: str | None = None,
    close: str = "Close",
    private_metadata: str = "",
) -> Block:
    view: Block = {
        "type": "modal",
        "title": plain(title, MODAL_TITLE_LIMIT),
        "close": plain(close, MODAL_TITLE_LIMIT),
        "blocks": blocks[:VIEW_BLOCK_LIMIT],
    }
    if callback_id:
        view["callback_id"] = callback_id
    if submit:
        view["submit"] = plain(submit, MODAL_TITLE_LIMIT)
    if private_metadata:
        view["private_metadata"] = private_metadata
    return view


def message(text: str, blocks: list[Block]) -> dict[str, Any]:
    """A message body: the notification text plus at most 50 blocks."""
    return {"text": text, "blocks": blocks[:MESSAGE_BLOCK_LIMIT]}
