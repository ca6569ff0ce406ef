"""The guide's buttons and scenario picker, on the ephemeral card and in the App Home modal.

On a card the reply replaces the card through the response_url; in the modal it updates the
view. Every button carries the state it leads to, so nothing is kept between clicks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.agent_time import agent_zone
from bot.guides.state import GuideState, decode, guide_or_none
from bot.services import Services
from handlers.blocks import Block
from handlers.calllog.slack_io import open_call_log_modal
from handlers.context import services_of
from handlers.guides.cards import (
    STALE_TEXT,
    THANKS_TEXT,
    guide_modal,
    stale_blocks,
    step_blocks,
    step_text,
    step_view,
    thanks_blocks,
)
from handlers.guides.handoff import call_prefill, form_note
from handlers.ids import GuideAction
from handlers.surfaces import in_modal

Show = Callable[[str, str, list[Block]], None]  # (modal title, notification text, blocks)

GUIDE_TITLE = "De-escalate"


def _shower(body: dict[str, Any], respond: Respond, client: WebClient) -> Show:
    """Replace whatever the guide is showing in: the modal, or the ephemeral card."""
    view = body.get("view")
    if in_modal(body) and view:

        def update_view(title: str, text: str, blocks: list[Block]) -> None:
            del text
            client.views_update(view_id=view["id"], view=guide_modal(title, blocks))

        return update_view

    def replace_card(title: str, text: str, blocks: list[Block]) -> None:
        del title
        respond(text=text, blocks=blocks, replace_original=True, response_type="ephemeral")

    return replace_card


def _show_state(show: Show, services: Services, user: str, state: GuideState | None) -> None:
    content = services.content
    if state is None:
        show(GUIDE_TITLE, STALE_TEXT, stale_blocks())
        return
    hold = services.hold_timers.get(user)
    show(
        content.guide(state.guide).name,
        step_text(content, state),
        step_blocks(
            content, state, hold, agent_zone(services.people, user, services.settings.zone)
        ),
    )


def _channel(body: dict[str, Any]) -> str | None:
    channel = body.get("channel") or {}
    return str(channel["id"]) if channel.get("id") else None


def guide_button(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
) -> None:
    """Next, Back, Start over, Customer on hold and Back with customer: the button's value is
    the step to show; the hold buttons also start or cancel the one-minute timer."""
    ack()
    services = services_of(context)
    user = body["user"]["id"]
    timers = services.hold_timers
    if action["action_id"] == GuideAction.HOLD:
        timers.start(user, _channel(body), services.clock.now())
    elif action["action_id"] == GuideAction.RESUME:
        timers.cancel(user)  # so no nudge comes
    state = decode(str(action.get("value", "")), services.content)
    _show_state(_shower(body, respond, client), services, user, state)


def pick_scenario(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: Respond,
    client: WebClient,
    context: BoltContext,
) -> None:
    ack()
    services = services_of(context)
    content = services.content
    picked = guide_or_none(content, str((action.get("selected_option") or {}).get("value", "")))
    # The card's state rides in the picker block's block_id (absent on the "no match" list).
    here = decode(str(action.get("block_id", "")), content)
    state = None
    if picked is not None:
        state = here.switch(picked.id) if here else GuideState.start(picked.id)
    _show_state(_shower(body, respond, client), services, body["user"]["id"], state)


def done(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    services = services_of(context)
    # The call is over, so a hold still running would only nudge for nothing.
    services.hold_timers.cancel(body["user"]["id"])
    _shower(body, respond, client)(GUIDE_TITLE, THANKS_TEXT, thanks_blocks())


def log_this_call(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    client: WebClient,
    context: BoltContext,
) -> None:
    """The hand-off to the call log: its form, prefilled with the guide and the steps walked."""
    ack()
    services = services_of(context)
    content = services.content
    # Logging means the call is over, so a hold still running would only nudge for nothing.
    services.hold_timers.cancel(body["user"]["id"])
    state = decode(str(action.get("value", "")), content)
    open_call_log_modal(
        client,
        body["trigger_id"],
        content,
        call_prefill(content, state),
        response_url=body.get("response_url"),
        note=form_note(content, state),
        over_modal=in_modal(body),
    )


def open_from_home(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    services = services_of(context)
    state = GuideState.start(services.content.general_guide.id)
    hold = services.hold_timers.get(body["user"]["id"])
    client.views_open(
        trigger_id=body["trigger_id"],
        view=step_view(
            services.content,
            state,
            hold,
            agent_zone(services.people, body["user"]["id"], services.settings.zone),
        ),
    )


def register(app: App) -> None:
    for action_id in (
        GuideAction.NEXT,
        GuideAction.BACK,
        GuideAction.START_OVER,
        GuideAction.HOLD,
        GuideAction.RESUME,
    ):
        app.action(action_id)(guide_button)
    app.action(GuideAction.PICK)(pick_scenario)
    app.action(GuideAction.LOG)(log_this_call)
    app.action(GuideAction.DONE)(done)
    app.action(GuideAction.OPEN)(open_from_home)
