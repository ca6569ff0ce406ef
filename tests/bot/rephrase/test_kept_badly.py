"""Whole-rewrite checks after every sentence passed: content kept, nothing said twice, no
sarcastic frame, no word left in capitals, no bare refusal or command. Own example sentences,
none from the corpus."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rephrase import Engine, dropped, frame, sendable, withheld


def _calm(sentence: str) -> sendable.Tone:
    return 0.0, ""


@pytest.mark.parametrize(
    ("draft", "rewrite"),
    [
        ("Policy is policy, tough luck.", "I'm sorry."),
        ("Calm down, sir.", "I can hear how frustrating this is."),
        ("Whatever, deal with it.", "Thanks for getting in touch."),
    ],
)
def test_a_rewrite_of_only_the_bots_own_words_keeps_nothing(draft: str, rewrite: str) -> None:
    assert not dropped.keeps_some(draft, rewrite)
    assert "keeps nothing" in (withheld.kept_badly(draft, rewrite, []) or "")


@pytest.mark.parametrize(
    ("draft", "rewrite"),
    [
        ("Obviously the hotel has a pool.", "The hotel has a pool."),
        ("Nothing I can do, mate.", "I'm not able to do anything."),  # the refusal is kept
        ("I'll check it, stop calling.", "I'll check it."),  # the commitment is kept
    ],
)
def test_a_rewrite_that_keeps_a_fact_refusal_or_commitment_says_something(
    draft: str, rewrite: str
) -> None:
    assert dropped.keeps_some(draft, rewrite)


def test_the_same_thing_said_twice_is_withheld() -> None:
    draft = "You ignored the manual. Its page 4 covers pairing. Read it."
    twice = "The details are in the manual. Its page 4 covers pairing. It has the details."
    assert dropped.repeated(draft, twice) == "It has the details."
    draft = "Your seat is booked.\n\nLike I said twice, your seat is booked, check your email."
    again = "Your seat is booked.\n\nTo recap, your seat is booked. Check your email."
    assert dropped.repeated(draft, again) is not None
    once = "The details are in the manual. Its page 4 covers pairing."
    assert dropped.repeated(draft, once) is None


def test_the_agents_own_repetition_is_not_the_rewrites() -> None:
    draft = "The fee is $5. The fee is $5, sorry."
    assert dropped.repeated(draft, "The fee is $5. The fee is $5, sorry.") is None


def test_scare_quotes_around_the_customers_word_are_never_kept() -> None:
    draft = 'Hi Ann, the "broken" kettle you sent back boils fine. Apparently it was unplugged.'
    kept = 'Hi Ann, the "broken" kettle you sent back boils fine. It was unplugged.'
    assert "scare quotes" in (withheld.kept_badly(draft, kept, []) or "")
    curly = "Your \u2018urgent\u2019 ticket was about a typo, sigh."
    assert "scare quotes" in (
        withheld.kept_badly(curly, "Your \u2018urgent\u2019 ticket was about a typo.", []) or ""
    )
    # a label to click, capitalised, is no scare quote
    label = 'Open the "Billing" tab, obviously.'
    assert withheld.kept_badly(label, 'Open the "Billing" tab.', []) is None


def test_the_agents_own_scare_quotes_are_never_kept_whatever_the_finding() -> None:
    """rewrite8: one or two lower-case words in quotes, after a verb or a pronoun too."""
    draft = 'As I said, I\'ll "escalate" it. The refund takes 5 days.'
    kept = 'I\'ll "escalate" it. The refund takes 5 days.'
    assert "scare quotes" in (withheld.kept_badly(draft, kept, []) or "")
    draft = "As I said before, I'll 'escalate' it. The refund takes 5 days."
    kept = "To recap, I'll 'escalate' it. The refund takes 5 days."
    assert "scare quotes" in (withheld.kept_badly(draft, kept, []) or "")
    assert withheld.scare_words("It's the customers' fault, isn't it? We're 'fine'.") == ["'fine'"]
    draft = "I \u201cchecked\u201d the logs, sigh. Nothing failed."
    kept = "I \u201cchecked\u201d the logs. Nothing failed."
    assert "scare quotes" in (withheld.kept_badly(draft, kept, []) or "")
    # what the customer is told to click, type or look for is a label
    for label in [
        'Click "save changes", obviously.',
        'Type "yes" in the box, obviously.',
        'Open the "billing" tab, obviously.',
        'The status reads "pending", obviously.',
    ]:
        assert withheld.scare_words(label) == []


def test_a_sarcastic_sentence_kept_nearly_whole_is_withheld() -> None:
    sarcastic = [("Oh wonderful, the kettle you returned boils water perfectly.", True)]
    draft = sarcastic[0][0]
    rewrite = "The kettle you returned boils water perfectly."
    assert "unkind" in (withheld.kept_badly(draft, rewrite, sarcastic) or "")
    # a clause the model marks unkind, one word dropped, is still the clause it read
    clause = [("Apparently it only needed charging", False)]
    draft = "Apparently it only needed charging. It is on its way back."
    rewrite = "It only needed charging. It is on its way back."
    assert withheld.kept_badly(draft, rewrite, clause) is not None
    # the lead-in gone, the fact kept: more than one word of the clause went
    clause = [("already told you, the room is cleaned daily", False)]
    draft = "As I already told you, the room is cleaned daily."
    assert withheld.kept_badly(draft, "To recap, the room is cleaned daily.", clause) is None


def test_a_word_in_capitals_kept_in_any_sentence_still_shouts() -> None:
    draft = "Your plan EXPIRED. That's why the app is locked!!!"
    kept = "Your plan EXPIRED. That's why the app is locked."
    assert "shout" in (sendable.problem(draft, kept, _calm) or "")
    calmed = "Your plan expired. That's why the app is locked."
    assert sendable.problem(draft, calmed, _calm) is None
    # known acronyms stay as typed, even in a draft that shouts
    sim = "The SIM card is in the post."
    assert sendable.problem("The SIM card is IN THE POST!!!", sim, _calm) is None


def test_a_stressed_word_of_repetition_calmed_to_lower_case_still_complains() -> None:
    """rewrite8: "EVERY MONTH", "ALREADY" in lower case still say "as you should know"."""
    draft = "We charge you EVERY MONTH!!! The fee is $10."
    assert "stress" in (
        sendable.problem(draft, "We charge you every month. The fee is $10.", _calm) or ""
    )
    draft = "The SIM card is ALREADY IN THE POST!!!"
    assert "stress" in (
        sendable.problem(draft, "The SIM card is already in the post.", _calm) or ""
    )
    # the stress of a warning is kept: "BEFORE" is no repetition
    draft = "DON'T START ANY REPAIRS BEFORE THE ADJUSTER HAS BEEN."
    calm = "Don't start any repairs before the adjuster has been."
    assert sendable.problem(draft, calm, _calm) is None
    # a word of the same kind the draft did not shout is the agent's own
    assert (
        sendable.problem(
            "It renews every year ON 1 MARCH!!!", "It renews every year on 1 March.", _calm
        )
        is None
    )


def test_a_hyphenated_word_in_capitals_still_shouts() -> None:
    draft = "THE OUTAGE IS COUNTY-WIDE!!!"
    assert "shout" in (sendable.problem(draft, "The outage is COUNTY-WIDE.", _calm) or "")
    assert sendable.problem(draft, "The outage is county-wide.", _calm) is None


@pytest.mark.parametrize("text", ["I'm not able to do anything.", "No.", "Nothing more I can do."])
def test_a_refusal_that_names_nothing_is_curt_framed_or_not(text: str) -> None:
    assert frame.empty_refusal(text)


@pytest.mark.parametrize("text", ["The fare is non-refundable.", "We can't refund the deposit."])
def test_a_refusal_that_names_what_is_refused_may_be_framed(text: str) -> None:
    assert not frame.empty_refusal(text) and frame.bare(text)


@pytest.mark.parametrize("text", ["Restart the router.", "Clear your cache.", "Come in."])
def test_one_bare_command_is_curt(text: str) -> None:
    assert frame.command(text)


@pytest.mark.parametrize(
    "text",
    [
        "Late work loses 10%.",
        "Passport first, then boarding pass.",
        "Please restart the router.",
        "Restart the router. It takes a minute and clears most faults.",
    ],
)
def test_a_fact_a_list_or_a_request_is_no_bare_command(text: str) -> None:
    assert not frame.command(text)


@pytest.mark.parametrize(
    "draft",
    [
        "Fees are fees, sorry not sorry.",
        "For the last time, reset your password.",
        "Honestly there's nothing I can do, mate.",
        "Your warranty EXPIRED. That's why the repair is charged!!!",
        'Apparently the "faulty" kettle you returned boils water perfectly. No refund is due.',
    ],
)
def test_these_drafts_get_no_rewrite(engine: Engine, draft: str) -> None:
    analysis = engine.analyse(draft)
    assert not analysis.offered, analysis.rewrite
    assert analysis.rewrite_reason


@pytest.mark.parametrize(
    "text",
    [
        "Hi Dana, reinstall the app and log in again with your new password.",
        "Unplug the charger and wait an hour.",
        "Thanks! Update the firmware from the settings page.",
    ],
)
def test_one_bare_command_is_curt_with_its_details_or_after_a_greeting(text: str) -> None:
    assert frame.command(text)


@pytest.mark.parametrize(
    "text",
    [
        "That's correct.",
        "Hi Omar, it's final.",
        "Already in the post.",
        "Tuesday at the earliest.",
        "Eleven in the evening.",
    ],
)
def test_one_clipped_line_is_curt_framed_or_not(text: str) -> None:
    assert frame.clipped(text)


@pytest.mark.parametrize(
    "text",
    [
        "The shop opens at nine on Sundays.",
        "Receipt first, then the refund form.",  # a list of steps is an answer
        "Your order ships on Monday.",
        "Check out is at 11AM.",
        "It arrives tomorrow.",  # short, but a fact with a verb of its own
        "Late fees double after 30 days.",
    ],
)
def test_a_full_sentence_or_a_list_is_no_clipped_line(text: str) -> None:
    assert not frame.clipped(text)


def test_a_changed_sentence_clipped_to_a_phrase_or_a_verdict_is_withheld() -> None:
    draft = "your train leaves at 07:45 NOT 19:45!!! QUARTER TO EIGHT IN THE MORNING!!!"
    rewrite = "Your train leaves at 07:45 not 19:45. Quarter to eight in the morning."
    assert "not a full sentence" in (withheld.kept_badly(draft, rewrite, []) or "")
    draft = "We read your meter on Monday. Frankly, it's correct, end of story."
    verdict = "We read your meter on Monday. It's correct."
    assert "not a full sentence" in (withheld.kept_badly(draft, verdict, []) or "")
    kept = "Your train leaves at 07:45, not 19:45."
    assert withheld.kept_badly("your train leaves at 07:45, NOT 19:45!!!", kept, []) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "My earlier reply has the details.",
        "The answer is in my previous email.",
        "Everything you need is in our last message.",
        "The details are in the email I sent.",
    ],
)
def test_a_reply_that_points_back_to_our_earlier_message_is_withheld(sentence: str) -> None:
    draft = "Read my earlier reply properly. The booking is confirmed."
    rewrite = f"{sentence} The booking is confirmed."
    assert withheld.points_back(sentence)
    assert "an earlier message" in (withheld.kept_badly(draft, rewrite, []) or "")


@pytest.mark.parametrize(
    "sentence",
    [
        "As my last email mentions, the fee is $12.",
        "The details are in the user guide.",
        "The reset link is in the email we sent at 10:02.",
    ],
)
def test_a_pointer_that_gives_the_answer_or_a_source_is_kept(sentence: str) -> None:
    assert not withheld.points_back(sentence)


@pytest.mark.parametrize("sentence", ["You had two.", "You were told.", "You are not."])
def test_three_words_about_the_customer_read_as_a_verdict(sentence: str) -> None:
    draft = "Rules are rules. The limit is three bags."
    why = sendable.problem(draft, f"The limit is three bags. {sentence}", _calm)
    assert why is not None and "verdict" in why
    assert sendable.problem(draft, "The limit is three bags. You're welcome.", _calm) is None


def test_a_comma_splice_in_a_changed_sentence_is_refused_even_where_the_agent_wrote_it() -> None:
    draft = "Clearly the courier collected the box on Friday, that's life."
    tagged = "The courier collected the box on Friday, that's life."
    assert sendable.problem(draft, tagged, _calm) == f"“{tagged[:47]}…” {sendable.SPLICED}"
    draft = "Clearly the courier collected the box on Friday, it is with the depot now."
    clause = "The courier collected the box on Friday, it is with the depot now."
    assert sendable.problem(draft, clause, _calm) == f"“{clause[:47]}…” {sendable.SPLICED}"


@pytest.mark.parametrize(
    ("draft", "rewrite"),
    [
        (
            "The engineer is qualified to open the boiler. You are not.",
            "The engineer is qualified to open the boiler.",
        ),
        (
            "Our warehouse team checks every label. You don't.",
            "Our warehouse team checks every label.",
        ),
        (
            "Most people read the terms. You clearly didn't. They didn't either.",
            "Most people read the terms.",
        ),
    ],
)
def test_cutting_the_half_of_a_contrast_leaves_the_other_half_drawing_it(
    draft: str, rewrite: str
) -> None:
    assert "contrast" in (withheld.kept_badly(draft, rewrite, []) or "")


def test_a_negative_with_its_own_words_is_no_half_contrast() -> None:
    assert not withheld.elliptical("You are not alone in this.")
    assert not withheld.elliptical("You don't need to do anything.")
    assert withheld.elliptical("You aren't.")


_SIMPLE_LEADS = ["It's really simple: ", "it is quite easy - ", "Let me spell it out for you: "]
_TRUISMS = ["the app needs wifi to sync", "money goes out and the balance goes down"]
_ANSWERS = ["the plan renews on the 5th", "returns close after 30 days"]


@given(lead=st.sampled_from(_SIMPLE_LEADS), rest=st.sampled_from(_TRUISMS))
def test_a_truism_kept_without_its_simple_lead_in_still_explains_the_obvious(
    lead: str, rest: str
) -> None:
    draft = f"Hi Sam, {lead[0].lower()}{lead[1:]}{rest}."
    found = withheld.kept_badly(draft, f"Hi Sam, {rest}.", [])
    assert "explain the obvious" in (found or "")


@given(lead=st.sampled_from(_SIMPLE_LEADS), rest=st.sampled_from(_ANSWERS))
def test_a_figure_after_the_lead_in_is_an_answer(lead: str, rest: str) -> None:
    draft = f"{lead}{rest}."
    assert withheld.kept_badly(draft, f"{rest[0].upper()}{rest[1:]}.", []) is None
