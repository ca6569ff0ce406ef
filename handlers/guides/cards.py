"""Block Kit for the de-escalation guide: the step card, the scenario list, the hold nudge.

The same blocks serve the ephemeral card (from /deescalate) and the modal (from App Home).
All text is escaped: built-in content is ours, but a team's content folder is not.
"""

from __future__ import annotations

from typing import Any

from bot.agent_time import labelled
from bot.content import Content, Guide
from bot.guides.hold_timer import HoldTimer, return_phrases
from bot.guides.lookup import example_word
from bot.guides.state import BLOCK_ID_LIMIT, GuideState
from bot.schedule_text import Zone
from bot.text import clip, escape
from handlers.blocks import (
    BUTTON_TEXT_LIMIT,
    Block,
    actions,
    button,
    context,
    modal,
    plain,
    section,
)
from handlers.ids import Command, GuideAction, GuideView

PICKER_LABEL = "Switch scenario"
_OPTION_VALUE_LIMIT = 150
_ECHO_LIMIT = 80  # how much of an unmatched /deescalate argument is echoed back


def quote(text: str) -> str:
    """A mrkdwn block quote: set apart, so the words are easy to select and copy."""
    return "\n".join(">" + line for line in escape(text).splitlines())


def picker(content: Content) -> Block:
    return {
        "type": "static_select",
        "action_id": GuideAction.PICK,
        "placeholder": plain(PICKER_LABEL, BUTTON_TEXT_LIMIT),
        "options": [
            {
                "text": plain(guide.name, BUTTON_TEXT_LIMIT),
                "value": guide.id[:_OPTION_VALUE_LIMIT],
            }
            for guide in content.guides
        ][:100],
    }


def _nav(state: GuideState, guide: Guide) -> Block:
    last = len(guide.steps) - 1
    elements: list[Block] = []
    if state.step > 0:
        elements.append(button("Back", GuideAction.BACK, state.go(state.step - 1).encode()))
    if state.step < last:
        elements += [
            button("Next", GuideAction.NEXT, state.go(state.step + 1).encode(), style="primary"),
            # A call can end at any step: logging it is always one press away.
            button("Log this call", GuideAction.LOG, state.encode()),
        ]
    else:
        elements += [
            button("Log this call", GuideAction.LOG, state.encode(), style="primary"),
            button("Done", GuideAction.DONE, state.encode()),
        ]
    if state.step > 0:
        elements.append(button("Start over", GuideAction.START_OVER, state.go(0).encode()))
    return actions(*elements)


def _tools(content: Content, state: GuideState, hold: HoldTimer | None) -> Block:
    if hold is None:
        toggle = button("Customer on hold", GuideAction.HOLD, state.encode())
    else:
        toggle = button("Back with customer", GuideAction.RESUME, state.encode(), style="primary")
    # The picker's block_id carries where the agent is, so switching keeps the steps walked.
    return actions(toggle, picker(content), block_id=state.encode(BLOCK_ID_LIMIT))


def step_blocks(
    content: Content, state: GuideState, hold: HoldTimer | None, zone: Zone
) -> list[Block]:
    guide = content.guide(state.guide)
    step = guide.steps[state.step]
    blocks = [
        section(
            f"*{escape(guide.name)}* · Step {state.step + 1} of {len(guide.steps)}\n"
            f"*{escape(step.title)}*\n{escape(step.do)}"
        )
    ]
    if step.phrase:
        blocks.append(section("*Say it like this:*\n" + quote(step.phrase)))
    if step.tips:
        tip = content.tip(step.tips[0])
        notes = [
            f":bulb: *{escape(tip.title)}.* {escape(tip.body)}",
            f"From _{escape(tip.source.title)}_",
        ]
        related = [escape(content.tip(t).title) for t in step.tips[1:]]
        if related:
            notes.append("Related tips: " + "; ".join(related))
        blocks.append(context(*notes))
    blocks += [_nav(state, guide), _tools(content, state, hold)]
    if hold is not None:
        since = labelled(hold.started_at, zone, "%H:%M:%S")
        due = labelled(hold.due_at, zone, "%H:%M:%S")
        blocks.append(
            context(
                f":hourglass_flowing_sand: Customer on hold since {since}. "
                f"I'll nudge you at {due} if you're not back."
            )
        )
    return blocks


def step_text(content: Content, state: GuideState) -> str:
    """The notification text for a step card."""
    guide = content.guide(state.guide)
    step = guide.steps[state.step]
    return escape(f"{guide.name}: step {state.step + 1} of {len(guide.steps)}, {step.title}")


def step_view(content: Content, state: GuideState, hold: HoldTimer | None, zone: Zone) -> Block:
    return guide_modal(content.guide(state.guide).name, step_blocks(content, state, hold, zone))


def guide_modal(title: str, blocks: list[Block]) -> Block:
    return modal(title, blocks, callback_id=GuideView.GUIDE)


def scenario_list(content: Content) -> str:
    general = content.general_guide
    lines = [f"• `{Command.DEESCALATE}` — *{escape(general.name)}*: {escape(general.summary)}"]
    lines += [
        f"• `{Command.DEESCALATE} {escape(example_word(content, guide))}` — "
        f"*{escape(guide.name)}*: {escape(guide.summary)}"
        for guide in content.scenarios
    ]
    return "\n".join(lines)


def _scenarios_blocks(content: Content, header: str) -> list[Block]:
    return [section(header), section(scenario_list(content)), actions(picker(content))]


LIST_TEXT = "The de-escalation guides: type one, or pick a scenario."


def list_blocks(content: Content) -> list[Block]:
    """The answer to `/deescalate help`."""
    return _scenarios_blocks(
        content, "*De-escalation guides.* Type one of these, or pick a scenario below:"
    )


def no_match_blocks(content: Content, text: str) -> list[Block]:
    asked = escape(clip(text.strip(), _ECHO_LIMIT))
    return _scenarios_blocks(
        content,
        f"I couldn't find a guide for “{asked}”. Type one of these, or pick a scenario below:",
    )


def no_match_text(text: str) -> str:
    # The notification text is mrkdwn too: unescaped, "<!channel>" would ping the channel.
    asked = escape(clip(text.strip(), _ECHO_LIMIT))
    return f"No guide matches “{asked}”. Pick one of the scenarios."


THANKS_TEXT = "Guide closed. Well done for staying calm on a hard call."


def thanks_blocks() -> list[Block]:
    return [
        section(
            ":raised_hands: *Thank you for working through it.* Staying calm on a hard call is "
            "a skill, and you just used it."
        ),
        context(f"Type `{Command.DEESCALATE}` any time to open the guide again."),
    ]


STALE_TEXT = "This guide has changed since the card was shown; type /deescalate to start again."


def stale_blocks() -> list[Block]:
    return [
        section(
            "This guide has changed since the card was shown. "
            f"Type `{Command.DEESCALATE}` to start again."
        )
    ]


def nudge_message(content: Content) -> dict[str, Any]:
    """The one-minute hold nudge, with the words to use when going back."""
    first, *others = return_phrases(content)
    blocks = [
        section(
            ":alarm_clock: *Your customer has been on hold for a minute.* "
            "Go back to them now, even if you are not done yet."
        ),
        section("*Say:*\n" + quote(first)),
    ]
    if others:
        blocks.append(
            context("If you need more time: " + " / ".join(f"“{escape(p)}”" for p in others))
        )
    text = f"Your customer has been on hold for a minute. Go back now and say: “{escape(first)}”"
    return {"text": text, "blocks": blocks}
