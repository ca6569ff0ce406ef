"""The call-log form submitted: check it (errors show on the fields), then record or edit."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.calllog.service import CallLogError, Logged
from handlers.calllog.form import check, needs_follow_up_field, read_form
from handlers.calllog.modal import FormMeta, call_log_modal, step_options
from handlers.calllog.slack_io import confirm, refusal_text, team_of, tell, zone_for
from handlers.context import services_of
from handlers.delivery import Where
from handlers.ids import CallLogView


def submit_call(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    services = services_of(context)
    content = services.content
    meta = FormMeta.load(view.get("private_metadata", ""))
    form = read_form(view)
    if needs_follow_up_field(form):
        ack(
            response_action="update",
            view=call_log_modal(
                content,
                form.prefill(),
                meta=meta,
                note="You promised a callback: say by when, and I'll remind you.",
            ),
        )
        return
    calls = services.calls
    editing = calls.log.get(meta.call_id) if meta.call_id else None
    step_ids = {value for _, options in step_options(content) for _, value in options}
    result = check(
        form,
        categories=content.categories,
        step_ids=step_ids,
        now=services.clock.now(),
        promised=editing.follow_up_due if editing else None,
    )
    if isinstance(result, dict):
        ack(response_action="errors", errors=result)
        return
    ack()
    user = body["user"]["id"]
    where = Where(user, response_url=meta.response_url)
    try:
        if meta.call_id is None:
            logged = calls.log_once(team_of(body), user, result)
            masked = logged.record.masked_kinds
        else:
            edited = calls.edit(meta.call_id, user, result)
            logged, masked = Logged(edited.record), edited.masked
    except CallLogError as refused:
        tell(client, where, {"text": refusal_text(refused)})
        return
    now = services.clock.now()
    confirm(
        client,
        where,
        logged,
        now,
        zone_for(services, user),
        masked=masked,
        edited=meta.call_id is not None,
    )


def register(app: App) -> None:
    app.view(CallLogView.LOG)(submit_call)
