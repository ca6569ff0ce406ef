from __future__ import annotations

from bot.content import Source, Tip, load_content
from handlers.block_limits import message_problems
from handlers.console.fakeslack.render import render_message
from handlers.tips.blocks import NOTIFICATION_LIMIT, notification_text, tip_message

SOURCE = Source("000_a.txt", "An <article> & more")


def test_every_tip_makes_a_valid_post() -> None:
    for tip in load_content(None).tips:
        body = tip_message(tip)
        assert message_problems(body["blocks"], body["text"]) == []
        assert len(body["text"]) <= NOTIFICATION_LIMIT + 20  # escaping may lengthen it a bit


def test_the_post_shows_title_body_wording_source_and_buttons() -> None:
    tip = Tip("t", "Say sorry", "Apologise <first>.", "I'm sorry.", ("apology",), SOURCE)
    shown = render_message(**{k: v for k, v in tip_message(tip).items() if k == "blocks"}).text
    assert "== 💡 Say sorry ==" in shown
    assert "Apologise <first>." in shown and ">I'm sorry." in shown
    assert "From _An <article> & more_" in shown
    assert "[1] Helpful" in shown and "[2] Another tip" in shown


def test_the_notification_leads_with_the_point_and_is_clipped_at_a_word() -> None:
    tip = Tip("t", "Listen", "word " * 80, None, (), SOURCE)
    text = notification_text(tip)
    assert text.startswith("Service tip: Listen — word")
    assert text.endswith("word…") and len(text) <= NOTIFICATION_LIMIT
