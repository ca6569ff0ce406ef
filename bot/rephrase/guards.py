"""Meaning guards: a rewrite may change the tone of a draft, never what it says.

Each guard is a named rule comparing the draft with a candidate rewrite and returning a
one-line reason when the rewrite changed the meaning. A rewrite that breaks any guard is
never offered. The cues lean wide on purpose: a false alarm only withholds a rewrite.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

_I = re.IGNORECASE
_N = r"(?:n't|n’t| not)"

REFUSAL = re.compile(
    rf"\b(?:ca{_N}|cannot|can not|unable to|(?:not|never|n't|n’t) (?:be )?able to"
    rf"|(?:wo{_N}|will not) be able"
    rf"|(?:is|are|was|were){_N} (?:possible|covered|eligible|available|refundable|allowed)"
    r"|not (?:possible|covered|eligible|available|allowed|refundable)|impossible|no way"
    r"|non-?refundable|ineligible|declined|denied|rejected|no longer (?:available|offer\w*)"
    rf"|(?:we|I|they) (?:do|did|will|wo|would|could|sha)?{_N} (?:\w+ )?(?:offer|do|give|allow"
    r"|refund|accept|ship|deliver|support|provide|replace|cover|change|extend|waive|pay"
    r"|make exceptions)"
    r"|no (?:refunds?|returns?|exchanges?)"
    r"|(?:nothing|not much|little) (?:more |else |further )?(?:that )?(?:I|we) (?:can|could) do"
    r"|nothing to (?:refund|pay back|compensate|reimburse))\b"
    r"|n't (?:be )?able to\b",
    _I,
)
# Offers of action or ability a refusal must not grow into.
PROMISE = re.compile(
    r"\b(?:I|we)(?:'ll| will| shall| am going to| are going to|'m going to|'re going to)"
    r" (?!not\b|never\b)\w+"
    r"|\b(?:I|we) (?:can|could)(?! not\b|n't\b| see\b| hear\b| understand\b| imagine\b| tell\b)"
    r" \w+"
    r"|\blet me (?!explain\b|clarify\b|recap\b|be clear\b|confirm\b|know\b)\w+"
    r"|\b(?:I|we) promise\b|\bguarantee[ds]?\b|\bmake sure\b|\bfind a way\b"
    r"|\bflexib\w+\b|\bexception\b(?! )",
    _I,
)
REASSURANCE = re.compile(
    r"\b(?:(?:we|I|they|it|this|that|you(?:'ll|’ll| will)?)(?: will| would| do| does)?"
    r" never|never (?:be )?(?:share|sell|charge|pass)\w*"
    r"|no (?:extra |additional |hidden |further )?(?:charge|cost|fee|penalty)s?"
    r"|free of charge|at no (?:extra |additional )?cost|nothing (?:to pay|extra)"
    rf"|(?:wo{_N}|will not) be (?:charged|billed|affected|penali[sz]ed)"
    rf"|you (?:do{_N}|wo{_N}|will not) (?:need|have) to|no need to"
    r"|not your fault|nothing (?:you )?(?:to worry|need to do)|(?:is|are|stays?|remains?) safe"
    r"|fully (?:covered|refunded|protected)|always)\b",
    _I,
)
FAULT = re.compile(
    r"\b(?:(?:our|my) (?:own )?(?:mistake|fault|error|bad|oversight)"
    r"|(?:we|I)(?:'ve|’ve| have)? (?:made|make) (?:a|an|the|some) (?:mistake|error)"
    r"|(?:we|I)(?:'ve|’ve| have)? (?:messed|mixed|screwed) up|(?:we|I) got (?:it|this|that) wrong"
    r"|(?:we|I)(?:'ve|’ve| have)? dropped the ball|(?:that's|that’s|that is|it's|it’s) on (?:us|me)"
    r"|(?:we|I) (?:should|shouldn't|shouldn’t)(?:'ve| have)|we (?:failed|let you down)"
    # an apology for a deed is an admission: "I'm sorry for not keeping an eye on …"
    r"|(?:sorry|apologi[sz]e|apologies) (?:for|about|that) (?:not|never|my|our|I|we|having"
    r"|(?!being\b)\w+ing)|(?:sorry|apologi[sz]e) (?:I|we) (?:didn't|didn’t|did not|forgot"
    r"|missed))\b",
    _I,
)
OFFER = re.compile(
    r"\b(?:refund\w*|credit\w*|discount\w*|compensat\w*|reimburs\w*|voucher\w*|waive\w*"
    r"|free|goodwill|rebate\w*|gift card|complimentary|upgrade\w*|replacement|% off)\b",
    _I,
)
APOLOGY = re.compile(r"\b(?:sorry|apologi[sz]e[sd]?|apologi[sz]ing|apolog(?:y|ies))\b", _I)
# An apology the draft turns down or mocks: "sorry not sorry", "I'm not sorry", "I won't
# apologise", "no apology".
REFUSED_APOLOGY = re.compile(
    r"\bsorry,? not sorry\b|(?:\bnot|\bnever|\bno|n't|n’t)\s+(?:(?:be|going to|gonna|feel|at all"
    r"|really|even)\s+)*(?:sorry|apologi[sz]\w*|apolog(?:y|ies))\b",
    _I,
)
NUMBER = re.compile(r"\d+|\b(?:today|tonight|tomorrow|next (?:week|month)|within)\b", _I)

# An action and who did it: "you sent", "we charged", "it was made" (passive: no actor).
_ACTOR = r"(?P<who>I|we|you|they|he|she|it|someone|nobody|the customer|the team)"
_BETWEEN = (
    r"(?:(?:'ve|’ve|'d|’d| have| has| had| did| just| already| also| then| never|n't|n’t| not)\s?)*"
)
_DEED = (
    r"(?P<deed>made|sent|charged|cancel+ed|lost|broke|broken|deleted|forgot|forgotten|missed"
    r"|entered|changed|booked|paid|returned|damaged|caused|closed|ordered|shipped|refunded"
    r"|typed|chose|picked|selected|signed|agreed|approved|moved|wrote|gave|took|left|opened"
    r"|installed|reset|blocked|dropped|skipped|ignored|failed|misread|misunderstood|used)"
)
ACTION = re.compile(rf"\b{_ACTOR}\b\s?{_BETWEEN}\s?\b{_DEED}\b", _I)
PASSIVE = re.compile(rf"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?\b{_DEED}\b", _I)


@dataclass(frozen=True)
class Guard:
    name: str
    reason: str
    broken: Callable[[str, str], bool]


def _count(pattern: re.Pattern[str], text: str) -> int:
    plain = _plain(text)
    if pattern is PROMISE:  # "nothing I can do" is a refusal, not an offer
        plain = REFUSAL.sub(" ", plain)
    return len(pattern.findall(plain))


def _plain(text: str) -> str:
    return text.replace("\u2019", "'")


def _refusal_becomes_promise(draft: str, rewrite: str) -> bool:
    if not _count(REFUSAL, draft):
        return False
    return _count(REFUSAL, rewrite) < _count(REFUSAL, draft) or _count(PROMISE, rewrite) > _count(
        PROMISE, draft
    )


def _reassurance_weakened(draft: str, rewrite: str) -> bool:
    return _count(REASSURANCE, rewrite) < _count(REASSURANCE, draft)


def _fault_admitted(draft: str, rewrite: str) -> bool:
    return _count(FAULT, rewrite) > _count(FAULT, draft)


def _offer_added(draft: str, rewrite: str) -> bool:
    added = Counter(m.lower() for m in OFFER.findall(_plain(rewrite)))
    added.subtract(Counter(m.lower() for m in OFFER.findall(_plain(draft))))
    if any(n > 0 for n in added.values()):
        return True
    numbers = Counter(m.lower() for m in NUMBER.findall(rewrite))
    numbers.subtract(Counter(m.lower() for m in NUMBER.findall(draft)))
    return any(n > 0 for n in numbers.values())


def _apology_where_refused(draft: str, rewrite: str) -> bool:
    """A draft that refuses or mocks an apology gets none from the rewrite ("Rules are
    rules, sorry not sorry." may not become "I'm sorry.")."""
    refused = REFUSED_APOLOGY.findall(_plain(draft))
    if not refused:
        return False
    sincere = len(APOLOGY.findall(_plain(draft))) - sum(len(APOLOGY.findall(r)) for r in refused)
    return len(APOLOGY.findall(REFUSED_APOLOGY.sub(" ", _plain(rewrite)))) > max(sincere, 0)


def _commitment_added(draft: str, rewrite: str) -> bool:
    return _count(PROMISE, rewrite) > _count(PROMISE, draft)


def actions(text: str) -> Counter[tuple[str, str]]:
    """Who did what: (actor, deed) pairs, actor "-" for a passive with no actor."""
    plain = _plain(text)
    found: Counter[tuple[str, str]] = Counter(
        (m.group("who").lower(), m.group("deed").lower()) for m in ACTION.finditer(plain)
    )
    found.update(("-", m.group("deed").lower()) for m in PASSIVE.finditer(plain))
    return found


def _actor_changed(draft: str, rewrite: str) -> bool:
    """A deed the draft mentions may only appear in the rewrite with an actor it had."""
    before = actions(draft)
    for who, deed in actions(rewrite):
        if (who, deed) not in before and any(d == deed for _, d in before):
            return True
        if (who, deed) not in before and who in ("i", "we"):
            return True  # the rewrite has us doing something the draft never said
    return False


GUARDS: tuple[Guard, ...] = (
    Guard(
        "refusal-stays-refusal",
        "it would have softened a refusal into something that sounds like a yes",
        _refusal_becomes_promise,
    ),
    Guard(
        "reassurance-kept",
        "it would have weakened a reassurance the customer relies on",
        _reassurance_weakened,
    ),
    Guard(
        "no-admitted-fault",
        "it would have admitted a fault the draft did not admit",
        _fault_admitted,
    ),
    Guard(
        "no-added-offer",
        "it would have added a refund, credit, date or number the draft did not offer",
        _offer_added,
    ),
    Guard(
        "no-added-commitment",
        "it would have promised something the draft did not promise",
        _commitment_added,
    ),
    Guard("same-actor", "it would have changed who did what", _actor_changed),
    Guard(
        "no-apology-where-refused",
        "it would have apologised where the draft refused to",
        _apology_where_refused,
    ),
)


def broken_guards(draft: str, rewrite: str) -> list[Guard]:
    return [guard for guard in GUARDS if guard.broken(draft, rewrite)]
