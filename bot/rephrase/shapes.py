"""Sentence shapes a blind reader rejected in offered rewrites, so the gate withholds them.

Each is a shape, not a draft: a needling "this time" kept in a reply, a clause left hanging
from a cut lead-in ("Which I'll now explain…"), a few verbless words turned into a question
("Been 10 mins?"), a refusal that names nothing ("We aren't able to do anything"), and a
reply that is only a pointer to a document ("The details are in the policy.").
"""

from __future__ import annotations

import re

from bot.content.segment import split_sentences

NEEDLES = "would still needle the customer"
HANGING = "is a clause cut from its sentence"
FRAGMENT_QUESTION = "is not a full question"
NAMES_NOTHING = "would refuse without saying what"
ONLY_POINTER = "would only point to a document"

_WORDS = re.compile(r"[^\W_]+(?:['\u2019][^\W\d_]+)?")
# "Hope that helps this time!", "Maybe read it properly for once.", "…yet again.": said to
# someone who is thought to have failed before. Kept sentences count too: the rewrite is
# offered as the bot's reply. ("Finally, restart the router." is a step, so no bare "finally".)
_NEEDLE = re.compile(
    r"\bthis time(?=\s*(?:[!?.,;)]|$))"
    r"|\b(?:for once|at long last|yet again|once again|once more)\b"
    r"|\b(?:finally|at last)\s*[!?]*\s*$"
    r"|\b(?:explain|say|tell|repeat|spell)\w* (?:\w+ )?again\b",
    re.IGNORECASE,
)
# A changed sentence that opens with a relative or subordinating word and never reaches a
# main clause: what is left of "As I explained, which I'll now explain…:" once the lead-in
# goes. ("Which day suits you?" asks; "Because of the strike, the train…" has a comma.)
_RELATIVE = re.compile(
    r"^\W*(?:which|whom|whose|whereby)\s+(?:I|we|you|they|he|she|it|is|are|was|were|means)\b"
    r"|^\W*(?:because|although|though|whereas|unless)\b(?![^,]*,)",
    re.IGNORECASE,
)
# A question must open like one: a question word or an auxiliary.
_ASKS = re.compile(
    r"^\W*(?:why|how|what|who|whom|whose|where|when|which|do|does|did|are|is|was|were|am|can"
    r"|could|would|will|won't|have|has|had|shall|should|may|might|must|any|anything|isn't"
    r"|aren't|don't|doesn't|didn't|can't|couldn't|wouldn't|haven't|hasn't)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"\b(?:I|we|you|they|he|she|it|this|that|there)\b", re.IGNORECASE)
SIGNATURE_WORDS = 2  # "Jo", "Karin, Support": a name line, not part of the reply's body
SHORT_QUESTION = 4  # words: "Been 10 mins?", "Policy number again?"
# "We aren't able to do anything", "I'm unable to do anything more": the refusal of
# nothing in particular, a brush-off even with a fact after it.
_NOTHING = re.compile(
    r"\b(?:(?:un)?able to|can(?:not|'t|\u2019t)?|could(?:n't|n\u2019t)?) do anything"
    r"(?:\s+(?:more|else|further|here|for you))?\s*(?:[,.;!]|$)"
    r"|\bnothing (?:more |else |further )?(?:I|we) can do\b",
    re.IGNORECASE,
)
# A sentence that only says where the information is.
_POINTER = re.compile(
    r"^\W*(?:(?:all )?the (?:full )?(?:details|information|answer|terms) (?:are|is) (?:all )?"
    r"(?:in|on)|you(?:['\u2019]ll| can| will)? find (?:all )?(?:the )?(?:full )?"
    r"(?:details|information|answer)s? (?:in|on))\b",
    re.IGNORECASE,
)
_GREETING_OR_THANKS = re.compile(
    r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|many thanks"
    r"|cheers|best|regards|kind regards|best regards|sincerely|if you have any other questions)"
    r"\b",
    re.IGNORECASE,
)


def sentence_problem(sentence: str, changed: bool) -> str | None:
    """Why one sentence of the rewrite is a shape the reader rejected, or None."""
    if _NEEDLE.search(sentence):
        return NEEDLES
    if not changed:
        return None
    if _RELATIVE.match(sentence):
        return HANGING
    if fragment_question(sentence):
        return FRAGMENT_QUESTION
    if _NOTHING.search(sentence):
        return NAMES_NOTHING
    return None


def fragment_question(sentence: str) -> bool:
    """A few words ending in "?" with no question word and no subject: "Been 10 mins?"."""
    words = _WORDS.findall(sentence)
    if not sentence.rstrip().endswith("?") or len(words) > SHORT_QUESTION:
        return False
    return not _ASKS.match(sentence) and not _SUBJECT.search(sentence)


def only_pointer(rewrite: str) -> bool:
    """Every sentence but a greeting, thanks, sign-off or name only points to a document."""
    body = [
        s
        for line in rewrite.splitlines()
        for s in split_sentences(line)
        if len(_WORDS.findall(s)) > SIGNATURE_WORDS and not _GREETING_OR_THANKS.match(s)
    ]
    return bool(body) and all(_POINTER.match(s) for s in body)
