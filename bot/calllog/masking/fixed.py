"""Sensitive data with a fixed shape: e-mail addresses, IBANs, card numbers, US social security
numbers and UK National Insurance numbers. Each is checked beyond its shape where it can be
(Luhn for cards, mod-97 for IBANs, the ranges issued for SSNs and NI numbers), so order
numbers and codes that merely look alike stay readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.calllog.masking.context import Cue, cue_before

# Letters in any script: "josé@exemple.fr" and "jo@exämple.de" are addresses too.
_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}")
# Runs of digit groups split by what people type inside a card number: one or two spaces, or a
# dash, dot or slash with a space either side at most. A run glued to a word or a dash is an
# identifier ("ORD-4111…", "1Z999AA1…") and is left alone.
_GAP = r"(?:[ \t\u00a0]{1,2}|[ \t\u00a0]?[-./_\u2010-\u2015][ \t\u00a0]?)"
_DIGIT_RUN = re.compile(rf"(?<![\w#-])\d+(?:{_GAP}\d+)*(?![\w-])")
_DIGITS = re.compile(r"\d+")
CARD_DIGITS = range(13, 20)
# Three digits, two, four: split by dashes, spaces or dots, in the ranges the SSA issues.
_SSN = re.compile(
    r"(?<![\w+-])(?!000|666|9\d\d)\d{3}(?P<sep>[- .]?)(?!00)\d{2}(?P=sep)"
    r"(?!0000)\d{4}(?![\w-])"
)
_DIGIT_GAP = re.compile(r"[\d+][ .]$")
_GAP_DIGIT = re.compile(r"[ .]\d")
# Nine bare digits are an SSN only when the words just before say so ("SSN 123456789").
_SSN_WORDS = re.compile(r"(?:\bssn|\bss#|social\s+security(?:\s+(?:number|no))?)\W{0,3}$", re.I)
# Two letters, two check digits, then 11 to 30 letters or digits, either unbroken or in the
# printed groups of four (split by spaces or dashes).
_IBAN = re.compile(
    r"(?<![\w-])[A-Z]{2}\d{2}"
    r"(?:[A-Z0-9]{11,30}|(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?)(?!\w)",
    re.IGNORECASE,
)
# UK National Insurance number: two letters (not D, F, I, Q, U or V first; not D, F, I, O, Q,
# U or V second; QQ is HMRC's example prefix and is masked too), six digits, maybe in pairs,
# and a final A to D.
_NINO = re.compile(
    r"(?<![\w-])(?!BG|GB|NK|KN|TN|NT|ZZ)(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)"
    r"[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?[A-D](?!\w)"
)
_NINO_WORDS = re.compile(r"(?:\bni|\bnino|national\s+insurance)\b", re.IGNORECASE)

Spans = Iterator[tuple[int, int]]


def email_spans(text: str) -> Spans:
    for match in _EMAIL.finditer(text):
        yield match.span()


def iban_spans(text: str) -> Spans:
    for match in _IBAN.finditer(text):
        yield from _first_valid(match, iban_valid, " -")


def card_spans(text: str) -> Spans:
    """Every stretch of digit groups that holds 13 to 19 digits and passes the Luhn check.

    Any such stretch inside a run counts, not only the whole run, so a card is found after
    another number ("qty 2 4111 1111 1111 1111"); stretches that overlap are masked as one.
    Cards are written in groups of three digits or more, perhaps ending in a shorter one, so
    a list of small numbers ("1 2 3 … 14") never adds up to one."""
    for run in _DIGIT_RUN.finditer(text):
        if _e164(text, run):
            continue
        groups = [
            (run.start() + g.start(), run.start() + g.end()) for g in _DIGITS.finditer(run.group())
        ]
        # "tracking 9400 1111 2222 3333 4444 55" holds a Luhn-valid stretch: after a reference
        # word, an evenly grouped run longer than any card is one reference. A run of card
        # length or shorter is searched as if no word stood before it: "order 1389 0000 0000
        # 0000 0" may be order 1389 and a 13-digit card, and a card must never be stored.
        named = cue_before(text, run.start()) is Cue.REFERENCE and _longer_than_a_card(groups)
        covered: list[tuple[int, int]] = []
        for first in range(len(groups)):
            digits = ""
            for last in range(first, len(groups)):
                group = text[groups[last][0] : groups[last][1]]
                digits += group
                part_of_reference = named and _long_group_beside(groups, first, last)
                if len(digits) in CARD_DIGITS and luhn_valid(digits) and not part_of_reference:
                    covered.append((groups[first][0], groups[last][1]))
                if len(digits) >= CARD_DIGITS.stop or len(group) < 3:
                    break  # a short group can only end a card ("4222 2222 2222 2")
        yield from merged(covered)


def _e164(text: str, run: re.Match[str]) -> bool:
    """ "+" and at most 15 digits unbroken ("+4915112345678"): a phone in E.164, left to the
    phone finder, not a card that happens to pass the Luhn check."""
    digits = run.group()
    return text[run.start() - 1 : run.start()] == "+" and digits.isdigit() and len(digits) <= 15


def _longer_than_a_card(groups: list[tuple[int, int]]) -> bool:
    """20 digits or more: the whole run cannot be one card number."""
    return sum(end - start for start, end in groups) >= CARD_DIGITS.stop


def _long_group_beside(groups: list[tuple[int, int]], first: int, last: int) -> bool:
    """The stretch is a piece of a longer number grouped evenly ("9400 1111 2222 3333 4444
    55"): its groups and a group beside it all have one length, bar a shorter final group of
    the whole run. A card written as one unbroken block is a card wherever it stands."""
    if first == last:
        return False
    lengths = [end - start for start, end in groups]
    size = lengths[first]
    inner = lengths[first : last + 1] if last + 1 < len(groups) else lengths[first:last]
    beside = [lengths[i] for i in (first - 1, last + 1) if 0 <= i < len(groups)]
    return all(length == size for length in inner) and size in beside


def ssn_spans(text: str) -> Spans:
    for match in _SSN.finditer(text):
        start, end = match.span()
        # Split by spaces or dots, the digits may be the middle of a phone ("+55 800 12 3456").
        inside_longer = match.group("sep") in " ." and (
            _DIGIT_GAP.match(text[max(0, start - 2) : start])
            or _GAP_DIGIT.match(text[end : end + 2])
        )
        named = _SSN_WORDS.search(text[:start])
        if (match.group("sep") and not inside_longer) or named:
            yield start, end


def nino_spans(text: str) -> Spans:
    """NI numbers, unless the word before calls the code a reference ("model AB123456C") and
    no nearby word says it is an NI number."""
    for match in _NINO.finditer(text):
        named = _NINO_WORDS.search(text[max(0, match.start() - 40) : match.start()])
        if named or cue_before(text, match.start()) is not Cue.REFERENCE:
            yield match.span()


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


def merged(spans: list[tuple[int, int]]) -> Spans:
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


def _first_valid(match: re.Match[str], valid: Callable[[str], bool], separators: str) -> Spans:
    """The longest valid part of the match that ends at a separator: a greedy match may have
    run on into the next word ("…7654 32 and")."""
    candidate = match.group()
    while candidate:
        if valid(candidate):
            yield match.start(), match.start() + len(candidate)
            return
        cut = max(candidate.rfind(sep) for sep in separators)
        candidate = candidate[:cut] if cut > 0 else ""
