"""Whether a parsed request body has a shape Slack sends, checked before Bolt reads it.

Bolt trusts a verified body to be Slack's and calls `.get` on its parts (`view`, `event`,
`actions[0]`, `user`…): a correctly signed body of another shape (a `payload` that is a JSON
string, a `view` that is a number) made it raise and answer 500. Signed does not mean
well-formed: a leaked secret, a test tool or a proxy can sign anything. So the HTTP gate and
the Socket Mode handler ask `problem(body)` first and refuse what Slack could not have sent.

Only the parts Bolt and our listeners read are checked, each against the type Slack's
documented payloads give it, so a payload of a kind Slack adds later still passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Keys that hold an object wherever they appear; the first four may also be given as a bare
# id string (events: "user": "U123") or null (org-wide installs: "team": null).
_OBJECT_OR_ID = frozenset({"user", "team", "channel", "enterprise"})
_OBJECT = frozenset(
    {
        "view",
        "event",
        "container",
        "message",
        "previous_message",
        "item",
        "assistant_thread",
        "function_data",
        "state",
        "values",
        "selected_option",
        "element",
        "initial_option",
    }
)
_LIST_OF_OBJECTS = frozenset(
    {
        "actions",
        "authorizations",
        "response_urls",
        "blocks",
        "attachments",
        "selected_options",
        "initial_options",
    }
)
# Our own ids, which Slack hands back as the text we gave them.
_ID_TEXT = frozenset({"block_id", "action_id", "callback_id"})
# Interactive payloads carry the person who acted as an object with an id.
_INTERACTIVE = frozenset(
    {
        "block_actions",
        "block_suggestion",
        "view_submission",
        "view_closed",
        "shortcut",
        "message_action",
        "interactive_message",
        "dialog_submission",
        "dialog_cancellation",
        "dialog_suggestion",
    }
)
# Fields every slash command form carries, which our listeners read (they answer on the
# response_url and open forms with the trigger_id).
_COMMAND_FIELDS = ("command", "user_id", "channel_id", "team_id", "response_url", "trigger_id")
_MAX_DEPTH = 64  # deeper than any payload Slack sends (a modal's state is a few levels)


def problem(body: Any) -> str | None:
    """None when `body` (as Bolt parsed it) has a shape Slack sends; else, in a few words,
    what is wrong with it, never quoting it."""
    if not isinstance(body, dict):
        return f"is JSON but not an object ({type(body).__name__})"
    if not body:
        return "is empty"
    if "command" in body:
        return _command_problem(body)
    if "ssl_check" in body:
        return None  # Slack's certificate check; Bolt answers it
    kind = body.get("type")
    if not isinstance(kind, str) or not kind:
        return "is neither a slash command, an event nor an interactive payload (no type)"
    return _parts_problem(body, 0) or _typed_problem(kind, body) or _nul_problem(body)


def _command_problem(body: Mapping[str, Any]) -> str | None:
    if not all(isinstance(value, str) for value in body.values()):
        return "is a slash command with a field that is not text"
    nul = _nul_problem(body)
    if nul:
        return nul
    if not body["command"].startswith("/"):
        return "is a slash command whose name does not start with /"
    missing = [name for name in _COMMAND_FIELDS if not body.get(name)]
    if missing:
        return f"is a slash command without {', '.join(missing)}"
    return None


def _typed_problem(kind: str, body: Mapping[str, Any]) -> str | None:
    if kind == "url_verification" and not isinstance(body.get("challenge"), str):
        return "is a URL verification without a challenge"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return "is an event callback without an event type"
        if event["type"] == "app_home_opened" and not isinstance(event.get("user"), str):
            return "is an app_home_opened event without the user who opened it"
    if kind in _INTERACTIVE:
        user = body.get("user")
        if not isinstance(user, dict) or not isinstance(user.get("id"), str):
            return f"is a {kind} payload without the user who acted"
    if kind in ("block_actions", "interactive_message"):
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            return f"is a {kind} payload without actions"
    if kind == "block_actions" and not all(
        isinstance(action, dict)
        and isinstance(action.get("action_id"), str)
        and isinstance(action.get("value", ""), str)
        for action in body["actions"]
    ):
        return "is a block_actions payload with an action without an action_id or text value"
    if kind in ("block_actions", "message_action") and not _has_a_surface(body):
        return f"is a {kind} payload from neither a message (with its response_url) nor a view"
    if kind == "message_action" and not isinstance(body["message"].get("text", ""), str):
        return "is a message_action payload whose message text is not text"
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("callback_id"), str):
            return f"is a {kind} payload without a view and its callback_id"
    if _is_workflow_step(kind, body) and not isinstance(_step_holder(body), dict):
        return "is a workflow step payload without its workflow_step"
    if kind in ("shortcut", "message_action") and not isinstance(body.get("callback_id"), str):
        return f"is a {kind} payload without a callback_id"
    return None


def _nul_problem(value: Any) -> str | None:
    """Slack strips the NUL character from what people type; PostgreSQL cannot store it in
    text (a call logged with one failed there and not in TinyDB), so a body carrying one is
    refused here, the same for both stores. Called once the depth is known to be sane."""
    if isinstance(value, str):
        return "has text with a NUL character" if "\x00" in value else None
    parts = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    return next((found for part in parts if (found := _nul_problem(part))), None)


def _has_a_surface(body: Mapping[str, Any]) -> bool:
    """A click on a message comes with a response_url to answer on (an ephemeral message is
    not itself included), a shortcut on a message with the message and a response_url, and a
    click in a modal or the App Home with its view instead."""
    url = body.get("response_url")
    answerable = isinstance(url, str) and bool(url)
    if body["type"] == "message_action":
        return answerable and isinstance(body.get("message"), dict)
    return answerable or isinstance(body.get("view"), dict)


def _state_problem(values: Mapping[str, Any]) -> str | None:
    """A modal's state, keyed by our own block and action ids: each block holds its actions,
    each action its state, both objects (listeners read them with .get); a date picker's time
    is a whole number of seconds, or null when none is picked. (Not checked like other parts:
    an empty menu's `selected_option` is null here.)"""
    if not all(
        isinstance(actions, dict) and all(isinstance(a, dict) for a in actions.values())
        for actions in values.values()
    ):
        return "has a modal state whose blocks or actions are not objects"
    for actions in values.values():
        for state in actions.values():
            if not isinstance(state.get("selected_option") or {}, dict):
                return "has a modal state whose chosen option is not an object"
            chosen = state.get("selected_options") or []
            if not isinstance(chosen, list) or not all(isinstance(o, dict) for o in chosen):
                return "has a modal state whose chosen options are not a list of objects"
            stamp = state.get("selected_date_time")
            if stamp is not None and (not isinstance(stamp, int) or isinstance(stamp, bool)):
                return "has a date picker time that is not a whole number"
    return None


def _is_workflow_step(kind: str, body: Mapping[str, Any]) -> bool:
    """Bolt reads `workflow_step` unchecked from these (steps from apps)."""
    view, event = body.get("view"), body.get("event")
    return (
        kind == "workflow_step_edit"
        or (
            kind == "view_submission"
            and isinstance(view, dict)
            and view.get("type") == "workflow_step"
        )
        or (
            kind == "event_callback"
            and isinstance(event, dict)
            and event.get("type") == "workflow_step_execute"
        )
    )


def _step_holder(body: Mapping[str, Any]) -> Any:
    holder = body.get("event") if body.get("type") == "event_callback" else body
    return holder.get("workflow_step") if isinstance(holder, dict) else None


def _parts_problem(value: Any, depth: int) -> str | None:
    """The first known part, at any depth, that does not have the type Slack gives it."""
    if depth > _MAX_DEPTH:
        return "is nested deeper than any Slack payload"
    if isinstance(value, list):
        for item in value:
            found = _parts_problem(item, depth + 1)
            if found:
                return found
        return None
    if not isinstance(value, dict):
        return None
    for key, part in value.items():
        if key == "values" and isinstance(part, dict):
            found = _state_problem(part)
            if found:
                return found
            continue
        if key == "type" and not isinstance(part, str):
            return "has a type that is not text"
        if key in _ID_TEXT and not isinstance(part, str):
            return f"has a {key!r} that is not text"
        if key in _OBJECT_OR_ID and not isinstance(part, dict | str | type(None)):
            return f"has a {key!r} that is neither an object nor an id"
        if key in _OBJECT and not isinstance(part, dict):
            return f"has a {key!r} that is not an object"
        if key == "view" and not isinstance(part.get("type"), str):
            return "has a view without a type"
        if key in _LIST_OF_OBJECTS and not (
            isinstance(part, list) and all(isinstance(item, dict) for item in part)
        ):
            return f"has {key!r} that is not a list of objects"
        found = _parts_problem(part, depth + 1)
        if found:
            return found
    return None
