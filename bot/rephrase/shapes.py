"""Sentence shapes a blind reader rejected in offered rewrites, so the gate withholds them.

Each is a shape, not a draft: a needling "this time" kept in a reply, a clause left hanging
from a cut lead-in ("Which I'll now explain…"), a few verbless words turned into a question
("Been 10 mins?"), a refusal that names nothing ("We aren't able to do anything"), and a
reply that is only a pointer to a document ("The details are in the policy.").
"""

from __future__ import annotations

import re

from bot.content.segment import split_sentences
from bot.rephrase.fluency import has_verb

NEEDLES = "would still needle the customer"
HANGING = "is a clause cut from its sentence"
FRAGMENT_QUESTION = "is not a full question"
NAMES_NOTHING = "would refuse without saying what"
ONLY_POINTER = "would only point to a document"
MINIMISES = "would still make it sound simple"
RUN_ON = "would run two sentences together"
UNASKED = "asks a question but ends in a full stop"
SEAM = "would open a clause with a conjunction after its lead-in"
WEEKDAY = "has a weekday in lower case"
STILTED = "would read as stilted"
BARE_NO = "would open with a bare “No.”"

# A word as the gate counts them: letters or digits, with an inner apostrophe ("don't").
WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W\d_]+)?")
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


# Added by rewrite7 after an independent reading (which included test-split rows).
# A recast of "It's really simple: X" that keeps the belittling in other words.
_MINIMISING = re.compile(
    r"\b(?:it|this|that)(?:['\u2019]s| is) (?:just |only |all )?"
    r"(?:a (?:few|couple of) (?:quick |simple |easy )?steps|takes (?:just |only )?a few steps)\b"
    r"|\btakes (?:just |only )?(?:a )?(?:few|couple of) (?:quick |simple |easy )?steps\b",
    re.IGNORECASE,
)
# After a comma, a second clause that is a command ("…, don't worry about it."), a question
# ("…, what's your account number.") or "there's/it's/that's …": two sentences, one comma.
_SPLICED_TAIL = re.compile(
    r"(?<=\w), (?:don['\u2019]t|do not|never|just|make sure|feel free|go ahead|note that"
    r"|remember|let (?:me|us)|(?:what|where|when|who|how|why)(?:['\u2019]s|\s(?:is|are|was"
    r"|were|do|does|did|can|could|would|will|should))|(?:there|it|that)(?:['\u2019]s|\sis)"
    # a noun group and its verb: "…, the usage is on the back." (rewrite review, dev)
    r"|(?:the|a|an|your|our|my|these|those)\s+(?:\w+\s+){0,2}?(?:is|are|was|were|has|have"
    r"|will|won['\u2019]t|isn['\u2019]t|aren['\u2019]t|wasn['\u2019]t))\b",
    re.IGNORECASE,
)
JOINED = re.compile(r"\b(?:and|but|so|or)\s*$", re.IGNORECASE)
_JOINS = re.compile(r"^\W*(?:and|but|so|or)\b", re.IGNORECASE)
_CLAUSE_WORDS = 3  # words before the comma: "Sorry, it's…" has no clause of its own
# A subordinate clause or fronted phrase before the comma is no sentence of its own: "If you
# have any other questions, just reply here." (the warm frame's own close).
LEADS_IN = re.compile(
    r"^\W*(?:if|when|whenever|because|as|since|although|though|while|once|after|before|until"
    r"|unless|whether|even if|so that|now that|where|to|in|on|at|for|with|without|by|from|per"
    r"|according to|given|due to|thanks to|following|during|despite|like)\b",
    re.IGNORECASE,
)
_OPENS_QUESTION = re.compile(
    r"^\W*(?:(?:what|where|when|who|why|how)(?:['\u2019]s|\s(?:is|are|was|were|do|does|did"
    r"|can|could|would|will|should))|(?:do|does|did|can|could|would|will|is|are)\s"
    r"(?:you|we|I|it|they)\b)",
    re.IGNORECASE,
)
# "To recap, and as noted, …": a lead-in of a few words, then a clause opening on a
# conjunction, the seam a cut or replaced lead-in leaves. ("Sorry, but…" is a whole phrase.)
_SEAM = re.compile(r"^\W*([^,]{1,40}),\s+(?:and|but|so|or|which)\b", re.IGNORECASE)
_SEAM_OK = re.compile(
    r"^(?:yes|no|sorry|ok|okay|sure|well|thanks|thank you|of course|unfortunately|right)$",
    re.IGNORECASE,
)
SEAM_LEAD_WORDS = 4
# Weekday names in lower case ("comes tuesday"): not sendable, and they may be protected
# literals, so the gate withholds rather than re-case them.
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
# The template "cannot be" -> "not able to be": "We're not able to be responsible for…".
_STILTED = re.compile(r"\b(?:not|un)\s*able to be\b", re.IGNORECASE)
# "No." alone, or before the next sentence (the splitter reads "No. The" as the number sign).
_BARE_NO = re.compile(r"^\W*[Nn]o\s*(?:[.!]+\s*$|[.!]+\s+(?=[A-Z][a-z]))")


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
    return _fluency_problem(sentence)


