"""The local console: try every feature without Slack.

It builds the same Bolt app as production. Each line typed becomes a signed Slack request
dispatched through Bolt, and the Web API calls the bot makes go to a local fake Slack, which
prints them as text (handlers/console/screen.py draws them). Piped input works too, so a script
can drive it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from concurrent.futures import Executor, Future
from datetime import datetime
from typing import Any, TextIO

from slack_bolt import BoltResponse

from bot.clock import ManualClock
from bot.config import Settings
from bot.services import build_services
from handlers.app import create_app
from handlers.console.clock_logs import clock_moved
from handlers.console.fakeslack.render import Control, Field, render_view
from handlers.console.fakeslack.requests import SlackRequests, field_state
from handlers.console.fakeslack.server import FakeSlack
from handlers.console.files import SavedFiles
from handlers.console.screen import ConsoleError, ConsoleState, PendingClick, Screen, Shown
from handlers.console.typed import initial_text, pick_option, quoted_words, slack_id
from handlers.registry import COMMANDS, SHORTCUTS

CONSOLE_SECRET = "console-signing-secret"  # noqa: S105 - a local-only stand-in, never real
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
# In Slack a person picks a channel or a colleague from a list as they type # or @, and the
# command's text carries <#C…> or <@U…>. The console has no list, so an ID typed after # or
# @ stands for the pick.
_TYPED_MENTION = re.compile(r"(?<![<\w])([#@])([CGUW][A-Z0-9]{2,})\b")

HELP = """\
Console commands:
  /command args            run a slash command (try /help); type a channel or a person as
                           #C0SUPPORT or @U0AGENT01, where Slack would offer a list
  :click N [option]        press button N of the last thing shown, or pick an option of menu N
                           (a label works too: :click Next, :click Outcome escalated)
  :submit name=value …     submit the open modal (quote values with spaces: notes="two words")
  :shortcut ID text        run a message shortcut on a message with that text
                           (IDs: rephrase_message, log_call_from_message)
  :as USER_ID              act as another user (now {user})
  :in CHANNEL_ID           act in another channel (now {channel})
  :clock YYYY-MM-DD HH:MM  move the bot's clock ({zone}; backwards too) and run whatever
                           is due (now {now}; :clock alone shows it)
  :home                    open the App Home
  :help                    this list
  :quit                    leave (end of input does the same)"""


class InlineExecutor(Executor):
    """Runs Bolt's listeners in the calling thread, so each answer prints before the next prompt."""

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:  # handed to whoever reads the future, as a pool would
            future.set_exception(error)
        return future


