"""Every Slack identifier the bot uses, named once.

Handlers, block builders, the manifest and the tests all refer to these members, so a typo
is an AttributeError at import time instead of a button that silently does nothing.
"""

from __future__ import annotations

from enum import StrEnum


class Command(StrEnum):
    HELP = "/help"
    TIP = "/tip"
    TIPS = "/tips"
    DEESCALATE = "/deescalate"
    LOGCALL = "/logcall"
    CALLS = "/calls"
    REPHRASE = "/rephrase"


class Shortcut(StrEnum):
    REPHRASE_MESSAGE = "rephrase_message"
    LOG_CALL_FROM_MESSAGE = "log_call_from_message"


class Action(StrEnum):
    """action_id values of buttons and menus."""

    HOME_HELP = "home_help"


class View(StrEnum):
    """callback_id values of modals."""


class Block(StrEnum):
    """block_id values of inputs that a submission is read back from."""
