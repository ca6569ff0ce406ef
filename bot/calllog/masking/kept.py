"""Numbers that are never part of a card or phone number, however their digits line up:
dates, times, amounts, US ZIP+4 codes and IPv4 addresses. They are blanked out (offsets kept)
before cards and phones are looked for, so "$0.00 2000-01-01 2000" is not read as 16 digits
that might pass the Luhn check, and a phone right after a date is still found.
"""

from __future__ import annotations

import re

# A date or time only when no further digit group is glued on: "01.23.45.67.89" is a French
# phone number, not the date 01.23.45 followed by more digits; nor after a group of three
# digits or more: "+375 152 45-09-11" is a phone.
_ALONE_BEFORE = r"(?<![\d.,/-])"
_NOT_AFTER_A_GROUP = r"(?<!\d{3}[ )])"
_ALONE_AFTER = r"(?![.,/-]?\d)"
_DATE_OR_TIME = (
    rf"{_ALONE_BEFORE}(?:"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 2026-11-30, 2026/11/30
    rf"|{_NOT_AFTER_A_GROUP}\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})"  # 11/30/2026, 30.11.26
    r"|\d{1,2}:\d{2}(?::\d{2})?"  # 10:00, 10:00:30
    rf"){_ALONE_AFTER}"
)
# An amount: a currency sign or code before or after, digits grouped in thousands (or lakhs)
# with commas, dots or spaces, and perhaps two decimals. At most nine digits before the
# point, and no further digit groups after it, so "$ 4111 1111 1111 1111" stays a card.
_CURRENCY = r"(?:[$£€¥₹]|(?:A|C|NZ|US)\$|(?:USD|GBP|EUR|INR|AUD|CAD|Rs\.?)\b)"
_GROUPED = r"\d{1,3}(?:(?P<g>[,.\u00a0 ])\d{2,3})(?:(?P=g)\d{2,3})*"
_NUMBER = rf"(?:{_GROUPED}|\d{{1,9}})(?:[.,]\d{{1,2}})?"
_AMOUNT_END = r"(?![\d,]|\.\d|[ \t\u00a0-]{1,3}\d)"
_AMOUNT = (
    rf"{_CURRENCY}[ \u00a0]?{_NUMBER}{_AMOUNT_END}"
    # (never the last group of a phone: "(312) 555-0142 $", "+1 312 555 0142 $")
    rf"|(?<![\d.,])(?<!\d[ \u00a0-]){_NUMBER.replace('?P<g>', '?P<h>').replace('?P=g', '?P=h')}"
    rf"[ \u00a0]?(?:[€£$₹]|EUR|GBP|USD|INR)(?!\w)"
    r"|(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,9})\.\d{2}(?![\d,]|\.\d|[ \t\u00a0-]{1,3}\d)"
)
_ZIP_PLUS_FOUR = r"(?<![\d-])(?<!\d[ )])\d{5}-\d{4}(?![\d-])"  # not "(11) 96123-4567"
_IPV4 = r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
KEPT = re.compile(f"{_DATE_OR_TIME}|{_AMOUNT}|{_ZIP_PLUS_FOUR}|{_IPV4}")


def blank_kept(text: str) -> str:
    """`text` with dates, times, amounts, ZIP+4 codes and IP addresses replaced by spaces."""
    return KEPT.sub(lambda m: " " * len(m.group()), text)