class Console:
    def __init__(self, settings: Settings, out: TextIO) -> None:
        self.out = out
        self.settings = settings
        self.state = ConsoleState()
        # Exports and charts land beside the data file, where they can be opened.
        self.files = SavedFiles(settings.db_path.parent / "exports", self._upload)
        self.screen = Screen(out, self.state, self.files)
        self.fake = FakeSlack(on_call=self.screen.show).start()
        self.clock = ManualClock()
        self.services = build_services(settings, clock=self.clock)
        self.app = create_app(
            self.services,
            api_url=self.fake.api_url,
            signing_secret=CONSOLE_SECRET,
            executor=InlineExecutor(),
        )
        self.requests = SlackRequests(self.app, CONSOLE_SECRET, self.fake)

    def _upload(self, file_id: str) -> bytes | None:
        return self.fake.uploads.get(file_id)

    def close(self) -> None:
        self.fake.stop()
        self.services.store.close()

    # --- the loop ----------------------------------------------------------------------------

    def run(self, lines: TextIO) -> None:
        interactive = lines.isatty()
        self.print(
            "Service Coach console. Type /help for the bot's commands, :help for the console's."
        )
        while True:
            if interactive:
                self.out.write(f"{self.state.user}@{self.state.channel}> ")
                self.out.flush()
            line = lines.readline()
            if not line:
                break
            if not self.handle(line.strip()):
                break

    def handle(self, line: str) -> bool:
        """Run one typed line; False means quit."""
        if not line or line.startswith("#"):
            return True
        if self.state.confirming is not None and not line.startswith(":click"):
            self.state.confirming = None  # as in Slack, anything else dismisses the dialog
            self.print("(the dialog was dismissed; nothing was done)")
        try:
            if line.startswith("/"):
                command, _, text = line.partition(" ")
                if command not in {str(info.command) for info in COMMANDS}:
                    raise ConsoleError(f"{command} is not a command of this bot; type /help")
                text = _TYPED_MENTION.sub(r"<\1\2>", text.strip())
                self._request(
                    lambda: self.requests.command(
                        command, text, user=self.state.user, channel=self.state.channel
                    )
                )
            elif line.startswith(":"):
                return self._console_command(line)
            else:
                self.print(
                    "Type a slash command such as /help, or :help for the console's commands."
                )
        except ConsoleError as error:
            self.print(f"! {error}")
        return True

    def _console_command(self, line: str) -> bool:
        # Only :submit reads quotes (notes="two words"); elsewhere an apostrophe is just text.
        words = line.split() if not line.startswith(":submit") else quoted_words(line)
        name, args = words[0], words[1:]
        if name == ":quit":
            return False
        if name == ":help":
            self.print(
                HELP.format(
                    user=self.state.user,
                    channel=self.state.channel,
                    zone=self.settings.timezone,
                    now=self._local_now(),
                )
            )
        elif name == ":as":
            self.state.user = slack_id(args, _USER_ID, ":as U0MANAGER1", "user IDs start with U")
            self.print(f"Now acting as {self.state.user}.")
        elif name == ":in":
            self.state.channel = slack_id(
                args, _CHANNEL_ID, ":in C0OTHER", "channel IDs start with C, G or D"
            )
            self.print(f"Now in channel {self.state.channel}.")
        elif name == ":home":
            self._request(lambda: self.requests.open_home(self.state.user))
        elif name == ":click":
            self._click(args)
        elif name == ":submit":
            self._submit(args)
        elif name == ":shortcut":
            shortcuts = [str(info.callback_id) for info in SHORTCUTS]
            if len(args) < 2:
                raise ConsoleError(
                    "usage: :shortcut ID the message text, e.g. :shortcut rephrase_message "
                    f"You are wrong (IDs: {', '.join(shortcuts)})"
                )
            if args[0] not in shortcuts:
                raise ConsoleError(
                    f"no shortcut {args[0]!r}; the shortcuts are {', '.join(shortcuts)}"
                )
            text = line.split(maxsplit=2)[2]  # the message exactly as typed
            self._request(
                lambda: self.requests.message_shortcut(
                    args[0], text, user=self.state.user, channel=self.state.channel
                )
            )
        elif name == ":clock":
            self._clock(args)
        else:
            raise ConsoleError(f"unknown console command {name}; type :help")
        return True

    # --- console commands -------------------------------------------------------------------

    def _click(self, args: list[str]) -> None:
        if self.state.confirming is not None:
            self._answer_dialog(self.state.confirming, " ".join(args))
            return
        shown = self.state.last
        if shown is None or not shown.rendered.controls:
            raise ConsoleError("nothing to click: no buttons are showing")
        if not args:
            raise ConsoleError("usage: :click N (the number in [N]) or :click Label")
        if args[0].isdigit():
            number = int(args[0])
            control = next((c for c in shown.rendered.controls if c.number == number), None)
            wanted = " ".join(args[1:])
        else:  # a label, and for a menu the option after it: `:click Outcome escalated`
            typed = " ".join(args)
            control, wanted = None, ""
            for one in sorted(shown.rendered.controls, key=lambda c: -len(c.label)):
                label = one.label.lower()
                if typed.lower() == label or typed.lower().startswith(label + " "):
                    control, wanted = one, typed[len(label) :].strip()
                    break
        if control is None:
            raise ConsoleError(
                f"there is no [{args[0]}]; the buttons showing are "
                + ", ".join(f"[{c.number}] {c.label}" for c in shown.rendered.controls)
            )
        option = pick_option(control, wanted)
        if control.confirm:
            self.state.confirming = PendingClick(control, option, shown)
            self.screen.confirm_dialog(control)
            return
        self._press(control, option, shown)

    def _answer_dialog(self, pending: PendingClick, typed: str) -> None:
        dialog = pending.control.confirm or {}
        yes = str((dialog.get("confirm") or {}).get("text") or "Confirm")
        no = str((dialog.get("deny") or {}).get("text") or "Cancel")
        answer = typed.strip().lower()
        if answer not in ("1", "2", yes.lower(), no.lower()):
            raise ConsoleError(f"Slack is asking first: :click {yes} or :click {no}")
        self.state.confirming = None
        if answer in ("1", yes.lower()):
            self._press(pending.control, pending.option, pending.shown)
        else:
            self.print("(nothing was done)")

    def _press(self, control: Control, option: tuple[str, str] | None, shown: Shown) -> None:
        self._request(
            lambda: self.requests.click(
                control,
                user=self.state.user,
                channel=shown.channel,
                message=shown.message,
                view=shown.view,
                option=option,
            )
        )

    def _submit(self, args: list[str]) -> None:
        view = self.state.modal
        if view is None:
            raise ConsoleError("no modal is open")
        fields = render_view(view).fields
        if not fields and args:
            raise ConsoleError("this modal has nothing to fill in; :submit alone sends it")
        given: dict[str, str] = {}
        for arg in args:
            name, sep, value = arg.partition("=")
            if not sep:
                raise ConsoleError(
                    f"{arg!r} is not name=value; the fields are "
                    + ", ".join(f.name for f in fields)
                )
            given[name] = value
        unknown = set(given) - {f.name for f in fields}
        if unknown:
            raise ConsoleError(
                f"no field {', '.join(sorted(unknown))}; the fields are "
                + ", ".join(f.name for f in fields)
            )
        values: dict[str, Any] = {}
        for one in fields:
            raw = given.get(one.name, initial_text(one))
            if raw:
                try:
                    values[one.name] = field_state(one, self._datetime_field(one, raw))
                except ValueError as error:
                    raise ConsoleError(str(error)) from None
        self._request(lambda: self.requests.submit(view, values, user=self.state.user), True)

    def _datetime_field(self, one: Field, raw: str) -> str:
        if one.kind != "datetimepicker" or raw.isdigit():
            return raw
        return str(int(self._parse_local(raw).timestamp()))

    def _clock(self, args: list[str]) -> None:
        if not args:
            self.print(f"The clock reads {self._local_now()}.")
            return
        when = self._parse_local(" ".join(args))
        before = self._local_now()
        self.clock.set(when)
        after = self._local_now()
        self.print(f"Clock set to {after}.")
        with clock_moved(when, f":clock from {before} to {after}"):
            self.services.ticker.tick()
            self.services.outbox.wait_idle(30)  # what the tick posted shows before the prompt

    def _local_now(self) -> str:
        local = self.clock.now().astimezone(self.settings.zone)
        return f"{local:%Y-%m-%d %H:%M} {self.settings.timezone}"

    def _parse_local(self, text: str) -> datetime:
        try:
            naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            raise ConsoleError(f"{text!r} is not YYYY-MM-DD HH:MM, e.g. 2026-12-01 09:00") from None
        return naive.replace(tzinfo=self.settings.zone)

    # --- output ------------------------------------------------------------------------------

    def print(self, text: str) -> None:
        self.screen.print(text)

    def _request(self, send: Callable[[], BoltResponse], submitted: bool = False) -> None:
        """Send one request; show its own answer, then what the bot did while answering."""
        self.state.held = []
        try:
            response = send()
        finally:
            held, self.state.held = self.state.held, None
        try:
            self.screen.answer(response, submitted)
        finally:
            for call in held:
                self.screen.show(call)


def run_console(settings: Settings, lines: TextIO | None = None, out: TextIO | None = None) -> int:
    console = Console(settings, out or sys.stdout)
    try:
        console.run(lines or sys.stdin)
    except KeyboardInterrupt:
        console.print("")
    finally:
        console.close()
    return 0
