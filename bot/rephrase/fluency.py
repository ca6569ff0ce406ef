"""The fluency check: a rewritten sentence must read as a sentence a person would send.

Only sentences the rewrite changed are checked, against the draft sentence they came from:
an agent's own quirks (a double space, a lower-case start) are theirs to keep, but a seam
the rewrite made must be clean. Each check is named so a failure can be explained.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.content.segment import sentence_spans

_I = re.IGNORECASE
_CONTRACTED = {"ll": "will", "d": "would", "ve": "have", "re": "are", "m": "am", "s": "is"}
DOUBLED = re.compile(r"\b(\w+)\s+\1\b", _I)
CONTRACTION_DOUBLED = re.compile(r"\w['\u2019](ll|d|ve|re|m|s)\s+(\w+)\b", _I)
NEGATION_DOUBLED = re.compile(r"n['\u2019]t\s+not\b", _I)
# Words that cannot end a sentence: "…finding another way to."
FUNCTION_END = re.compile(
    r"\b(?:the|a|an|to|of|and|or|but|nor|with|for|from|by|at|into|onto|my|your|our|their"
    r"|his|its|because|if|than|as|whose|via|per|very|really|whether)\s*[.!?]*$",
    _I,
)
FUNCTION_START = re.compile(r"^(?:and|or|but|nor|so|because|which|whose|than)\b[\s,.!?]*$", _I)
STRAY = re.compile(
    r"[,;:]\s*[,;:.!?]|\s[,;:.!?](?!\.\.)|\(\s*\)|\[\s*\]|^[\s,;:.!?-]+\w|(?<![.?!])[.?!]{2}(?!\.)"
    r"|[.?!][,;]|\w\s{2,}\w|[.!?]\s*-\s*$"
)
STARTS_LOWER = re.compile(r"^[\W_]*[a-z]")
LONE_I = re.compile(r"(?<![\w'])i(?![\w'])")
QUOTES = (('"', '"'), ("\u201c", "\u201d"), ("(", ")"), ("[", "]"))
# A word that is (or can be) a verb: auxiliaries, common verbs, -ed/-ing forms, contractions.
VERBISH = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being|do|does|did|have|has|had|will|would|can|could"
    r"|shall|should|may|might|must|let|lets|gets|got|goes|went|makes|made|takes|took|gives"
    r"|gave|sees|saw|knows|knew|needs|wants|comes|came|sends|sent|ships|arrives|pays|paid"
    r"|says|said|tells|told|leaves|left|looks|feels|felt|seems|means|meant|includes|remains"
    r"|stays|applies|expires|renews|happens|becomes|became|follows|allows|found|thought"
    r"|understood|wrote|ran|began|kept|held|brought|bought|lost|thank|thanks|hope|please"
    r"|state|states|say|show|shows|covers|require|requires|costs|mean|contains|apply|provides"
    r"|explains|allow|include|opens|closes)\b"
    r"|\b\w{3,}ed\b|\w['\u2019](?:s|re|ll|ve|d|m|t)\b"
    r"|\b(?:I|we|you|they|he|she|it|who|that)\s+(?!the\b|a\b|an\b|and\b|or\b)[a-z]{2,}\b",
    _I,
)
# A present-tense verb after a noun group: "The shop closes at 6.", "Your plan covers it."
# (the word after it, a preposition or an article, tells it from a plural noun).
PRESENT_AFTER_SUBJECT = re.compile(
    r"\b(?:the|your|our|this|that|its|their|my|his|her|each|every)\s+(?:[a-z-]+\s+){1,3}?"
    r"(?!(?:is|was|has|does|this|its|his|us|yes)\b)[a-z]{2,}[^s\W]s(?:\s+(?:at|on|in|by|from|to"
    r"|with|after|before|until|within|every|each|the|your|our|a|an|up|out|off|down|over|for"
    r"|about|around|only|automatically|back|\d)\b)",
    _I,
)
# Words that are never a verb: a sentence starting with one is not an imperative.
_NEVER_VERB_TEXT = """
the a an my your our their his her its this that these those on in at for with about
from to by of and but or so mr mrs ms mx dr very all some any no every each which what
whose why how when where who as than if because although though unless while i you we
they he she it me us them not never only just also too here there then now today
tomorrow yesterday again already yes yeah yep yup no nope ok okay sure well oh ah wow gosh
hi hello hey dear sir madam mate
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
hundred thousand
"""
NEVER_VERBS = frozenset(_NEVER_VERB_TEXT.split())
# Openings and closings that need no verb: "Hi Dana,", "Best regards", "Thanks again!".
FORMULA = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|cheers"
    r"|best|kind regards|regards|warm regards|sincerely|many thanks|apologies|sorry|ok|okay"
    r"|sure|yes|no|of course|certainly|absolutely|great|perfect|noted|done|welcome|p\.?s)\b",
    _I,
)


@dataclass(frozen=True)
class Check:
    name: str
    reason: str
    failed: Callable[[str, str], bool]  # (rewritten sentence, the draft it came from)


def _new(pattern: re.Pattern[str], sentence: str, draft: str) -> bool:
    """The pattern matches more often in the rewrite than in the draft it came from."""
    return len(pattern.findall(sentence)) > len(pattern.findall(draft))


def doubled(sentence: str, draft: str) -> bool:
    if _new(DOUBLED, sentence, draft) or _new(NEGATION_DOUBLED, sentence, draft):
        return True
    return _said_twice(sentence) > _said_twice(draft)


def _said_twice(text: str) -> int:
    """ "it'll will", "we're are": a contraction followed by the word it stands for."""
    return sum(
        _CONTRACTED.get(m[1].lower()) == m[2].lower() for m in CONTRACTION_DOUBLED.finditer(text)
    )


def _dangling(sentence: str, draft: str) -> bool:
    clauses = [c.strip() for c in re.split(r"[,;:\u2014]|\s-\s", sentence)]
    if any(FUNCTION_START.match(c) for c in clauses if c):
        return True
    ends = [c for c in re.split(r"[;:\u2014]|\s-\s|,(?=\s)", sentence) if c.strip()]
    before = [c for c in re.split(r"[;:\u2014]|\s-\s|,(?=\s)", draft) if c.strip()]
    return sum(bool(FUNCTION_END.search(c)) for c in ends) > sum(
        bool(FUNCTION_END.search(c)) for c in before
    )


SUBORDINATE = re.compile(
    r"^(?:if|because|although|though|unless|since|while|whereas|so that|even if|when)\b", _I
)


def _fragment(sentence: str, draft: str) -> bool:
    """A subordinate clause left standing alone: "If someone took it from your porch." """
    body = sentence.strip()
    return bool(SUBORDINATE.match(body)) and "," not in body and not SUBORDINATE.match(draft)


def _empty_clause(sentence: str, draft: str) -> bool:
    body = sentence.strip()
    if not re.search(r"\w", body):
        return True
    return _new(re.compile(r"[,;:]\s*(?=[,;:.!?]|$)"), body, draft.strip())


def _stray_punctuation(sentence: str, draft: str) -> bool:
    return _new(STRAY, sentence, draft)


def _capitalisation(sentence: str, draft: str) -> bool:
    if STARTS_LOWER.match(sentence) and not STARTS_LOWER.match(draft):
        return True
    return _new(LONE_I, sentence, draft)


def _unbalanced(sentence: str, draft: str) -> bool:
    for opening, closing in QUOTES:
        if opening == closing:
            odd = sentence.count(opening) % 2 == 1
            if odd and draft.count(opening) % 2 == 0:
                return True
        elif sentence.count(opening) - sentence.count(closing) != draft.count(
            opening
        ) - draft.count(closing):
            return True
    return False


# A list item's number hides the imperative that opens it ("1. Go to Settings") from has_verb.
_LIST_NUMBER = re.compile(r"^\d+[.)]\s+(?=[A-Z])")


def pieces(sentence: str) -> list[str]:
    """The sentence's pieces: its sentences, each without a leading list number."""
    return [_LIST_NUMBER.sub("", sentence[a:b]) for a, b in sentence_spans(sentence)]


