"""The masker: every kind of sensitive data found in one pass over the original text, then
replaced by a tag. Built once from settings (which regions read national phone numbers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from bot.calllog.masking import fixed
from bot.calllog.masking.kept import blank_kept
from bot.calllog.masking.phones import phone_spans
from bot.calllog.masking.regions import DEFAULT_REGIONS, parse_regions

CARD = "card number"
EMAIL = "e-mail address"
PHONE = "phone number"
SSN = "social security number"
IBAN = "IBAN"
NINO = "National Insurance number"
# The order kinds are looked for in (an e-mail address may hold digits that look like a phone)
# and are reported in.
KINDS: tuple[str, ...] = (EMAIL, IBAN, CARD, SSN, NINO, PHONE)
TAGS = {
    EMAIL: "[email]",
    IBAN: "[iban]",
    CARD: "[card]",
    SSN: "[ssn]",
    NINO: "[ni number]",
    PHONE: "[phone]",
}


@dataclass(frozen=True)
class Found:
    kind: str
    start: int  # offsets in the text as given, before masking
    end: int


@dataclass(frozen=True)
class Masked:
    text: str
    kinds: tuple[str, ...]  # each kind found, once, in KINDS order
    found: tuple[Found, ...] = ()  # every item masked, in the order it appears

    @property
    def changed(self) -> bool:
        return bool(self.kinds)


Finder = Callable[[str, str], Iterable[tuple[int, int]]]


class Masker:
    """Replaces sensitive data by tags. `regions` read phone numbers written without a
    country code ("020 7946 0958" is a phone when GB is listed)."""

    def __init__(self, regions: Iterable[str] = DEFAULT_REGIONS) -> None:
        self.regions = parse_regions(",".join(regions))
        digits_kept = fixed.card_spans  # cards are read with dates and amounts blanked out
        self._finders: list[tuple[str, Finder]] = [
            (EMAIL, lambda text, _: fixed.email_spans(text)),
            (IBAN, lambda text, _: fixed.iban_spans(text)),
            (CARD, lambda _, searched: digits_kept(searched)),
            (SSN, lambda text, _: fixed.ssn_spans(text)),
            (NINO, lambda text, _: fixed.nino_spans(text)),
            (PHONE, lambda text, searched: phone_spans(text, searched, self.regions)),
        ]

    def mask(self, text: str) -> Masked:
        """Replace every sensitive item in `text` by its tag and say what was found."""
        found: list[Found] = []
        searched = blank_kept(text)
        for kind, finder in self._finders:
            # What an earlier kind took is blanked, so it is never read again as another.
            hidden = _blanked(text, found)
            spans = finder(hidden, _blanked(searched, found))
            found += [Found(kind, start, end) for start, end in spans if start < end]
        found.sort(key=lambda item: item.start)
        kinds = tuple(kind for kind in KINDS if any(item.kind == kind for item in found))
        return Masked(_replaced(text, found), kinds, tuple(found))


def describe(kinds: tuple[str, ...]) -> str:
    """ "a card number and an e-mail address" for telling the agent what was masked."""
    named = [f"an {kind}" if kind[0] in "aeiouIE" else f"a {kind}" for kind in kinds]
    if len(named) <= 1:
        return "".join(named)
    return ", ".join(named[:-1]) + " and " + named[-1]


def _blanked(text: str, found: list[Found]) -> str:
    for item in found:
        text = text[: item.start] + " " * (item.end - item.start) + text[item.end :]
    return text


def _replaced(text: str, found: list[Found]) -> str:
    parts: list[str] = []
    last = 0
    for item in _in_order(found):
        parts += [text[last : item.start], TAGS[item.kind]]
        last = item.end
    return "".join([*parts, text[last:]])


def _in_order(found: list[Found]) -> Iterator[Found]:
    end = 0
    for item in found:
        if item.start >= end:  # finders never overlap, as found items are blanked; be safe
            yield item
            end = item.end
