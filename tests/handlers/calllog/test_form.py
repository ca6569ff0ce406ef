from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from bot.content import Content, load_content
from bot.content.models import Guide, GuideStep
from handlers.block_limits import view_problems
from handlers.calllog.form import check, read_form
from handlers.calllog.modal import CallPrefill, FormMeta, call_log_modal, step_options

NOW = datetime(2026, 11, 30, 14, tzinfo=UTC)


def many_guides(content: Content) -> Content:
    steps = tuple(GuideStep(f"Step {n}", "do it", None, ()) for n in range(1, 31))
    extra = tuple(Guide(f"extra-{g}", "scenario", f"Extra {g}", "s", (), steps) for g in range(5))
    return replace(content, guides=(*content.guides, *extra))


def test_the_steps_menu_stays_within_100_options_grouped_by_guide() -> None:
    content = many_guides(load_content(None))
    groups = step_options(content)
    assert sum(len(options) for _, options in groups) == 100
    assert groups[0][0] == content.general_guide.name
    assert groups[0][1][0] == (f"1. {content.general_guide.steps[0].title}", "general:1")
    view = call_log_modal(content, CallPrefill(steps=("general:2", "nope:1")))
    assert view_problems(view) == []
    steps = next(b for b in view["blocks"] if b["block_id"] == "steps")
    assert [o["value"] for o in steps["element"]["initial_options"]] == ["general:2"]


def test_the_form_reads_back_what_it_was_prefilled_with() -> None:
    content = load_content(None)
    due = NOW + timedelta(days=1)
    prefill = CallPrefill(
        category="shipping",
        heat=2,
        outcome="callback promised",
        notes="late parcel",
        reference="ORD-1",
        steps=("general:1",),
        contact="email",
        follow_up=due,
    )
    view = call_log_modal(content, prefill, meta=FormMeta(call_id="7", response_url="u"))
    assert view["title"]["text"] == "Edit call #7"
    assert FormMeta.load(view["private_metadata"]) == FormMeta("7", "u")
    form = read_form(view)
    assert form.prefill() == prefill
    step_ids = {v for _, options in step_options(content) for _, v in options}
    given = check(form, categories=content.categories, step_ids=step_ids, now=NOW)
    assert not isinstance(given, dict)
    assert given.follow_up_due == due and given.contact == "email"
    # An edit may keep a promised time that has since passed, but not set a new past one.
    later = NOW + timedelta(days=2)
    kept = check(form, categories=content.categories, step_ids=step_ids, now=later, promised=due)
    assert not isinstance(kept, dict)
    moved = check(form, categories=content.categories, step_ids=step_ids, now=later)
    assert isinstance(moved, dict) and "follow_up" in moved
