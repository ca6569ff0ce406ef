"""Nudges read the draft in lower case (faster than case-insensitive patterns): whatever the
case a draft is typed in, it gets the same nudges."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.rephrase.nudges import has_way_forward, nudges

_WORDS = [
    "Thanks", "sorry", "I", "can't", "refund", "but", "we", "can", "offer", "a", "voucher",
    "tomorrow", "at", "3", "pm", "I'll", "check", "Hi", "Sam,", "delayed", "order", "is",
    "not", "possible", "instead", "I", "understand", "lost", "parcel", ".", "!!", "Dear",
    "escalated", "within", "2", "days", "appreciate", "unable", "to", "help", "What", "I",
]  # fmt: skip
drafts = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=80).map(" ".join)


@given(draft=drafts, customer=st.one_of(st.none(), drafts))
def test_the_case_a_draft_is_typed_in_changes_no_nudge(draft: str, customer: str | None) -> None:
    shout = customer.upper() if customer else customer
    assert nudges(draft, customer) == nudges(draft.swapcase(), shout)


def test_a_way_forward_is_found_in_any_case() -> None:
    assert has_way_forward("We can't refund it, BUT WE CAN offer a voucher.")
    assert not has_way_forward("We can't refund it.")


def test_patterns_with_capitals_in_them_still_match() -> None:
    # "I understand", "I'll send", "Hi Sam": written with capitals, read in lower case
    understood = "Your parcel was lost. I understand how frustrating this is."
    assert "apology" not in [n.kind for n in nudges(understood, None)]
    assert "apology" in [n.kind for n in nudges("Your parcel was lost.", None)]
    long_reply = "Hi Sam, " + "your order is on its way to the depot and then to you. " * 5
    assert "name" not in [n.kind for n in nudges(long_reply, None)]
    assert "name" in [n.kind for n in nudges(long_reply[8:], None)]
