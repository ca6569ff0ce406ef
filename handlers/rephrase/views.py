"""The /rephrase modal's submission.

The submission is acknowledged at once with a "Checking your draft…" view, then the result
replaces it through views.update (the pattern Netflix's Dispatch uses). The analysis itself
takes milliseconds, but this keeps the acknowledgement well inside Slack's 3 seconds however
busy the thread pool is, and sends the result through the Web API, where its size is checked.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from handlers.ids import RephraseAction, RephraseBlock, RephraseView
from handlers.rephrase.answer import answer_for, problem
from handlers.rephrase.blocks import checking_view, result_view


def submit_draft(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    field = view["state"]["values"].get(RephraseBlock.DRAFT, {})
    draft = (field.get(RephraseAction.DRAFT_INPUT) or {}).get("value") or ""
    refusal = problem(draft)
    if refusal is not None:
        ack(response_action="errors", errors={RephraseBlock.DRAFT: refusal})
        return
    ack(response_action="update", view=checking_view())
    answer = answer_for(context, draft, body["user"]["id"])
    client.views_update(view_id=view["id"], view=result_view(answer.blocks or []))


def register(app: App) -> None:
    app.view(RephraseView.DRAFT)(submit_draft)
