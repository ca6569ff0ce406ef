"""The one list of slash commands and shortcuts.

`/help`, the App Home and `manifest.json` are all built from it, so they cannot drift apart,
and a test checks that every entry here has a listener and every listener has an entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.ids import Command, Shortcut


@dataclass(frozen=True)
class CommandInfo:
    command: Command
    usage_hint: str
    description: str  # one line for /help and the manifest (Slack allows 2,000 characters)
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class ShortcutInfo:
    callback_id: Shortcut
    name: str  # what Slack shows in the message's "More actions" menu (<= 24 characters)
    description: str


COMMANDS: tuple[CommandInfo, ...] = (
    CommandInfo(Command.HELP, "", "List every command with what it does.", ("/help",)),
    CommandInfo(
        Command.TIP,
        "[topic]",
        "Get a service tip now, optionally on a topic such as empathy, refunds or on hold.",
        ("/tip", "/tip apology", "/tip angry customer on the phone"),
    ),
    CommandInfo(
        Command.TIPS,
        "on TIME [zone] [days] | off | status | now | skip DATE | unskip | holidays CODE",
        "Schedule a daily service tip for this channel at its local time.",
        ("/tips on 9am America/Chicago weekdays", "/tips skip tomorrow", "/tips status"),
    ),
    CommandInfo(
        Command.DEESCALATE,
        "[scenario]",
        "Walk through an angry call step by step, privately.",
        ("/deescalate", "/deescalate on hold"),
    ),
    CommandInfo(
        Command.LOGCALL,
        "[category heat outcome: notes] | mine",
        "Record a difficult call in a form, or in one line: category, heat (1-5 or calm … "
        "furious), outcome and channel (any order), a colon, then what happened. "
        "`/logcall help` explains.",
        ("/logcall", "/logcall billing 4 escalated: customer charged twice", "/logcall mine"),
    ),
    CommandInfo(
        Command.CALLS,
        '[period] [category:X] [outcome:X] [heat:>=N] [@agent] ["text"] | by agent | tips | '
        "export | chart | digest",
        "Managers: query, export and chart the difficult-call log; see it per agent and which "
        "tips helped. Everyone can see their own calls.",
        ("/calls 30d category:billing", "/calls by agent 30d", "/calls tips", "/calls export 7d"),
    ),
    CommandInfo(
        Command.REPHRASE,
        "[draft reply]",
        "Check a draft reply and get kinder, clearer wording, with reasons.",
        ("/rephrase You're wrong, calm down.",),
    ),
)

SHORTCUTS: tuple[ShortcutInfo, ...] = (
    ShortcutInfo(
        Shortcut.REPHRASE_MESSAGE, "Rephrase kindly", "Suggest kinder wording for this message."
    ),
    ShortcutInfo(
        Shortcut.LOG_CALL_FROM_MESSAGE,
        "Log difficult call",
        "Log a difficult call from this message.",
    ),
)
