"""Tokens and lemmas in plain Python, so phrase families and the model see word forms.

"told", "telling" and "tells" all become "tell"; "everybody" becomes "everyone"; "doesn't"
and "didn't" become "don't". A small table of irregular forms plus suffix rules is enough
for the words that carry tone, costs about a microsecond a word, and needs no numpy or
model download at run time (lemminflect pulls in numpy and spends several microseconds on
each word, which a 2 ms budget for a 1,000-character draft cannot afford).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

# A word (with inner apostrophes or hyphens), a number or code, an emoji, or a run of ! and ?.
_TOKEN = re.compile(
    r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*"
    r"|[\w#@-]*\d[\w#@-]*"
    r"|[!?]+|\.{2,}|\u2026"
    r"|[\U0001F300-\U0001FAFF\u2600-\u27BF]"
)
EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]")


class Token(NamedTuple):
    """A named tuple: drafts make hundreds of tokens, and a tuple is built fastest."""

    text: str  # as typed
    lower: str  # lower case, straight apostrophe; numbers and codes become "<num>"
    lemma: str
    start: int
    end: int


_IRREGULAR_PAIRS = """
was:be were:be is:be are:be am:be been:be being:be 's:be
had:have has:have having:have did:do does:do done:do doing:do
told:tell said:say says:say sent:send went:go gone:go goes:go made:make got:get gotten:get
knew:know known:know thought:think bought:buy paid:pay saw:see seen:see took:take taken:take
gave:give given:give came:come wrote:write written:write understood:understand left:leave
kept:keep felt:feel meant:mean heard:hear found:find spent:spend forgot:forget
forgotten:forget broke:break broken:break chose:choose chosen:choose ran:run began:begin
begun:begin brought:bring caught:catch taught:teach sold:sell stood:stand held:hold
lost:lose built:build fell:fall fallen:fall became:become let:let put:put set:set cut:cut
hit:hit shut:shut read:read led:lead won:win spoke:speak spoken:speak woke:wake
misunderstood:misunderstand mistook:mistake mistaken:mistake overlooked:overlook
everybody:everyone somebody:someone anybody:anyone nobody:noone no-one:noone
doesn't:don't didn't:don't isn't:isn't aren't:isn't wasn't:isn't weren't:isn't ain't:isn't
hasn't:haven't hadn't:haven't cannot:can't couldn't:can't wouldn't:won't
people:person children:child men:man women:woman feet:foot
better:good best:good worse:bad worst:bad
"""
IRREGULAR = dict(pair.split(":") for pair in _IRREGULAR_PAIRS.split())


def words(text: str) -> frozenset[str]:
    """A word list written as one string, split on white space."""
    return frozenset(text.split())


# Words that end like an inflection but are not one.
_KEEP = words(
    """
    this his is was has does yes us thus plus bus gas always perhaps sometimes various
    anything nothing something everything morning evening during thing bring king ring
    sing string ceiling feeling wedding building shipping billing pricing spring nothing
    news series species lens process address access business express less unless
    bless guess miss pass class glass boss loss cross toss kiss fuss mess stress
    red bed need feed seed speed indeed hundred shed fed wed led bleed breed
    naked wicked sacred kindred ss
    """
)
# After an -ing or -ed is cut, these endings had a silent "e" (making -> mak -> make).
_E_ENDINGS = ("at", "iz", "is", "ur", "iv", "dg", "nc", "rg", "ir", "ag", "uc", "ut", "ov")
_E_STEMS = words(
    """
    mak tak giv hav liv us clos leav hop car typ writ chang charg arriv receiv believ
    provid continu issu refus excus escalat updat cancel declin decid compar argu
    com becom hat lik cod stor shar prepar explain sav wast tir promis purchas pleas
    notic advis releas choos loos rais chas scan sens respons requir acquir
    complet delet creat rat stat quot accus assum confus ignor behav dar bor
    """
)
_NO_DOUBLE = frozenset("lsz")
_VOWELS = frozenset("aeiou")


@lru_cache(maxsize=65536)
def lemma(lower: str) -> str:
    """The dictionary form of a lower-case word (a best guess for words not listed)."""
    word = lower.replace("\u2019", "'")
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word in _KEEP or "'" in word or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return _stem(word[: -len(suffix)], suffix)
    if word.endswith("ly") and len(word) > 5:
        return word  # adverbs keep their own form: "clearly" is not "clear"
    return word


def _stem(stem: str, suffix: str) -> str:
    if suffix == "ed" and stem.endswith("i"):
        return stem[:-1] + "y"  # tried -> try
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS | _NO_DOUBLE:
        return stem[:-1]  # stopping -> stop
    if stem in _E_STEMS or (stem.endswith(_E_ENDINGS) and stem[-3:-2] not in _VOWELS):
        return stem + "e"
    return stem


def lower_form(word: str) -> str:
    if any(c.isdigit() for c in word):
        return "<num>"
    return word.lower().replace("\u2019", "'")


@lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[str, str]:
    """(lower form, lemma) of a word as typed; words repeat, so this is memoised."""
    low = lower_form(word)
    if low[0] in "!?":
        low = "?!" if "!" in low and "?" in low else low[0]
    return low, lemma(low)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of text[start:end], with offsets into text."""
    # Every analysis tokenises each sentence several times, so the loop avoids per-token
    # Python calls: the tuple is built directly rather than through Token's generated __new__.
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text, start, len(text) if end is None else end):
        word = m[0]
        low, lem = _forms(word)
        a, b = m.span()
        append(_new_tuple(Token, (word, low, lem, a, b)))
    return out


_new_tuple = tuple.__new__


def tokens_within(
    toks: Sequence[Token], starts: Sequence[int], start: int, end: int
) -> list[Token]:
    """The tokens of a whole text that lie in text[start:end], found by bisection.

    Equal to tokens(text, start, end) when start and end are sentence edges: no token
    crosses whitespace, so none straddles a sentence's edge.
    """
    return list(toks[bisect_left(starts, start) : bisect_left(starts, end)])
