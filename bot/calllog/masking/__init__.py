"""Keeps sensitive data out of storage: e-mail addresses, IBANs, card numbers, US social
security numbers, UK National Insurance numbers and phone numbers are replaced by a tag before
a call is saved, while order numbers, dates, amounts and tracking numbers stay readable for the
managers who coach from the notes.

`Masker(regions)` is built once from `BOT_PHONE_REGIONS`; `mask(text)` uses the default (US).
"""

from __future__ import annotations

from functools import cache

from bot.calllog.masking.fixed import iban_valid, luhn_valid
from bot.calllog.masking.masker import (
    CARD,
    EMAIL,
    IBAN,
    KINDS,
    NINO,
    PHONE,
    SSN,
    TAGS,
    Found,
    Masked,
    Masker,
    describe,
)
from bot.calllog.masking.regions import (
    DEFAULT_REGIONS,
    RegionError,
    parse_regions,
    regions_for_timezone,
)

__all__ = [
    "CARD",
    "DEFAULT_REGIONS",
    "EMAIL",
    "IBAN",
    "KINDS",
    "NINO",
    "PHONE",
    "SSN",
    "TAGS",
    "Found",
    "Masked",
    "Masker",
    "RegionError",
    "describe",
    "iban_valid",
    "luhn_valid",
    "mask",
    "masker_for",
    "parse_regions",
    "regions_for_timezone",
]


@cache
def masker_for(regions: tuple[str, ...] = DEFAULT_REGIONS) -> Masker:
    """One masker per set of regions, built on first use and shared."""
    return Masker(regions)


def mask(text: str, regions: tuple[str, ...] = DEFAULT_REGIONS) -> Masked:
    return masker_for(regions).mask(text)
