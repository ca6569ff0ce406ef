"""Numbers written with their own country code ("+33612345678") are read by that code whatever
BOT_PHONE_REGIONS lists, and masked wherever they stand: before a word that would name a
reference ("+33612345678 id"), glued to a word, in brackets, in a Slack link, at the end."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bot.calllog.masking import PHONE, Masker

REGION_SETTINGS = [("US",), ("GB",), ("FR",), ("IN",), ("GB", "US", "DE", "FR", "IN", "AU")]
MASKERS = {regions: Masker(regions) for regions in REGION_SETTINGS}


@pytest.fixture(params=REGION_SETTINGS, ids=",".join)
def masker(request: pytest.FixtureRequest) -> Masker:
    return MASKERS[request.param]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (" +33612345678 id", " [phone] id"),
        ("+33612345678 id", "[phone] id"),
        ("call +33612345678 order", "call [phone] order"),
        ("+447700900123 ref", "[phone] ref"),
        ("+14155552671 ticket", "[phone] ticket"),
        ("+919876543210 case", "[phone] case"),
        ("+61412345678 account", "[phone] account"),
        ("+4915112345678 po", "[phone] po"),
        ("+8613800138000 id", "[phone] id"),
        ("+5511961234567 sku", "[phone] sku"),
        ("+33612345678 version 2", "[phone] version 2"),
        ("tel:+33612345678 id", "tel:[phone] id"),
        ("+33612345678\nid", "[phone]\nid"),
        ("+33612345678 and +447700900123 item", "[phone] and [phone] item"),
        ("+33612345678id", "[phone]id"),
        ("+33612345678.", "[phone]."),
        ("+33612345678, ok", "[phone], ok"),
        ("+33612345678", "[phone]"),
        ("(+33612345678)", "([phone])"),
        ("(+33612345678) id", "([phone]) id"),
        ("ring her (+33612345678).", "ring her ([phone])."),
        ("<tel:+33612345678|+33612345678> id", "<tel:[phone]|[phone]> id"),
        ("<tel:+33612345678|call her> id", "<tel:[phone]|call her> id"),
        ("order +33612345678 id", "order [phone] id"),
        ("ORD-2291 +33612345678 id", "ORD-2291 [phone] id"),
        ("+3545512345 id", "[phone] id"),
        ("+376312345 id", "[phone] id"),
    ],
)
def test_a_number_with_its_country_code_is_masked_wherever_it_stands(
    masker: Masker, text: str, masked: str
) -> None:
    result = masker.mask(text)
    assert result.text == masked
    assert result.kinds == (PHONE,)


@pytest.mark.parametrize(
    "text",
    [
        "order 1234567890 id",
        "ORD-2291-4471 id",
        "order no. 112 334 556 id",
        "$45.20 id",
        "€1.299,00 ref",
        "2026-11-30 id",
        "on 14/03/2026 at 10:30 id",
        "code 123456 id",
        "the 4500012345 PO",
        "score +15 points, +1500000 views",
        "version +2.4.1 id",
        "+20% off, +5 items",
    ],
)
def test_references_amounts_dates_and_codes_stay(masker: Masker, text: str) -> None:
    assert masker.mask(text).text == text


# Property: a valid number in E.164, from any country code, embedded in generated text.


def _example_numbers() -> list[str]:
    numbers = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE):
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None:
                numbers.append(phonenumbers.format_number(number, PhoneNumberFormat.E164))
    return sorted(set(numbers))


EXAMPLES = _example_numbers()
_CODES = sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)


@st.composite
def _generated_valid_numbers(draw: st.DrawFn) -> str:
    """A number phonenumbers calls valid: a country code and national digits of a length
    its plan allows, drawn until valid (most draws are)."""
    code = draw(st.sampled_from(_CODES))
    national = draw(st.text(alphabet="0123456789", min_size=4, max_size=15 - len(str(code))))
    candidate = f"+{code}{national}"
    parsed = phonenumbers.parse(candidate, None)
    if not phonenumbers.is_valid_number(parsed):
        # Fall back to the country's own example, so every draw yields a valid number.
        region = phonenumbers.region_code_for_country_code(code)
        example_number = phonenumbers.example_number(region)
        if example_number is None:
            return draw(st.sampled_from(EXAMPLES))
        return phonenumbers.format_number(example_number, PhoneNumberFormat.E164)
    return candidate


e164_numbers = st.sampled_from(EXAMPLES) | _generated_valid_numbers()
# Words around it, including the ones that name references when next to a bare number.
_REFERENCE_WORDS = ["id", "ID", "order", "ref", "ticket", "case", "po", "sku", "account", "item"]
_OTHER_WORDS = ["no.", "number", "call", "mobile", "tel", "the", "customer", "said", "version"]
_PUNCTUATION = ["and", "or", "#", "-", "–", ":", ",", ".", "!", "?"]
_NEARBY_WORDS = _REFERENCE_WORDS + _OTHER_WORDS + _PUNCTUATION
_word = st.sampled_from(_NEARBY_WORDS) | st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzé", min_size=1, max_size=8
)
_words = st.lists(_word, max_size=5).map(" ".join)
# What stands right before and after the number: spaces, punctuation, brackets, a line break,
# a Slack link, or nothing at all (the start or end of the text).
_left = st.sampled_from(["", " ", "\n", "(", " (", ": ", " tel:", " <tel:", "\t", '"', "["])
_right = st.sampled_from(["", " ", "\n", ")", ").", ".", ",", ";", "!", "?", ":", '"', "|x>", ">"])


@given(e164_numbers, _words, _left, _right, _words, st.sampled_from(REGION_SETTINGS))
@example("+33612345678", "", " ", " ", "id", ("US",))
@example("+33612345678", "", " ", " ", "id", ("FR",))
def test_a_generated_e164_number_in_generated_text_is_always_masked(
    number: str, before: str, left: str, right: str, after: str, regions: tuple[str, ...]
) -> None:
    prefix = before + (" " if before and left in ("", "(", '"', "[") else "") + left
    text = prefix + number + right + (" " if right and after else "") + after
    result = MASKERS[regions].mask(text)
    start, end = len(prefix), len(prefix) + len(number)
    assert any(
        item.kind == PHONE and item.start <= start and item.end >= end for item in result.found
    ), (text, result.text)
    assert number[1:] not in result.text
