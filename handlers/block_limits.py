"""Checks a message or view against Slack's Block Kit limits, the way Slack would reject it.

The fake Slack runs every outgoing payload through this, so a test fails the moment the bot
sends something the real Slack would refuse with `invalid_blocks`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from handlers.blocks import (
    BUTTON_TEXT_LIMIT,
    HEADER_LIMIT,
    MESSAGE_BLOCK_LIMIT,
    MODAL_TITLE_LIMIT,
    SECTION_TEXT_LIMIT,
    VIEW_BLOCK_LIMIT,
)

_ID_LIMIT = 255
_FIELD_LIMIT = 2000
_FIELDS_PER_SECTION = 10
_OPTION_LIMIT = 150  # an option's text and value
_OPTIONS_PER_MENU = 100
_METADATA_LIMIT = 3000
_INPUT_LABEL_LIMIT = 2000


def message_problems(blocks: list[Any] | None, text: str | None = None) -> list[str]:
    problems = []
    if blocks is not None and len(blocks) > MESSAGE_BLOCK_LIMIT:
        problems.append(f"message has {len(blocks)} blocks; the limit is {MESSAGE_BLOCK_LIMIT}")
    if text is not None and len(text) > 40000:
        problems.append("message text is over 40,000 characters")
    problems.extend(_block_problems(blocks or []))
    return problems


def view_problems(view: dict[str, Any]) -> list[str]:
    problems = []
    blocks = view.get("blocks", [])
    if len(blocks) > VIEW_BLOCK_LIMIT:
        problems.append(f"view has {len(blocks)} blocks; the limit is {VIEW_BLOCK_LIMIT}")
    if view.get("type") == "modal":
        for part in ("title", "submit", "close"):
            text = (view.get(part) or {}).get("text", "")
            if len(text) > MODAL_TITLE_LIMIT:
                problems.append(f"modal {part} {text!r} is over {MODAL_TITLE_LIMIT} characters")
        if not (view.get("title") or {}).get("text"):
            problems.append("modal has no title")
    if len(view.get("private_metadata", "")) > _METADATA_LIMIT:
        problems.append("private_metadata is over 3,000 characters")
    problems.extend(_block_problems(blocks))
    return problems


def _block_problems(blocks: list[Any]) -> Iterator[str]:
    block_ids: set[str] = set()
    for number, block in enumerate(blocks, start=1):
        where = f"block {number} ({block.get('type')})"
        block_id = block.get("block_id")
        if block_id:
            if block_id in block_ids:
                yield f"{where}: duplicate block_id {block_id!r}"
            if len(block_id) > _ID_LIMIT:
                yield f"{where}: block_id over {_ID_LIMIT} characters"
            block_ids.add(block_id)
        kind = block.get("type")
        if kind == "section":
            text = (block.get("text") or {}).get("text", "")
            if not text and not block.get("fields"):
                yield f"{where}: section with no text"
            if len(text) > SECTION_TEXT_LIMIT:
                yield f"{where}: section text is {len(text)} characters; the limit is 3,000"
            fields = block.get("fields", [])
            if len(fields) > _FIELDS_PER_SECTION:
                yield f"{where}: more than {_FIELDS_PER_SECTION} fields"
            for field in fields:
                if len(field.get("text", "")) > _FIELD_LIMIT:
                    yield f"{where}: a field is over 2,000 characters"
        elif kind == "header":
            if len((block.get("text") or {}).get("text", "")) > HEADER_LIMIT:
                yield f"{where}: header over {HEADER_LIMIT} characters"
        elif kind == "context":
            elements = block.get("elements", [])
            if not 1 <= len(elements) <= 10:
                yield f"{where}: context needs 1 to 10 elements"
            for element in elements:
                if len(element.get("text", "")) > SECTION_TEXT_LIMIT:
                    yield f"{where}: a context element is over 3,000 characters"
        elif kind == "input":
            for part in ("label", "hint"):
                if len((block.get(part) or {}).get("text", "")) > _INPUT_LABEL_LIMIT:
                    yield f"{where}: input {part} over {_INPUT_LABEL_LIMIT} characters"
        elif kind == "actions" and not 1 <= len(block.get("elements", [])) <= 25:
            yield f"{where}: actions needs 1 to 25 elements"
        yield from _element_problems(where, _elements(block))


def _elements(block: dict[str, Any]) -> list[dict[str, Any]]:
    found = list(block.get("elements", [])) if block.get("type") == "actions" else []
    for key in ("accessory", "element"):
        if isinstance(block.get(key), dict):
            found.append(block[key])
    return found


def _element_problems(where: str, elements: list[dict[str, Any]]) -> Iterator[str]:
    action_ids: set[str] = set()
    for element in elements:
        action_id = element.get("action_id", "")
        if len(action_id) > _ID_LIMIT:
            yield f"{where}: action_id over 255 characters"
        if action_id and action_id in action_ids:
            yield f"{where}: duplicate action_id {action_id!r}"
        action_ids.add(action_id)
        if element.get("type") == "button":
            text = (element.get("text") or {}).get("text", "")
            if not text or len(text) > BUTTON_TEXT_LIMIT:
                yield f"{where}: button text must be 1 to {BUTTON_TEXT_LIMIT} characters"
            if len(element.get("value", "")) > 2000:
                yield f"{where}: button value over 2,000 characters"
        options = list(element.get("options") or [])
        for group in element.get("option_groups") or []:
            options += group.get("options") or []
        if len(options) > _OPTIONS_PER_MENU:
            yield f"{where}: more than {_OPTIONS_PER_MENU} options"
        chosen = element.get("initial_options") or []
        if element.get("initial_option"):
            chosen = [*chosen, element["initial_option"]]
        for option in options + chosen:
            text = (option.get("text") or {}).get("text", "")
            if not text or len(text) > _OPTION_LIMIT:
                yield f"{where}: option text must be 1 to {_OPTION_LIMIT} characters"
            if len(option.get("value", "")) > _OPTION_LIMIT:
                yield f"{where}: option value over {_OPTION_LIMIT} characters"
        confirm = element.get("confirm") or {}
        for part, limit in (("title", 100), ("text", 300), ("confirm", 30), ("deny", 30)):
            if len((confirm.get(part) or {}).get("text", "")) > limit:
                yield f"{where}: confirm {part} over {limit} characters"
        if len(str(element.get("initial_value", ""))) > SECTION_TEXT_LIMIT:
            yield f"{where}: initial_value over 3,000 characters"
