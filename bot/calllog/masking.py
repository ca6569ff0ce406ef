"""Keeps sensitive data out of storage: card numbers, e-mail addresses, phone numbers, US social
security numbers and IBANs are replaced by a tag before a call is saved.

Each kind is checked beyond its shape where it can be (Luhn for cards, mod-97 for IBANs, valid
ranges for SSNs, the phonenumbers library's numbering plans for phones), so order numbers,
dates, amounts and tracking numbers stay readable for the managers who coach from the notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import phonenumbers

CARD = "card number"
EMAIL = "e-mail address"
PHONE = "phone number"
SSN = "social security number"
IBAN = "IBAN"
KINDS: tuple[str, ...] = (EMAIL, IBAN, CARD, SSN, PHONE)

_TAGS = {EMAIL: "[email]", IBAN: "[iban]", CARD: "[card]", SSN: "[ssn]", PHONE: "[phone]"}

# Phone numbers without a country code are read as this region's.
DEFAULT_REGION = "US"

# Letters in any script: "josé@exemple.fr" and "jo@exämple.de" are addresses too.
_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# Runs of digit groups split by what people type inside a card number: one or two spaces, or a
# dash or dot with a space either side at most. A run glued to a word or a dash is an
# identifier ("ORD-4111…", "1Z999AA1…") and is left alone.
_GAP = r"(?:[ \t\u00a0]{1,2}|[ \t\u00a0]?[-.][ \t\u00a0]?)"
_DIGIT_RUN = re.compile(rf"(?<![\w-])\d+(?:{_GAP}\d+)*(?![\w-])")
_DIGITS = re.compile(r"\d+")
CARD_DIGITS = range(13, 20)
# Three digits, two, four: split by dashes, spaces or dots, in the ranges the SSA issues.
_SSN = re.compile(
    r"(?<![\w-])(?!000|666|9\d\d)\d{3}(?P<sep>[- .]?)(?!00)\d{2}(?P=sep)(?!0000)\d{4}(?![\w-])"
)
# Nine bare digits are an SSN only when the words just before say so ("SSN 123456789").
_SSN_WORDS = re.compile(r"(?:\bssn|\bss#|social\s+security(?:\s+(?:number|no))?)\W{0,3}$", re.I)
# Two letters, two check digits, then 11 to 30 letters or digits, either unbroken or in the
# printed groups of four (split by spaces or dashes).
_IBAN = re.compile(
    r"(?<![\w-])[A-Z]{2}\d{2}"
    r"(?:[A-Z0-9]{11,30}|(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?)(?!\w)",
    re.IGNORECASE,
)
# A bare run of digits right after one of these words is a reference, not a phone number:
# "order 2125550123", "ticket no. 2125550123". A formatted number ("312-555-0142") is still
# treated as a phone.
_REFERENCE_WORDS = frozenset(
    re.split(
        r"\s+",
        "order ord ref reference invoice inv ticket case tracking po confirmation booking id "
        "account acct transaction txn receipt item sku",
    )
)
# Skipped when looking for the word that says what a number is: "phone number 312…" is a
# phone, "order number 212…" a reference.
_FILLER_WORDS = frozenset(("no", "nr", "num", "number", "is", "was", "#"))
# A stretch that may hold a phone number; where in it a phone may start; and how much of it
# is read at a time (the longest international format, with room to spare).
_PHONE_RUN = re.compile(r"\+?\(?\d[\d ().\-\u00a0]*\d")
_PHONE_START = re.compile(r"[+(]")
_PHONE_WINDOW = 40
_PHONE_RETRIES = 60
_PHONE_MIN_DIGITS = 7
_ATTACHED_PREFIX = re.compile(r"(?:#|[A-Za-z]{1,12}[-_/]?)$")
# Dates, times and amounts are never part of a card or phone number, however the digits line
# up: "$0.00 2000-01-01 2000" holds 16 digits that might pass the Luhn check. They are blanked
# out before looking for cards and phones, so a card right after a date is still found.
# An amount has at most nine digits before the point and is not followed by more digit
# groups, so "$ 4111 1111 1111 1111" is not taken for an amount with a card hidden behind it.
_AMOUNT = r"(?:\d{1,3}(?:,\d{3})+|\d{1,9})"
_AMOUNT_END = r"(?![\d,]|\.\d|[ \t\u00a0-]{1,3}\d)"
_KEPT = re.compile(
    r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}"  # 2026-11-30
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"  # 11/30/2026, 30.11.2026
    r"|\d{1,2}:\d{2})(?!\d)"  # 10:00
    rf"|[$£€¥₹]\s?{_AMOUNT}(?:\.\d{{1,2}})?{_AMOUNT_END}"  # $45.20, £1,204.99
    rf"|(?<![\d.,]){_AMOUNT}\.\d{{2}}{_AMOUNT_END}"  # 45.20
)


@dataclass(frozen=True)
class Masked:
    text: str
    kinds: tuple[str, ...]  # each kind found, once, in KINDS order

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


def mask(text: str, region: str = DEFAULT_REGION) -> Masked:
    """Replace every sensitive item in `text` by its tag and say which kinds were found."""
    found: list[str] = []
    finders: list[tuple[str, Callable[[str], Iterator[tuple[int, int]]]]] = [
        (EMAIL, _regex_spans(_EMAIL)),
        (IBAN, _iban_spans),
        (CARD, _card_spans),
        (SSN, _ssn_spans),
        (PHONE, lambda t: _phone_spans(t, region)),
    ]
    for kind, finder in finders:
        spans = list(finder(text))
        if spans:
            found.append(kind)
            text = _replace(text, spans, _TAGS[kind])
    return Masked(text, tuple(found))


def describe(kinds: tuple[str, ...]) -> str:
    """ "a card number and an e-mail address" for telling the agent what was masked."""
    named = [f"an {kind}" if kind[0] in "aeiouIE" else f"a {kind}" for kind in kinds]
    if len(named) <= 1:
        return "".join(named)
    return ", ".join(named[:-1]) + " and " + named[-1]


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def iban_valid(candidate: str) -> bool:
    compact = re.sub(r"[ -]", "", candidate).upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _blank_kept(text: str) -> str:
    """`text` with dates, times and amounts replaced by spaces, keeping every offset."""
    return _KEPT.sub(lambda m: " " * len(m.group()), text)


def _replace(text: str, spans: list[tuple[int, int]], tag: str) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + tag + text[end:]
    return text


def _regex_spans(pattern: re.Pattern[str]) -> Callable[[str], Iterator[tuple[int, int]]]:
    def spans(text: str) -> Iterator[tuple[int, int]]:
        for match in pattern.finditer(text):
            yield match.span()

    return spans


def _card_spans(text: str) -> Iterator[tuple[int, int]]:
    """Every stretch of digit groups that holds 13 to 19 digits and passes the Luhn check.

    Any such stretch inside a run counts, not only the whole run, so a card is found after
    another number ("qty 2 4111 1111 1111 1111"); stretches that overlap are masked as one.
    Cards are written in groups of three digits or more, perhaps ending in a shorter one, so
    a list of small numbers ("1 2 3 … 14") never adds up to one."""
    for run in _DIGIT_RUN.finditer(_blank_kept(text)):
        groups = [
            (run.start() + g.start(), run.start() + g.end()) for g in _DIGITS.finditer(run.group())
        ]
        covered: list[tuple[int, int]] = []
        for first in range(len(groups)):
            digits = ""
            for last in range(first, len(groups)):
                group = text[groups[last][0] : groups[last][1]]
                digits += group
                if len(digits) in CARD_DIGITS and luhn_valid(digits):
                    covered.append((groups[first][0], groups[last][1]))
                if len(digits) >= CARD_DIGITS.stop or len(group) < 3:
                    break  # a short group can only end a card ("4222 2222 2222 2")
        yield from _merged(covered)


def _merged(spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Overlapping spans joined, in order."""
    current: tuple[int, int] | None = None
    for start, end in sorted(spans):
        if current is not None and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            yield current
        current = (start, end)
    if current is not None:
        yield current