def _fluency_problem(sentence: str) -> str | None:
    """Shapes of a changed sentence the independent reader found stilted or run on."""
    if _MINIMISING.search(sentence):
        return MINIMISES
    if spliced_tail(sentence):
        return RUN_ON
    if unasked(sentence):
        return UNASKED
    if seam_after_lead_in(sentence):
        return SEAM
    if _WEEKDAY.search(sentence):
        return WEEKDAY
    if _STILTED.search(sentence):
        return STILTED
    return None


def spliced_tail(sentence: str) -> bool:
    """A clause of its own, a comma, then a command, a question or "it's …"."""
    for m in _SPLICED_TAIL.finditer(sentence):
        clause = sentence[: m.start()].split(";")[-1]
        if LEADS_IN.match(clause) and "," in clause:
            # a lead-in ("To recap, …") excuses only itself: "To recap, sizes are on the label,
            # but I can read them out, that's fine." still runs on (rewrite8)
            clause = clause.split(",", 1)[1]
            if not has_verb(clause):
                continue  # "In short, but only for now, it's shut.": no clause before it
        if LEADS_IN.match(clause) or JOINED.search(clause) or _JOINS.match(clause):
            continue  # "…, and as noted above, the fee is £20.": a parenthesis, no clause
        if len(WORD.findall(clause)) >= _CLAUSE_WORDS:
            return True
    return False


def seam_after_lead_in(sentence: str) -> bool:
    """A lead-in of a few words ("To recap,") then a clause opening on a conjunction."""
    seam = _SEAM.match(sentence)
    if seam is None or _SEAM_OK.match(seam.group(1).strip()):
        return False
    return len(WORD.findall(seam.group(1))) <= SEAM_LEAD_WORDS


def unasked(sentence: str) -> bool:
    """A sentence whose last clause opens like a question but which ends in "."."""
    if not sentence.rstrip().endswith("."):
        return False
    return bool(_OPENS_QUESTION.match(re.split(r"[,;:]\s+", sentence)[-1]))


def bare_no_opening(rewrite: str, draft: str) -> bool:
    """A rewritten reply whose first sentence after any greeting is a bare "No."."""
    for line in rewrite.splitlines():
        for s in split_sentences(line):
            if _GREETING_OR_THANKS.match(s) and len(WORD.findall(s)) <= SHORT_QUESTION:
                continue
            return bool(_BARE_NO.match(s)) and rewrite.strip() != draft.strip()
    return False


def fragment_question(sentence: str) -> bool:
    """A few words ending in "?" with no question word and no subject: "Been 10 mins?"."""
    words = WORD.findall(sentence)
    if not sentence.rstrip().endswith("?") or len(words) > SHORT_QUESTION:
        return False
    return not _ASKS.match(sentence) and not _SUBJECT.search(sentence)


def only_pointer(rewrite: str) -> bool:
    """Every sentence but a greeting, thanks, sign-off or name only points to a document."""
    body = [
        s
        for line in rewrite.splitlines()
        for s in split_sentences(line)
        if len(WORD.findall(s)) > SIGNATURE_WORDS and not _GREETING_OR_THANKS.match(s)
    ]
    return bool(body) and all(_POINTER.match(s) for s in body)
