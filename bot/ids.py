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
    """action_id values of buttons and menus that belong to no one feature."""

    HOME_HELP = "home_help"


# Each feature keeps its own IDs below: action_id (…Action), callback_id (…View) and
# block_id (…Block) values.

# --- daily tips ---


class TipAction(StrEnum):
    pass


# --- de-escalation ---


class GuideAction(StrEnum):
    pass


class GuideView(StrEnum):
    pass


# --- call log ---


class CallLogAction(StrEnum):
    pass


class CallLogView(StrEnum):
    pass


class CallLogBlock(StrEnum):
    pass


# --- managers' reports ---


class ReportAction(StrEnum):
    pass


class ReportView(StrEnum):
    pass


# --- rephrasing ---


class RephraseAction(StrEnum):
    ANOTHER_WORDING = "rephrase_another_wording"
    DRAFT_INPUT = "rephrase_draft_input"


class RephraseView(StrEnum):
    DRAFT = "rephrase_draft"
    RESULT = "rephrase_result"


class RephraseBlock(StrEnum):
    DRAFT = "draft"  # the modal's input; also the field name in :submit draft="…"
    ANOTHER = "rephrase_another"
