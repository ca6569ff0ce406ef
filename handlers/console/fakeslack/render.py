"""Turns Block Kit JSON into readable text, the way a person would read it in Slack.

Buttons and menus are numbered `[N] Label` so the console can press them with `:click N`;
modal inputs print with their names so `:submit name=value` can fill them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_SELECTS = ("static_select", "multi_static_select", "radio_buttons", "checkboxes", "overflow")


@dataclass
class Control:
    number: int
    label: str
    kind: str
    action_id: str
    block_id: str
    value: str = ""
    options: list[tuple[str, str]] = field(default_factory=list)  # (label, value)
    confirm: dict[str, Any] | None = None  # Slack's "Are you sure?" dialog, if the button has one


@dataclass
class Field:
    name: str  # the input block's block_id
    action_id: str
    kind: str
    label: str
    optional: bool
    initial: Any = None
    options: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Rendered:
    lines: list[str] = field(default_factory=list)
    controls: list[Control] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


_DATE_TOKEN = re.compile(r"<!date\^[^|>]*\|([^>]*)>")


def unescape(text: str) -> str:
    # Slack shows a date token in the reader's zone; the fallback text is the nearest we have.
    text = _DATE_TOKEN.sub(r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text(obj: Any) -> str:
    if isinstance(obj, dict):
        return unescape(str(obj.get("text", "")))
    return ""


def _options(element: dict[str, Any]) -> list[tuple[str, str]]:
    found = [(_text(o.get("text")), str(o.get("value", ""))) for o in element.get("options", [])]
    for group in element.get("option_groups", []):
        found += [(_text(o.get("text")), str(o.get("value", ""))) for o in group.get("options", [])]
    return found


def render_message(
    blocks: list[dict[str, Any]] | None, text: str | None = None, first_number: int = 1
) -> Rendered:
    out = Rendered()
    if not blocks:
        out.lines.append(unescape(text or ""))
        return out
    for block in blocks:
        _render_block(block, out, first_number)
    return out


def render_view(view: dict[str, Any], first_number: int = 1) -> Rendered:
    out = Rendered()
    title = _text(view.get("title")) or "App Home"
    out.lines.append(f"┌ {title}")
    for block in view.get("blocks", []):
        _render_block(block, out, first_number)
    if view.get("submit"):
        out.lines.append(f"└ [submit: {_text(view['submit'])}]  (:submit name=value …)")
    else:
        out.lines.append("└")
    return out


def _render_block(block: dict[str, Any], out: Rendered, first_number: int) -> None:
    kind = block.get("type")
    block_id = str(block.get("block_id", ""))
    if kind == "header":
        out.lines.append(f"== {_text(block.get('text'))} ==")
    elif kind == "section":
        if block.get("text"):
            out.lines.append(_text(block["text"]))
        for item in block.get("fields", []):
            out.lines.append("  " + _text(item))
        if block.get("accessory"):
            _render_element(block["accessory"], block_id, out, first_number)
    elif kind == "context":
        out.lines.append("  · " + "  ".join(_text(e) for e in block.get("elements", [])))
    elif kind == "divider":
        out.lines.append("  ───")
    elif kind == "actions":
        for element in block.get("elements", []):
            _render_element(element, block_id, out, first_number)
    elif kind == "rich_text":
        out.lines.append(_rich_text(block))
    elif kind == "input":
        _render_input(block, out, first_number)
    elif kind == "image":
        out.lines.append(f"  [image: {block.get('alt_text', '')}]")


def _render_element(element: dict[str, Any], block_id: str, out: Rendered, first: int) -> None:
    kind = str(element.get("type"))
    if kind not in ("button", *_SELECTS):
        return
    number = first + len(out.controls)
    label = _text(element.get("text") or element.get("placeholder")) or kind
    control = Control(
        number,
        label,
        kind,
        str(element.get("action_id", "")),
        block_id,
        str(element.get("value", "")),
        _options(element),
        element.get("confirm"),
    )
    out.controls.append(control)
    if control.options:
        choices = " | ".join(o[0] for o in control.options)
        out.lines.append(f"  [{number}] {label} ▾ {choices}")
    else:
        out.lines.append(f"  [{number}] {label}")


def _render_input(block: dict[str, Any], out: Rendered, first_number: int) -> None:
    element = block.get("element", {})
    kind = str(element.get("type", ""))
    name = str(block.get("block_id", ""))
    optional = bool(block.get("optional"))
    initial = (
        element.get("initial_value")
        or element.get("initial_date_time")
        or _text((element.get("initial_option") or {}).get("text"))
        or [_text(o.get("text")) for o in element.get("initial_options", [])]
        or None
    )
    info = Field(
        name,
        str(element.get("action_id", "")),
        kind,
        _text(block.get("label")),
        optional,
        initial,
        _options(element),
    )
    out.fields.append(info)
    if block.get("dispatch_action") and kind in _SELECTS:
        # Changing this menu tells the app at once (e.g. to show another field): a control.
        _render_element({**element, "text": block.get("label")}, name, out, first_number)
    line = f"  {name} — {info.label}{' (optional)' if optional else ''}: <{kind}>"
    if info.options:
        line += " one of: " + ", ".join(value for _, value in info.options)
    if kind == "datetimepicker":
        line += ' as "YYYY-MM-DD HH:MM"'
    if initial:
        line += f"  = {initial}"
    out.lines.append(line)
    if block.get("hint"):
        out.lines.append(f"      {_text(block['hint'])}")


def _rich_text(block: dict[str, Any]) -> str:
    parts: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "text":
                parts.append(str(node.get("text", "")))
            for child in node.get("elements", []):
                walk(child)

    walk(block)
    return "".join(parts)