def _ssn_spans(text: str) -> Iterator[tuple[int, int]]:
    for match in _SSN.finditer(text):
        if match.group("sep") or _SSN_WORDS.search(text[: match.start()]):
            yield match.span()


def _iban_spans(text: str) -> Iterator[tuple[int, int]]:
    for match in _IBAN.finditer(text):
        yield from _first_valid(match, iban_valid, " -")


def _first_valid(
    match: re.Match[str], valid: Callable[[str], bool], separators: str
) -> Iterator[tuple[int, int]]:
    """The longest valid part of the match that ends at a separator: a greedy match may have
    run on into the next word ("…7654 32 and")."""
    candidate = match.group()
    while candidate:
        if valid(candidate):
            yield match.start(), match.start() + len(candidate)
            return
        cut = max(candidate.rfind(sep) for sep in separators)
        candidate = candidate[:cut] if cut > 0 else ""


def _phone_spans(text: str, region: str) -> Iterator[tuple[int, int]]:
    for start, end in _phone_matches(_blank_kept(text), region):
        before = text[:start]
        # A bare run of digits may be an identifier that happens to fit: "#2125550123",
        # "ORD-2125550123", "order 2125550123". A formatted number is always a phone.
        bare = text[start:end].isdigit()
        if bare and (_ATTACHED_PREFIX.search(before) or _named_as_reference(before)):
            continue
        yield start, end


