"""What the console shows: Slack's answers and the bot's Web API calls, drawn as text.

The REPL (handlers/console/repl.py) sends requests; this module only displays what comes back and
remembers what is on screen (the last buttons, the open modal) for `:click` and `:submit`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, TextIO

from slack_bolt import BoltResponse

from handlers.console.fakeslack.render import Control, Rendered, render_message, render_view
from handlers.console.fakeslack.server import ApiCall
from handlers.console.files import SavedFiles, dm_recipient


class ConsoleError(Exception):
    """A console line that could not be run; printed with a hint, never fatal."""


@dataclass
class Shown:
    """The last thing on screen with controls, and where it lives (for :click)."""

    rendered: Rendered
    channel: str | None = None
    message: dict[str, Any] | None = None
    view: dict[str, Any] | None = None


@dataclass
class PendingClick:
    """A button with Slack's "Are you sure?" dialog, pressed and waiting for an answer."""

    control: Control
    option: tuple[str, str] | None
    shown: Shown


@dataclass
class ConsoleState:
    user: str = "U0AGENT01"
    channel: str = "C0SUPPORT"
    last: Shown | None = None
    # Open modals, bottom first, as Slack stacks them (views.push); the top one is for :submit.
    modals: list[dict[str, Any]] = field(default_factory=list)
    # Web API calls made while a request is being answered: Slack shows the request's own
    # answer (its ack) first, and the console runs listeners inline, so it holds them back.
    held: list[ApiCall] | None = None
    confirming: PendingClick | None = None

    @property
    def modal(self) -> dict[str, Any] | None:
        """The modal on top, the one :submit fills."""
        return self.modals[-1] if self.modals else None


