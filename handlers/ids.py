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


class Event(StrEnum):
    """Events API types the bot subscribes to (manifest.json's bot_events)."""

    APP_HOME_OPENED = "app_home_opened"


class Action(StrEnum):
    """action_id values of buttons and menus that belong to no one feature."""

    HOME_HELP = "home_help"


# Each feature keeps its own IDs below: action_id (…Action), callback_id (…View) and
# block_id (…Block) values.

# --- daily tips ---


class TipAction(StrEnum):
    HELPFUL = "tip_helpful"
    ANOTHER = "tip_another"


class TipBlock(StrEnum):
    BUTTONS = "tip_buttons"


# --- de-escalation ---


class GuideAction(StrEnum):
    # Next, Back and Start over all carry the state they lead to; Slack needs distinct IDs.
    NEXT = "guide_next"
    BACK = "guide_back"
    START_OVER = "guide_start_over"
    PICK = "guide_pick"
    HOLD = "guide_hold"
    RESUME = "guide_resume"
    LOG = "guide_log"
    DONE = "guide_done"
    OPEN = "guide_open"  # the App Home button


class GuideView(StrEnum):
    GUIDE = "guide_modal"


# --- call log ---


class CallLogAction(StrEnum):
    OUTCOME = "calllog_outcome"  # the outcome menu in the form: shows or hides the follow-up
    FIELD = "calllog_field"  # every other input of the form (its block_id says which)
    EDIT = "calllog_edit"
    DELETE = "calllog_delete"
    DONE = "calllog_follow_up_done"
    SNOOZE_HOUR = "calllog_snooze_hour"
    SNOOZE_MORNING = "calllog_snooze_morning"


class CallLogView(StrEnum):
    LOG = "calllog_form"


class CallLogBlock(StrEnum):
    # Input block_ids double as the field names of `:submit name=value` in the console.
    CONTACT = "contact"
    CATEGORY = "category"
    HEAT = "heat"
    NOTES = "notes"
    OUTCOME = "outcome"
    FOLLOW_UP = "follow_up"
    REFERENCE = "reference"
    STEPS = "steps"


# --- managers' reports ---


class ReportAction(StrEnum):
    DETAILS = "report_details"  # value: the call's id
    # App Home shortcuts; value: the query text. One id each: ids must differ within a block.
    HOME_WEEK = "report_home_week"
    HOME_ESCALATIONS = "report_home_escalations"
    HOME_HOT = "report_home_hot"
    HOME_AGENTS = "report_home_agents"  # value: the per-agent query text
    HOME_TIPS = "report_home_tips"  # value: the tip report's period
    AGENT_CALLS = "report_agent_calls"  # value: the query text of one agent's calls
    DIGEST_DETAIL = "report_digest_detail"  # value: the digest's own filter, zone included


class ReportView(StrEnum):
    DETAILS = "report_details"


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