def _no_verb(sentence: str, draft: str) -> bool:
    if FORMULA.match(sentence.strip(" *_>-•")):
        return False
    clauses = pieces(sentence)
    return any(not has_verb(p) for p in clauses if re.search(r"[^\W\d_]", p)) and has_verb(draft)


def has_verb(sentence: str) -> bool:
    if VERBISH.search(sentence) or PRESENT_AFTER_SUBJECT.search(sentence):
        return True
    # An imperative: "Ask the garage." The first word is a verb unless it is a word of a
    # class that never is one (a determiner, a preposition, a title).
    first = re.match(r"[\W_]*([^\W\d_]+)", sentence)
    return first is not None and first.group(1).lower() not in NEVER_VERBS


# "We're not able to be blamed": ability said of something done to us reads as a slip.
ABLE_PASSIVE = re.compile(r"\bable to be (?:\w+ed|\w+en|paid|held|told|sent|made)\b", _I)


def _able_passive(sentence: str, draft: str) -> bool:
    return _new(ABLE_PASSIVE, sentence, draft)


# "Next time, it may help to have kept …": advice for the future in the past tense.
TENSE_CLASH = re.compile(
    r"\bnext time\b[^.!?]*\bto have (?:\w+ed|\w+en|kept|sent|told|read|set)\b", _I
)


def _tense_clash(sentence: str, draft: str) -> bool:
    return _new(TENSE_CLASH, sentence, draft)


CHECKS: tuple[Check, ...] = (
    Check("doubled-word", "a word would have appeared twice in a row", doubled),
    Check("dangling-word", "a sentence would have ended on a word like 'to' or 'the'", _dangling),
    Check("fragment", "a clause would have been left without its main clause", _fragment),
    Check("empty-clause", "a clause would have been left empty", _empty_clause),
    Check(
        "stray-punctuation", "stray punctuation would have been left at a seam", _stray_punctuation
    ),
    Check("capitalisation", "a sentence would have started in lower case", _capitalisation),
    Check("unbalanced-quotes", "quotes or brackets would have been left unbalanced", _unbalanced),
    Check("no-verb", "a sentence would have been left without a verb", _no_verb),
    Check("able-passive", "it would have read 'able to be …', which sounds wrong", _able_passive),
    Check("tense-clash", "advice for next time would have been in the past tense", _tense_clash),
)


def failed_checks(sentence: str, draft: str) -> list[Check]:
    return [check for check in CHECKS if check.failed(sentence, draft)]
