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

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# 13 to 19 digits, optionally split by single spaces or dashes, not glued to a word or to a
# longer code (so "ORD-4111…" or "1Z999AA1…" are never read as cards).
_CARD = re.compile(r"(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])")
_SSN = re.compile(r"(?<![\w-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\w-])")
# Two letters, two check digits, then 11 to 30 letters or digits, either unbroken or in the
# printed groups of four.
_IBAN = re.compile(
    r"(?<![\w-])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?!\w)",
    re.IGNORECASE,
)
# A bare run of digits right after one of these words is a reference, not a phone number:
# "order 2125550123". A formatted number ("312-555-0142") is still treated as a phone.
_REFERENCE_WORDS = frozenset(
    re.split(
        r"\s+",
        "order ord ref reference invoice inv ticket case tracking po confirmation booking id "
        "no number account acct transaction txn receipt item sku",
    )
)
_ATTACHED_PREFIX = re.compile(r"(?:#|[A-Za-z]{1,12}[-_/]?)$")
# Dates, times and amounts are never part of a card or phone number, however the digits line
# up: "$0.00 2000-01-01 2000" holds 16 digits that might pass the Luhn check.
_KEPT = re.compile(
    r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}"  # 2026-11-30
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"  # 11/30/2026, 30.11.2026
    r"|\d{1,2}:\d{2})(?!\d)"  # 10:00
    r"|[$£€¥₹]\s?\d[\d,]*(?:\.\d+)?"  # $45.20
    r"|(?<![\d.])\d[\d,]*\.\d{2}(?![\d.])"  # 45.20
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
        (CARD, lambda t: _outside(_card_spans(t), t)),
        (SSN, _regex_spans(_SSN)),
        (PHONE, lambda t: _outside(_phone_spans(t, region), t)),
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
    compact = candidate.replace(" ", "").upper()
    if not 15 <= len(compact) <= 34 or not compact.isalnum():
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(char, 36)) for char in rearranged)) % 97 == 1


def _outside(spans: Iterator[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """The spans that overlap no date, time or amount in `text`."""
    kept = [m.span() for m in _KEPT.finditer(text)]
    for span in spans:
        if not any(start < span[1] and span[0] < end for start, end in kept):
            yield span


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
    for match in _CARD.finditer(text):
        yield from _first_valid(match, _card_valid, " -")


def _card_valid(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    return 13 <= len(digits) <= 19 and luhn_valid(digits)


def _iban_spans(text: str) -> Iterator[tuple[int, int]]:
    for match in _IBAN.finditer(text):
        yield from _first_valid(match, iban_valid, " ")


def _first_valid(
    match: re.Match[str], valid: Callable[[str], bool], separators: str
) -> Iterator[tuple[int, int]]:
    """The longest valid part of the match that ends at a separator: a greedy match may have
    run on into the next number or word ("4111 1111 1111 1111 2026", "…7654 32 and")."""
    candidate = match.group()
    while candidate:
        if valid(candidate):
            yield match.start(), match.start() + len(candidate)
            return
        cut = max(candidate.rfind(sep) for sep in separators)
        candidate = candidate[:cut] if cut > 0 else ""


def _phone_spans(text: str, region: str) -> Iterator[tuple[int, int]]:
    for match in phonenumbers.PhoneNumberMatcher(text, region):
        before = text[: match.start]
        if _ATTACHED_PREFIX.search(before):
            continue  # "#2125550123", "ORD-2125550123": an identifier that happens to fit
        previous = before.split()[-1:] or [""]
        word = previous[0].strip(".:#").lower()
        if match.raw_string.isdigit() and word in _REFERENCE_WORDS:
            continue
        yield match.start, match.end
