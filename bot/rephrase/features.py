"""Features of one unit of a draft (a sentence, or a short draft whole) for the tone model.

Each feature is named and tied to the tokens that produced it, so a model finding can point
at the words that carried its weight. Three families:

- word and lemma n-grams (unigrams and bigrams): what was said;
- politeness strategies (bot/rephrase/strategies.py): how it was said;
- cues that transfer to words nobody wrote down: attitude adverbs, second-person blame,
  imperatives, sarcasm markers and emoji, minimisers, ultimatums, repetition, deflection,
  terse one-word closings, capitals and piled-up punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from bot.rephrase import strategies
from bot.rephrase.cues import shape_cues
from bot.rephrase.lexical import EMOJI, Token
from bot.rephrase.lexical import words as _W
from bot.rephrase.tone import shouting

Feature = tuple[str, int, int]  # name, first token, last token + 1


ATTITUDE = _W(
    "obviously clearly simply seriously honestly literally surely frankly basically"
    " apparently evidently naturally"
)
MINIMISERS = _W("just only merely simply little tiny minor small slight bit trivial")
SARCASM = _W(
    "wow congrats congratulations genius shocking shocker surprise bravo sure riveting"
    " amazing fantastic brilliant wonderful lovely cute lol lmao /s"
)
SARCASM_EMOJI = _W("🙄 🙃 😒 😏 🤷 😑 😤 🤦 👏 😂 🤣 😬 🥱")
ULTIMATUM = _W(
    "final last terminate suspend legal action warning warn ban close cancel forfeit"
    " penalty consequence unless otherwise disconnect disconnection remove removal"
    " collection debt agency court restrict block freeze revoke withdraw deadline"
    " lose void escalate report blacklist refuse"
)
REPEAT = _W("again already twice times repeatedly before previously multiple")
DEFLECT = _W(
    "department team warehouse courier carrier vendor supplier partner manufacturer"
    " provider job fault problem responsibility"
)
RULES = _W("policy policies rule rules terms conditions procedure section clause")
BLAME_VERBS = _W(
    "fail forget miss ignore misread misunderstand break mess skip choose decide insist"
    " neglect overlook confuse assume refuse enter type click delete lose"
)
NEGATIONS = _W("not never don't can't won't isn't haven't no")
# Words that can start an imperative; "please" before one makes it a request.
IMPERATIVE_VERBS = _W(
    "stop calm read check look wait listen understand deal accept try go learn follow"
    " refer note remember take make keep quit let get see ask send call pay be do"
    " consult review visit use submit provide resubmit fill complete reply contact"
    " google figure sort hold bear trust relax"
)
CONDITIONAL_YOU = _W("continue keep refuse fail insist don't choose")
WARMTH = frozenset({"gratitude", "apologising", "greeting", "please", "positive"})
COLD_WORDS = _W(
    "noted closed done fine ok okay resolved received acknowledged whatever final stands"
    " unchanged logged archived solved declined closing goodbye file"
)
# Finality: the matter is closed to discussion ("no further", "nothing to discuss").
FINALITY = _W("final further finality appeal appeals discuss discussed discussion answer stands")
# An ultimatum offered as a choice or a count: "or we ...", "next time", "one more".
CHOICE_SUBJECTS = _W("we i you we'll i'll you'll it the your")
COUNT_WORDS = _W("next another second third fourth one")
COUNT_NOUNS = _W(
    "time times incident complaint message claim return email call review chargeback"
    " dispute warning strike"
)
YOUR_CALL = frozenset({("your", "call"), ("your", "choice"), ("up", "to"), ("just", "saying")})
GREETING_OR_THANKS = strategies.GREETINGS | strategies.GRATITUDE | {"please", "sorry"}
SECOND_PERSON = frozenset({"you", "your", "you're", "you've"})
# What a token needs for any check in _cues's loop to fire (emoji and "!"/"?" tokens
# aside): a new check on a word or lemma must add its words here.
_CUE_WORDS = (
    ATTITUDE
    | MINIMISERS
    | SARCASM
    | SARCASM_EMOJI
    | REPEAT
    | SECOND_PERSON
    | COUNT_WORDS
    | {"if", "should", "or"}
    | {first for first, _ in YOUR_CALL}
)
_CUE_LEMMAS = ULTIMATUM | DEFLECT | RULES | FINALITY


def unit_features(
    toks: Sequence[Token], lexicon: Mapping[str, float], shouts: int = 0
) -> list[Feature]:
    """Every feature of one unit, with the token range each came from."""
    out: list[Feature] = []
    n = len(toks)
    if not n:
        return out
    # Each token's word and lemma, then its bigrams with the next (one extend a token).
    for i, (t, nxt) in enumerate(pairwise(toks)):
        w, lem = t.lower, t.lemma
        out += (
            ("w:" + w, i, i + 1),
            ("l:" + lem, i, i + 1),
            ("w2:" + w + " " + nxt.lower, i, i + 2),
            ("l2:" + lem + " " + nxt.lemma, i, i + 2),
        )
    out += (("w:" + toks[-1].lower, n - 1, n), ("l:" + toks[-1].lemma, n - 1, n))
    out.append(("w2:<s> " + toks[0].lower, 0, 1))
    out.append(("w2:" + toks[-1].lower + " </s>", n - 1, n))
    found: set[str] = set()
    strategies.sentence_strategies(toks, lexicon, found)
    # Sorted: a set's order follows PYTHONHASHSEED, and span credit is summed in this order.
    out.extend(("s:" + name, 0, n) for name in sorted(found))
    alpha = _cues(toks, out, lexicon)
    shape_cues(toks, lexicon, out)
    if not found & WARMTH and len(alpha) <= 12:
        out.append(("c:no_warmth", 0, n))
    if shouts:
        out.append(("c:caps", 0, n))
    return out


def _cues(toks: Sequence[Token], out: list[Feature], lexicon: Mapping[str, float]) -> list[str]:
    """Append the unit's cues to out; return its words (tokens that start with a letter)."""
    n = len(toks)
    words = [t.lower for t in toks]
    for i, t in enumerate(toks):
        w, lem = t.lower, t.lemma
        # Every check in this loop needs one of these: most tokens skip them all.
        if (
            w not in _CUE_WORDS
            and lem not in _CUE_LEMMAS
            and t.text[:1] < "\u2600"
            and w[0] not in "!?"
        ):
            continue
        # Both emoji ranges start at U+2600: most tokens need no regex.
        emoji = t.text[:1] >= "\u2600" and EMOJI.match(t.text) is not None
        if w in ATTITUDE:
            out.append(("c:attitude", i, i + 1))
        if w in MINIMISERS:
            out.append(("c:minimiser", i, i + 1))
        if w in SARCASM or t.text in SARCASM_EMOJI or (emoji and w in SARCASM_EMOJI):
            out.append(("c:sarcasm", i, i + 1))
        if lem in ULTIMATUM:
            out.append(("c:ultimatum", i, i + 1))
        if w in REPEAT:
            out.append(("c:repeat", i, i + 1))
        if lem in DEFLECT:
            out.append(("c:deflect", i, i + 1))
        if lem in RULES:
            out.append(("c:rules", i, i + 1))
        if w in SECOND_PERSON:
            _second_person(toks, i, out, lexicon)
        if w in ("if", "should") and _followed_by(toks, i, "you", CONDITIONAL_YOU):
            out.append(("c:if_you_keep", i, i + 3))
        if emoji:
            out.append(("c:emoji", i, i + 1))
        if lem in FINALITY:
            out.append(("c:finality", i, i + 1))
        if w == "or" and i + 1 < n and toks[i + 1].lower in CHOICE_SUBJECTS:
            out.append(("c:or_else", i, i + 2))
        if w in COUNT_WORDS and i + 1 < n and toks[i + 1].lemma in COUNT_NOUNS:
            out.append(("c:next_time", i, i + 2))
        if i + 1 < n and (w, toks[i + 1].lower) in YOUR_CALL:
            out.append(("c:your_call", i, i + 2))
        if w[0] in "!?" and (len(t.text) > 1 or w == "?!"):
            out.append(("c:punct_pile", i, i + 1))
    first = 1 if words[0] in ("so", "and", "but", "just", "now", "then") and n > 1 else 0
    if toks[first].lemma in IMPERATIVE_VERBS and toks[first].lower == toks[first].lemma:
        out.append(("c:imperative", first, min(n, first + 3)))
    alpha = [w for w in words if w[0].isalpha()]
    if len(alpha) <= 3 and not GREETING_OR_THANKS.intersection(alpha):
        out.append(("c:terse", 0, n))
        if any(w in COLD_WORDS for w in alpha):
            out.append(("c:cold_word", 0, n))
    return alpha


def _followed_by(toks: Sequence[Token], i: int, word: str, lemmas: frozenset[str]) -> bool:
    return i + 2 < len(toks) and toks[i + 1].lower == word and toks[i + 2].lemma in lemmas


def _second_person(
    toks: Sequence[Token], i: int, out: list[Feature], lexicon: Mapping[str, float]
) -> None:
    """ "you" followed within three words by a negation, a blame verb or a negative word."""
    for j in range(i + 1, min(len(toks), i + 4)):
        lem = toks[j].lemma
        if lexicon.get(toks[j].lower, 0.0) <= -1.5:
            out.append(("c:you_negative", i, j + 1))
            return
        if lem in NEGATIONS:
            out.append(("c:you_neg", i, j + 1))
            return
        if lem in BLAME_VERBS:
            out.append(("c:you_blame", i, j + 1))
            return


# The shouting check reads runs of A-Z only, and a run within the first character alone
# is one letter, never a shout: a text with no A-Z after it has none.
_ASCII_CAPITAL = re.compile("[A-Z]")


def shout_count(text: str) -> int:
    """Runs of capitals the shouting check counts as raised voice (never codes or IDs)."""
    return len(shouting(text)) if _ASCII_CAPITAL.search(text, 1) else 0
