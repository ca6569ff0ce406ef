"""Protected literals: the parts of a draft a rewrite must keep byte for byte.

Numbers, amounts, dates and times, IDs and codes, URLs, e-mail addresses, Slack mentions and
links, hashtags, quoted text, inline code and code blocks, and names. They are found before
rewriting; afterwards `missing` lists any the rewrite lost or changed, and the rewrite is
then withheld. Over-protecting is safe (a rewrite is withheld more often), under-protecting
is not, so the patterns lean wide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAYS = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_CURRENCY = r"[$£€¥₹]|(?:USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR)\s?"
# A word that introduces a code: "use code WELCOME", "promo SPRING", "password Hunter".
CODE_CUES = (
    r"code|codes|promo|coupon|voucher|password|passcode|pin|reference|ref|username|user"
    r"|enter|use|type|apply|tag|plan|tariff|sku|model|id|booking|order|ticket|account|case"
    r"|invoice|policy|membership|serial|tracking|keyword|reply|text|label|option|setting"
)

# What a text must contain for a pattern to have any chance: a cheap test that spares most
# sentences most patterns (no digit, no amount, time or ID).
_DIGITS = r"\d"  # any decimal digit, as \d in the patterns
# The tests below start with a character class and look behind afterwards: a pattern that
# starts with one lets the regex engine skip ahead to the characters it could start at (one
# that starts with a lookbehind, "\b", or alternatives other than plain letters is tried
# at every position).
# A date holds a digit or a day's name (Mon, Tue, Thu, ...): that is "\d|Mon|Tue|...".
_DATE_NEEDS = r"[\dMTWFS](?:(?<=\d)|(?<=M)on|(?<=T)(?:ue|hu)|(?<=W)ed|(?<=F)ri|(?<=S)(?:at|un))"
# A lower-case letter followed by a capital: "[a-z][A-Z]".
_INNER_CAPITAL = r"[A-Z](?<=[a-z][A-Z])"
# An opening quote: ' or ‘ not after a letter, digit or apostrophe (not "don't").
_OPENING_QUOTE = r"['\u2018](?<![\w\u2019']['\u2018])"
# Ordered: earlier kinds win where two overlap (a URL inside a code span stays one code span).
# Each with what a text must contain for it to match (a pattern; empty: always tried).
_PATTERNS: tuple[tuple[str, str, str], ...] = (
    ("code-block", r"```.*?```", "`"),
    ("inline-code", r"`[^`\n]+`", "`"),
    ("slack", r"<[@#!][^<>\s]*>|<(?:https?://|mailto:|tel:)[^<>]*>", "<"),
    ("url", r"\b(?:https?://|www\.)[^\s<>\"]+", r"http|www\."),
    ("email", r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", "@"),
    ("quote", r"\"[^\"\n]{1,400}\"|\u201c[^\u201d\n]{1,400}\u201d", '["\u201c]'),
    (
        "quote",
        r"(?<![\w\u2019'])['\u2018][^'\u2018\u2019\n]{1,200}['\u2019](?![\w\u2019'])",
        _OPENING_QUOTE,
    ),
    ("hashtag", r"(?<![\w&/#])#[\w-]*\w", "#"),
    ("mention", r"(?<![\w.])@[\w.-]*\w", "@"),
    (
        "name",
        r"\b(?:Mr|Mrs|Ms|Mx|Dr|Prof)\.?\s+[A-Z][\w'\u2019-]+",
        "Mr|Ms|Mx|Dr|Prof",
    ),
    (
        "amount",
        rf"(?:{_CURRENCY})\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion)\b)?"
        r"|\b\d[\d,]*(?:\.\d+)?\s?(?:%|percent\b|(?:USD|EUR|GBP|dollars?|pounds?|euros?"
        r"|cents?|pence|p)\b)",
        _DIGITS,
    ),
    (
        "date",
        rf"\b\d{{4}}-\d{{2}}-\d{{2}}(?:[T ]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?\b"
        rf"|\b\d{{1,2}}[/.]\d{{1,2}}(?:[/.]\d{{2,4}})?\b"
        rf"|\b(?:{_DAYS},?\s+)?(?:the\s+)?{_ORDINAL}(?:\s+of)?\s+{_MONTHS}\b(?:,?\s+\d{{4}})?"
        rf"|\b(?:{_DAYS},?\s+)?{_MONTHS}\.?\s+{_ORDINAL}\b(?:,?\s+\d{{4}})?"
        rf"|\b{_DAYS}\b|\b{_MONTHS}\s+\d{{4}}\b|\bthe\s+\d{{1,2}}(?:st|nd|rd|th)\b",
        _DATE_NEEDS,
    ),
    (
        "time",
        r"\b\d{1,2}(?::\d{2})?\s?(?:[ap]\.?m\.?|[AP]\.?M\.?)(?![\w])"
        r"|\b\d{1,2}:\d{2}(?::\d{2})?\b",
        _DIGITS,
    ),
    ("id", r"(?<![\w+])\+?\d[\d ()-]{6,}\d(?![\w])", _DIGITS),  # phone numbers, first
    # IDs and codes with a digit in them: INV-20417, A1B2, #4411, 0800 123 456, 4.5GB.
    ("id", r"(?<![\w-])#?[A-Za-z]*[-_]?\d[\w./-]*\w|(?<![\w-])#?\d", _DIGITS),
    # Words with a capital inside (iPhone, eBay, PayPal, McDonald's): brand-like anywhere.
    ("name", r"\b[a-z]+[A-Z][\w'\u2019]*|\b[A-Z][a-z]+[A-Z][\w'\u2019]*", _INNER_CAPITAL),
)

# A capital not after a word character (the lookbehind after it, as in _OPENING_QUOTE).
_CAPS_TOKEN = re.compile(
    r"[A-Z](?<![\w'\u2019-][A-Z])[A-Z0-9&]*(?:[-_.][A-Z0-9]+)*(?![\w'\u2019-])"
)
_CODE_CUE = re.compile(
    rf"(?i:\b(?:{CODE_CUES})(?:\s+(?:is|was|of|=))?)\s*[:#=]?\s*[\"'\u201c\u2018]?$"
)
_CAPITALISED = re.compile(
    r"[A-Z](?<![\w'\u2019-][A-Z])[a-z][\w'\u2019&-]*(?:\s+[A-Z][\w'\u2019&-]*)*"
)
_SENTENCE_BREAK = re.compile(r"(?:[.!?\u2026:]+[\"'\u201d\u2019)]*\s+|\n\s*|^\s*)$")
# Capitalised words that are not names: the pronoun and the words that follow an opening.
_NOT_NAME_TEXT = "I I'm I'll I've I'd I\u2019m I\u2019ll I\u2019ve I\u2019d OK Ok"
_NOT_NAMES = frozenset(_NOT_NAME_TEXT.split())

# What can open a quote, code or Slack link running across sentences; an apostrophe inside
# a word ("don't") cannot, so most drafts are read sentence by sentence.
_CROSSING = re.compile(r"[\"`\u201c<'\u2018](?<![\w\u2019']['\u2018])")  # see _OPENING_QUOTE
_COMPILED = tuple(
    (kind, re.compile(p, re.DOTALL), re.compile(needs) if needs else None)
    for kind, p, needs in _PATTERNS
)


@dataclass(frozen=True)
class Literal:
    kind: str
    start: int
    end: int
    text: str


def find(text: str, shouted: Iterable[tuple[int, int]] = ()) -> list[Literal]:
    """Every protected literal in text, non-overlapping, in order.

    `shouted` are spans detection calls shouting: capitals inside them are words said too
    loudly, not codes, unless a cue such as "code" or "promo" comes just before them.
    """
    taken: list[Literal] = []

    def add(kind: str, start: int, end: int) -> None:
        while end > start and text[end - 1] in ".,;:!?)\u2019'\"" and kind in ("url", "id"):
            if text[end - 1] == ")" and text[start:end].count("(") >= text[start:end].count(")"):
                break
            end -= 1
        if end <= start or any(start < t.end and t.start < end for t in taken):
            return
        taken.append(Literal(kind, start, end, text[start:end]))

    for kind, pattern, needs in _COMPILED:
        if needs is not None and not needs.search(text):
            continue
        for m in pattern.finditer(text):
            add(kind, m.start(), m.end())
    loud = tuple(shouted)
    for m in _CAPS_TOKEN.finditer(text):
        word = m.group()
        cue = _CODE_CUE.search(text, max(0, m.start() - 40), m.start())
        in_shout = any(a <= m.start() and m.end() <= b for a, b in loud)
        # a cue shouted along with the word ("PASSWORD WITH THE TEAM") cues nothing
        cued = cue is not None and not (in_shout and any(a <= cue.start() < b for a, b in loud))
        if len(word) > 1 and (cued or not in_shout):
            add("code", m.start(), m.end())
    for m in _CAPITALISED.finditer(text):
        _add_name(text, m, add, loud)
    return sorted(taken, key=lambda lit: lit.start)


def find_in(
    text: str, spans: Iterable[tuple[int, int]], shouted: Iterable[tuple[int, int]] = ()
) -> list[Literal]:
    """The literals of the given sentences only (what a rewrite may touch), offsets in text.

    A sentence read alone starts a sentence, as it does in the draft. A quotation or code
    block can run across sentences, so a draft with any of those is read whole.
    """
    return BySentence(text, shouted).of(list(spans))


class BySentence:
    """One draft's literals, each sentence read once and only when asked for (find_in)."""

    def __init__(self, text: str, shouted: Iterable[tuple[int, int]] = ()) -> None:
        self._text = text
        self._loud = tuple(shouted)
        self._whole = find(text, self._loud) if _CROSSING.search(text) else None
        self._memo: dict[tuple[int, int], list[Literal]] = {}

    def of(self, spans: list[tuple[int, int]]) -> list[Literal]:
        """The literals of these sentences; of every sentence when the draft is read whole."""
        if self._whole is not None:
            return list(self._whole)
        out: list[Literal] = []
        for span in spans:
            found = self._memo.get(span)
            if found is None:
                found = self._memo[span] = self._read(*span)
            out += found
        return out

    def _read(self, start: int, end: int) -> list[Literal]:
        local = [(a - start, b - start) for a, b in self._loud if start <= a and b <= end]
        return [
            Literal(lit.kind, lit.start + start, lit.end + start, lit.text)
            for lit in find(self._text[start:end], local)
        ]