def _phone_matches(text: str, region: str) -> list[tuple[int, int]]:
    """What the phonenumbers matcher finds, and what it misses when other numbers follow the
    phone after a space ("(312) 555-0142 2 times"): the matcher then reads them as one
    number, finds it invalid and gives up. Such a stretch is read again from its start, and
    from each "(" or "+" in it, a window at a time, dropping the last word until a phone is
    found. The retries are capped, so a long list of numbers stays quick to mask."""
    found = [(m.start, m.end) for m in phonenumbers.PhoneNumberMatcher(text, region)]
    budget = [_PHONE_RETRIES]
    for run in _PHONE_RUN.finditer(text):
        if sum(char.isdigit() for char in run.group()) < _PHONE_MIN_DIGITS:
            continue
        inner = _PHONE_START.finditer(run.group(), 1)
        for start in [run.start(), *(run.start() + m.start() for m in inner)]:
            if any(begin <= start < end for begin, end in found):
                continue
            # Up to the window's size, and never into a phone already found.
            end = min([run.end(), start + _PHONE_WINDOW, *(b for b, _ in found if b > start)])
            span = _phone_in_window(text[start:end], region, budget)
            if span is not None:
                found.append((start + span[0], start + span[1]))
    return found


def _phone_in_window(window: str, region: str, budget: list[int]) -> tuple[int, int] | None:
    while budget[0] > 0 and window.strip():
        budget[0] -= 1
        match = next(iter(phonenumbers.PhoneNumberMatcher(window, region)), None)
        if match is not None and _grouped_like_a_phone(match.raw_string):
            return match.start, match.end
        cut = window.rstrip().rfind(" ")
        window = window[:cut] if cut > 0 else ""
    return None


def _grouped_like_a_phone(raw: str) -> bool:
    """After an optional country code, no one-digit groups: "1 2 3 4 5 6 7 8 9 10" is a
    list that the matcher would read as +1 234 567 8910."""
    return all(sum(char.isdigit() for char in group) > 1 for group in raw.split()[1:])


def _named_as_reference(before: str) -> bool:
    """The words before a number call it a reference: "order 212…", "ticket no. 212…"."""
    for word in reversed(before.split()[-3:]):
        word = word.strip(".:#,").lower()
        if word and word not in _FILLER_WORDS:
            return word in _REFERENCE_WORDS
    return False
