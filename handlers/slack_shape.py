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
    }
)
_LIST_OF_OBJECTS = frozenset(
    {"actions", "authorizations", "response_urls", "blocks", "attachments", "selected_options"}
)
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
# Fields every slash command form carries, which our listeners read.
_COMMAND_FIELDS = ("command", "user_id", "channel_id", "team_id")
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
    return _parts_problem(body, 0) or _typed_problem(kind, body)


def _command_problem(body: Mapping[str, Any]) -> str | None:
    if not all(isinstance(value, str) for value in body.values()):
        return "is a slash command with a field that is not text"
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
    if kind in _INTERACTIVE:
        user = body.get("user")
        if not isinstance(user, dict) or not isinstance(user.get("id"), str):
            return f"is a {kind} payload without the user who acted"
    if kind in ("block_actions", "interactive_message"):
        actions = body.get("actions")
        if not isinstance(actions, list) or not actions:
            return f"is a {kind} payload without actions"
    if kind == "block_actions" and not all(
        isinstance(action, dict) and isinstance(action.get("action_id"), str)
        for action in body["actions"]
    ):
        return "is a block_actions payload with an action that has no action_id"
    if kind in ("view_submission", "view_closed"):
        view = body.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("callback_id"), str):
            return f"is a {kind} payload without a view and its callback_id"
    if _is_workflow_step(kind, body) and not isinstance(_step_holder(body), dict):
        return "is a workflow step payload without its workflow_step"
    if kind in ("shortcut", "message_action") and not isinstance(body.get("callback_id"), str):
        return f"is a {kind} payload without a callback_id"
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
            # A modal's state, keyed by our own block and action ids: each block holds its
            # actions, each action its state, both objects (listeners read them with .get).
            if not all(
                isinstance(actions, dict) and all(isinstance(a, dict) for a in actions.values())
                for actions in part.values()
            ):
                return "has a modal state whose blocks or actions are not objects"
            continue
        if key == "type" and not isinstance(part, str):
            return "has a type that is not text"
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