def _add_name(
    text: str,
    m: re.Match[str],
    add: Callable[[str, int, int], None],
    loud: tuple[tuple[int, int], ...] = (),
) -> None:
    """Capitalised words not at a sentence start are names; at a start, only a run of two.
    A word all in capitals that detection calls shouting is no name ("Do NOT admit")."""
    words = m.group().split()
    start = m.start()
    at_start = _SENTENCE_BREAK.search(text, max(0, start - 4), start) is not None
    if at_start:
        if len(words) < 2:
            return
        start = m.start() + m.group().index(words[1], len(words[0]))
        words = words[1:]
    if all(w in _NOT_NAMES for w in words):
        return
    if words[0].isupper() and any(a <= start < b for a, b in loud):
        return
    add("name", start, m.end())


def counts(literals: Iterable[Literal]) -> Counter[str]:
    return Counter(lit.text for lit in literals)


def missing(draft_literals: Iterable[Literal], rewrite: str) -> list[str]:
    """The literals the rewrite lost or changed (each must occur as often as in the draft)."""
    return [text for text, count in counts(draft_literals).items() if rewrite.count(text) < count]


def overlaps(literals: Iterable[Literal], start: int, end: int) -> bool:
    return any(lit.start < end and start < lit.end for lit in literals)


def covers(literals: Iterable[Literal], start: int, end: int) -> bool:
    return any(lit.start <= start and end <= lit.end for lit in literals)