class Screen:
    def __init__(self, out: TextIO, state: ConsoleState, files: SavedFiles | None = None) -> None:
        self.out = out
        self.state = state
        self.files = files

    def print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def answer(self, response: BoltResponse, submitted: bool = False) -> None:
        """Show what came back in the HTTP response itself (acks with a body, modal answers)."""
        if response.status == 401:
            raise ConsoleError("Slack's signature check refused the request")
        if response.status >= 400:
            raise ConsoleError(f"the bot answered HTTP {response.status}: {response.body}")
        if not response.body:
            if submitted:
                self._close_modal()
            return
        try:
            body = json.loads(response.body)
        except json.JSONDecodeError:
            self._display("", render_message(None, response.body), channel=self.state.channel)
            return
        action = body.get("response_action")
        if action == "errors":
            for name, problem in body.get("errors", {}).items():
                self.print(f"! {name}: {problem}")
        elif action in ("update", "push"):
            self._show_view(body["view"], action)
        elif action == "clear":
            self.state.modals.clear()
        elif "text" in body or "blocks" in body:
            rendered = render_message(body.get("blocks"), body.get("text"))
            self._display(
                "(only visible to you)",
                rendered,
                channel=self.state.channel,
                message={**body, "is_ephemeral": True},
            )
        elif submitted:
            self._close_modal()

    def _close_modal(self) -> None:
        """A submitted modal closes; as in Slack, the one beneath it (if any) shows again."""
        if self.state.modals:
            self.state.modals.pop()
        if self.state.modals:
            self._display("", render_view(self.state.modals[-1]), view=self.state.modals[-1])

    def show(self, call: ApiCall) -> None:
        if self.state.held is not None:
            self.state.held.append(call)
            return
        args = call.args
        method = call.method
        if method in ("chat.postMessage", "chat.update"):
            channel = str(call.answer.get("channel") or args.get("channel"))
            where = _where(str(args.get("channel") or channel))
            verb = "updated" if method == "chat.update" else "Service Coach"
            self._display(
                f"[{where}] {verb}:",
                render_message(args.get("blocks"), args.get("text")),
                channel=channel,
                message={**args, "ts": call.answer.get("ts")},
            )
        elif method == "chat.postEphemeral":
            self._display(
                f"[#{args.get('channel')}] (only visible to {args.get('user')}):",
                render_message(args.get("blocks"), args.get("text")),
                channel=str(args.get("channel")),
                message={**args, "is_ephemeral": True},
            )
        elif method == "response_url":
            if args.get("delete_original"):
                self.print("(the message was removed)")
                return
            label = (
                "(updated, only visible to you)"
                if args.get("replace_original")
                else (
                    "(only visible to you)"
                    if args.get("response_type") != "in_channel"
                    else "Service Coach:"
                )
            )
            self._display(
                label,
                render_message(args.get("blocks"), args.get("text")),
                channel=self.state.channel,
                message={**args, "is_ephemeral": True},
            )
        elif method in ("views.open", "views.push", "views.update"):
            self._show_view(
                {**(args.get("view") or {}), "id": call.answer.get("view", {}).get("id")},
                method.removeprefix("views."),
            )
        elif method == "views.publish":
            self._show_view(
                {**(args.get("view") or {}), "id": call.answer.get("view", {}).get("id")}, "home"
            )
        elif method == "files.getUploadURLExternal" and self.files is not None:
            self.files.named(str(call.answer.get("file_id")), str(args.get("filename") or ""))
        elif method == "upload":
            path = self.files.save(str(args.get("file_id"))) if self.files else None
            size = f"a file of {args.get('size')} bytes"
            self.print(
                f"({size} was uploaded; saved as {path})" if path else f"({size} was uploaded)"
            )
        elif method == "files.completeUploadExternal":
            titles = ", ".join(str(f.get("title") or f.get("id")) for f in args.get("files") or [])
            shared_in = str(args.get("channel_id") or "")
            self.print(f"(file shared: {titles} in {_where(shared_in) if shared_in else 'a DM'})")
        if call.answer.get("ok") is False and method != "response_url":
            self.print(f"! Slack answered {method} with error: {call.answer.get('error')}")

    def confirm_dialog(self, control: Control) -> None:
        """Slack's dialog before a button marked `confirm` acts: its question and answers."""
        dialog = control.confirm or {}
        yes = _plain(dialog.get("confirm")) or "Confirm"
        no = _plain(dialog.get("deny")) or "Cancel"
        self.print(f"┌ {_plain(dialog.get('title')) or 'Are you sure?'}")
        self.print(f"│ {_plain(dialog.get('text'))}")
        self.print(f"└ [1] {yes}  [2] {no}   (:click {yes} or :click {no})")

    def _show_view(self, view: dict[str, Any], how: str) -> None:
        """Show a view; `how` is open, push or update (a modal), or home."""
        rendered = render_view(view)
        modals = self.state.modals
        if how == "open":
            modals[:] = [view]
        elif how == "push":
            modals.append(view)
        elif how == "update":
            at = next((i for i, m in enumerate(modals) if view.get("id") == m.get("id")), None)
            if at is None and modals and view.get("id") is None:
                view = {**view, "id": modals[-1].get("id")}  # a response_action update
                at = len(modals) - 1
            if at is None:
                modals[:] = [view]
            else:
                modals[at] = view
        else:
            rendered.lines[0] = "┌ App Home"
        self._display("", rendered, view=view)

    def _display(
        self,
        label: str,
        rendered: Rendered,
        *,
        channel: str | None = None,
        message: dict[str, Any] | None = None,
        view: dict[str, Any] | None = None,
    ) -> None:
        if label:
            self.print(label)
        lines = "\n".join(rendered.lines).splitlines()
        self.print("\n".join("  " + line if label else line for line in lines))
        if rendered.controls:
            self.state.last = Shown(rendered, channel, message, view)


def _where(channel: str) -> str:
    recipient = dm_recipient(channel)
    return f"direct message to {recipient}" if recipient else f"#{channel}"


def _plain(text: Any) -> str:
    return str(text.get("text", "")) if isinstance(text, dict) else str(text or "")
