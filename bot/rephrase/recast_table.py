"""The clause-level recasts, as data: each a shape of attitude, the kinds of finding it is
written for, and what to write instead (recasts.py applies them; whole-sentence recasts are
in recast_sentences.py). Patterns are written for shapes, never for one draft's words; the
source a lecture points at is the group `x`, which a recast keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass

_A = "['\u2019]"
_NT = rf"n{_A}t"
_WE = rf"(?:I|we)(?:{_A}(?:ve|d)| have| had)?"
_WHEN = (
    r"(?: (?:before|earlier|already|previously|twice|three times|several times|many times"
    r"|multiple times|more than once|a few times|\d+ times|again|repeatedly|now|(?:in|on) (?:my"
    r"|our) (?:last|previous|earlier|first|other)(?: two| three| few| \d+)? (?:e-?mails?"
    r"|messages?|replies|reply|calls?|letters?|chats?|notes?)|(?:on|over) the phone|in (?:the|this)"
    r" chat))*"
)
# A source is a noun group: it stops before a clause of its own ("the terms | before you
# signed up" tells when the reading was due, so "in the terms before you signed up" is wrong).
_CLAUSE_WORD = r"\b(?:before|after|when|whenever|while|until|once|if|unless|because|since|so|as)\b"
_SOURCE = (
    rf"(?P<x>(?:the|our|your|this|that|my|its|their) (?:(?!{_CLAUSE_WORD})[^,.;:!?]){{1,60}}?)"
)
_SOURCE_END = r"(?=[,.;:!?]|$)"
_REPEAT_KINDS = frozenset(
    {"impatience", "passive-aggressive", "condescending", "dismissive", "rushing", "sarcasm"}
)
# A sentence that is only attitude is so whichever unkind kind a finding names.
ATTITUDE_KINDS = _REPEAT_KINDS | {
    "minimising",
    "blame",
    "blame-shifting",
    "attitude",
    "cold",
    "rule-quoting",
    "defensive",
}
_BLAME_KINDS = frozenset(
    {"blame", "blame-shifting", "condescending", "passive-aggressive", "sarcasm", "impatience"}
)
_TAG_KINDS = frozenset(
    {"dismissive", "rule-quoting", "impatience", "absolute-no", "threat", "cold"}
)
# Announcing that the explanation will be made simple for the customer talks down to them
# ("Let me spell it out for you:", "I'll make this really simple:", "Let me break it down").
SPELL_OUT = (
    rf"(?:let me|I{_A}ll|I will|I{_A}m going to|I am going to|allow me to) "
    r"(?:spell (?:it|this|that) out|put (?:it|this|that) (?:simply|plainly|more simply"
    r"|another way|in (?:simple|plain)"
    r" (?:terms|English|words))|make (?:it|this|that) (?:really |very |super )?(?:simple|easy"
    r"|clear)|break (?:it|this|that) down|explain (?:it|this|that) (?:slowly|simply|in (?:simple"
    r"|plain) (?:terms|English|words)))(?: for you)?(?: (?:one more time|once more|again"
    r"|slowly|very slowly))?"
)
# A closing tag ends its sentence: only stops follow it, then a space or the end of the text
# (so the tag is found in a whole draft too, not only in its own sentence).
SENTENCE_END = r"(?=\s*(?:[.!]+(?=\s|$)|$))"
# Words a trailing source may end on that belong to the blame, not the source.
TRAILING_ADVERB = re.compile(r"\s+(?:yet|properly|carefully|first|again|either|fully)$", re.I)


@dataclass(frozen=True)
class Recast:
    name: str
    kinds: frozenset[str]
    pattern: re.Pattern[str]
    replacements: tuple[str, ...]  # most preferred first; "" drops the words
    whole: bool = False  # the pattern must be the whole sentence
    lead_in: bool = False  # the pattern must start a clause
    # The rest of the sentence must carry a fact (a number): after "It's really simple:" a
    # general truth ("money goes out, balance goes down") was pitched as obvious, and cutting
    # the lead-in leaves it talking down (blind readers, dev); a figure is an answer.
    fact_after: bool = False
    # A recast that may stand anywhere is searched for only in a text with one of these
    # words: a cheap test that spares most sentences the full pattern.
    cue: re.Pattern[str] | None = None


def _r(
    name: str, kinds: frozenset[str], pattern: str, *out: str, cue: str = "", **how: bool
) -> Recast:
    found = re.compile(cue, re.IGNORECASE) if cue else None
    return Recast(name, kinds, re.compile(pattern, re.IGNORECASE), out, **how, cue=found)


CLAUSE_RECASTS: tuple[Recast, ...] = (
    _r(
        "as-i-explained",
        _REPEAT_KINDS,
        rf"(?:as|like) {_WE} (?:already |previously |clearly |just |repeatedly )*(?:explained"
        rf"|said|mentioned|stated|told you|discussed|pointed out|advised(?: you)?|noted"
        rf"|informed you)(?: (?:this|that|it))?{_WHEN}\s*(?:,|:|\u2014|\s-)\s*",
        "To recap, ",
        "",
        lead_in=True,
    ),
    _r(
        "per-my-last-email",
        _REPEAT_KINDS,
        r"(?:as )?per (?:my|our) (?:last|previous|earlier|first) (?:e-?mail|message|reply|note"
        r"|letter)\s*(?:,|:|\u2014|\s-)\s*",
        "",
        "To recap, ",
        lead_in=True,
    ),
    _r(
        "as-stated-in",
        _REPEAT_KINDS | frozenset({"rule-quoting", "blame"}),
        r"as (?:clearly |already |very clearly )?(?:stated|written|explained|mentioned|set out"
        r"|outlined|specified|shown)(?: clearly| very clearly)? (?P<p>on|in) "
        + _SOURCE
        + r"\s*,\s*",
        "as set out {p} {x}, ",
        lead_in=True,
    ),
    _r(
        "says-so-on",
        ATTITUDE_KINDS,
        r"(?:it )?(?:says so|is written|is stated|is spelled out|is explained) (?:right |clearly "
        r"|very clearly |plainly )?(?P<p>on|in) " + _SOURCE + _SOURCE_END,
        "you'll find this {p} {x}",
        lead_in=True,
    ),
    _r(
        "spell-it-out",
        _REPEAT_KINDS,
        SPELL_OUT + r"\s*(?::|,|;|\u2014|\s-)\s*",
        "",
        lead_in=True,
        fact_after=True,
    ),
    _r(
        "attention-lead-in",
        _REPEAT_KINDS,
        r"(?:(?:ok(?:ay)?|right|now),?\s+)?(?:listen|look)\s*(?:,|\u2014)\s*",
        "",
        lead_in=True,
    ),
    _r(
        "i-told-you",
        _REPEAT_KINDS,
        rf"{_WE} (?:already |previously |just )*(?:told|explained (?:this |that |it )?to"
        rf"|said (?:this |that |it )?to|informed|reminded|advised) you(?: (?:this|that|it))?"
        rf"(?: (?:twice|three times|several times|many times|multiple times|more than once"
        rf"|a few times|\d+ times|before|already|again|repeatedly|earlier|now))+"
        r"\s*(?:,|:|;|\u2014|\s-)\s*",
        "",
        lead_in=True,
    ),
    _r(
        "told-you-that",
        _REPEAT_KINDS,
        rf"{_WE} (?:already |previously |just )*(?:told|explained to|said to|informed|reminded"
        rf"|advised) you(?: (?:twice|three times|several times|many times|more than once"
        rf"|\d+ times|before|already|again|repeatedly|earlier))* that ",
        "",
        lead_in=True,
    ),
    _r(
        "for-the-nth-time",
        _REPEAT_KINDS,
        r"(?:for the (?:last|second|third|fourth|fifth|tenth|hundredth|umpteenth|millionth"
        r"|\w+th) time|once again|yet again|one more time|again)\s*(?:,|:|\u2014)\s*",
        "",
        lead_in=True,
    ),
    _r(
        "judging-adverb",
        _BLAME_KINDS,
        r"(?:(?:obviously|clearly|evidently|apparently|frankly|quite frankly|honestly"
        r"|seriously)\s*,?|(?:with (?:all due )?respect|no offen[cs]e)\s*,)\s+(?=\w)",
        "",
        lead_in=True,
    ),
    _r(
        "should-have-read",
        _BLAME_KINDS,
        rf"(?:(?:obviously|clearly|evidently|apparently),?\s+)?you (?:should|could|would)"
        rf"(?:{_A}ve| have) (?:just |actually |simply |really )?(?:read|checked|looked (?:at|in)"
        rf"|opened) {_SOURCE}{_SOURCE_END}",
        "the details are in {x}",
        cue=r"you",
    ),
    _r(
        "did-not-read",
        _BLAME_KINDS,
        rf"(?:(?:obviously|clearly|evidently|apparently),?\s+)?you(?: (?:obviously|clearly))?"
        rf" (?:did not|did{_NT}|have not|have{_NT}|never)(?: even| actually)?"
        rf"(?: bother(?:ed)? to)? (?:read|check|look (?:at|in)|open) {_SOURCE}{_SOURCE_END}",
        "the details are in {x}",
        cue=r"you",
    ),
    _r(
        "your-fault-for-not-reading",
        _BLAME_KINDS,
        rf"(?:it|that|this)(?:{_A}s| is| was) (?:all |entirely )?your (?:own )?fault for not"
        rf" (?:reading|checking|looking (?:at|in)|opening) {_SOURCE}{_SOURCE_END}",
        "the details are in {x}",
        cue=r"fault",
    ),
    _r(
        "not-rocket-science",
        _REPEAT_KINDS | {"minimising"},
        rf"\s*(?:,|;|\u2014|\s-)?\s*(?:but |and |so )?(?:it|this|that)(?:{_A}s| is)"
        r" (?:really |honestly |just |simply |not exactly )?(?:not )?(?:rocket science"
        r"|that (?:hard|difficult|complicated)|not (?:hard|difficult|complicated))" + SENTENCE_END,
        "",
        cue=r"rocket|hard|difficult|complicated",
    ),
    _r(
        "dont-make-the-rules",
        _TAG_KINDS | _BLAME_KINDS,
        rf"(?:(?:unfortunately|sorry),? )?I (?:don{_A}t|do not) make the (?:rules|policy"
        r"|policies)(?:,? (?:but|and|so)\b)?,?\s*",
        "",
        lead_in=True,
    ),
    _r(
        "but-dont-make-the-rules",
        _TAG_KINDS | _BLAME_KINDS,
        rf"\bbut I (?:don{_A}t|do not) make the (?:rules|policy|policies),? (?:and|but|so) ",
        "but ",
        cue=r"make the",
    ),
    _r(
        "its-simple",
        _REPEAT_KINDS,
        rf"(?:it{_A}s|it is|this is|that{_A}s|that is) (?:really |actually |quite |very "
        r"|pretty |all )*(?:simple|easy|straightforward)\s*(?::|\u2014|\s-)\s*",
        "",
        lead_in=True,
        fact_after=True,
    ),
    _r(
        "on-you",
        _BLAME_KINDS,
        rf"\s*(?:,|;|\u2014|\s-)\s*(?:so |and )?(?:this one|that one|that|this|it)(?:{_A}s|"
        r" is) (?:(?:all |entirely )?on you|your (?:own )?(?:problem|lookout|responsibility))"
        + SENTENCE_END,
        "",
        cue=r"on you|your",
    ),
    _r(
        "these-things-happen",
        frozenset({"minimising", "dismissive"}),
        r"\s*(?:,|;|\u2014|\s-)\s*(?:but |and |yeah,? |well,? )?these things happen",
        "",
        cue=r"these things",
    ),
    _r(
        "closing-tag",
        _TAG_KINDS,
        r"\s*(?:,|\u2014|\s-)\s*(?:full stop|period|end of story|end of discussion|simple as"
        r" that|and that(?:'s|\u2019s| is) (?:final|that|the end of it)|(?:but |and |so )?"
        r"(?:that|it)(?:'s|\u2019s| is) (?:just |simply )?(?:how it is|the way it is|what it is)"
        r"|it is what it is)" + SENTENCE_END,
        "",
        cue=r"full stop|period|end of|simple as|final|that|how it is|the way it is|what it is",
    ),
)


# Words that only add an edge ("that's simply how it works"): all of them go at once, as
# the last recast; the tone check then says whether that was enough.
INTENSIFIER = re.compile(
    r"(?<!more )(?<!most )(?<!so )(?<!very )(?<!quite )"
    r"\b(?:simply|clearly|obviously|literally|honestly|seriously|frankly|really|actually"
    r"|just(?= (?:how|what|the way|a |an |read|click|follow|check|ask|wait|do|go|use|look|try"
    r"|pick|log|call|restart)\b)),?\s+(?=\w)",
    re.IGNORECASE,
)
