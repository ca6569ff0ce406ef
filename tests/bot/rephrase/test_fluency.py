"""Each fluency check on its own: a seam it must catch, and the draft's own text it leaves."""

from __future__ import annotations

import pytest

from bot.rephrase.fluency import CHECKS, failed_checks

FAILS = [
    ("doubled-word", "It'll will ship when it ships.", "It'll ship when it ships."),
    ("doubled-word", "Your your request is open.", "Your request is open."),
    ("dangling-word", "I'm finding another way to.", "The system won't let me."),
    ("fragment", "If someone took it from your porch.", "It's not our problem if someone took it."),
    ("empty-clause", "As the email explained,.", "If you had read the email you would know."),
    ("stray-punctuation", "It shipped , today.", "It shipped today."),
    ("stray-punctuation", "Sorry?. It shipped.", "Sorry? It shipped."),
    ("capitalisation", "it shipped today.", "Obviously it shipped today."),
    ("unbalanced-quotes", 'You said "cancel it.', 'You said "cancel it" twice.'),
    ("no-verb", "About the roaming charges.", "You're wrong about the roaming charges."),
    ("no-verb", "Mr. Haddad.", "Please calm down, Mr. Haddad."),
    ("no-verb", "The details in the email.", "It's all in the email, read it."),
    ("no-verb", "Your new address details.", "Obviously you forgot your new address details."),
    ("no-verb", "It leaves at 18:10. The next one at six.", "It leaves at 18:10, obviously."),
    ("able-passive", "We're not able to be blamed for it.", "We can't be blamed for it."),
    ("tense-clash", "Next time, it may help to have kept it.", "You should have kept it."),
]


@pytest.mark.parametrize(("name", "sentence", "draft"), FAILS)
def test_each_check_catches_a_broken_seam(name: str, sentence: str, draft: str) -> None:
    assert name in [c.name for c in failed_checks(sentence, draft)]


@pytest.mark.parametrize(
    ("sentence", "draft"),
    [
        ("It shipped today.", "Obviously it shipped today."),
        ("Ask the garage.", "That's not my problem, ask the garage."),
        ("Hi Dana, it renews on 1 March.", "Hi Dana, as I said, it renews on 1 March."),
        ("I can hear how frustrating this is.", "Calm down."),
        ("that  is what we do , sadly", "that  is what we do , sadly"),  # the agent's own
        ("The shop closes at 6.", "As I already explained, the shop closes at 6."),
        ("The hotel shuttle leaves every 30 min.", "Per my last message, the hotel shuttle…"),
        ("The T&Cs state no price matching.", "The T&Cs clearly state no price matching."),
        ("1. Go to Settings.", "1. Go to Settings, obviously."),  # the number hides no verb
        ("2) Paste the new code.", "2) Just paste the new code."),
    ],
)
def test_clean_sentences_pass(sentence: str, draft: str) -> None:
    assert failed_checks(sentence, draft) == []


def test_every_check_is_tested() -> None:
    assert {c.name for c in CHECKS} == {name for name, _, _ in FAILS}
