"""Masking by region (issue 16, items 6-7): national numbers read by BOT_PHONE_REGIONS, and
any phone-shaped run of nine digits or more masked whatever the regions."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from bot.calllog.masking import (
    PHONE,
    Masker,
    RegionError,
    parse_regions,
    regions_for_timezone,
)
from bot.calllog.masking.context import Cue, cue_before
from bot.config import ConfigError, load_settings

ALL = Masker(("GB", "US", "DE", "FR", "IN", "AU", "NL", "ES", "IT"))
US_ONLY = Masker(("US",))

PHONES = [
    # UK
    "020 7946 0958",
    "07700 900123",
    "+44 20 7946 0958",
    "(020) 7946 0958",
    "+44 (0)20 7946 0958",
    "0044 7700 900123",
    "07700900123",
    # Germany, France, the Netherlands, Spain, Italy
    "030 12345678",
    "+49 30 12345678",
    "040 / 123 456 78",
    "01 23 45 67 89",
    "+33 1 23 45 67 89",
    "06.12.34.56.78",
    "020-123 4567",
    "+31 6 12345678",
    "912 345 678",
    "+34 612 345 678",
    "06 1234 5678",
    "+39 347 123 4567",
    # India
    "+91 98765 43210",
    "098765 43210",
    "98765-43210",
    "+91-99887-76655",
    # Australia
    "02 9876 5432",
    "0412 345 678",
    "+61 412 345 678",
    "(03) 9123 4567",
    # US and Canada
    "(312) 555-0142",
    "312-555-0142",
    "312.555.0142",
    "312 555 0142",
    "3125550142",
    "1-800-555-0199",
    "+1 (416) 555-0123",
    "+1.312.555.0142",
    "1 (800) 555-0111",
]


@pytest.mark.parametrize("number", PHONES)
@pytest.mark.parametrize("masker", [ALL, US_ONLY], ids=["listed", "US only"])
def test_phone_formats_are_masked_whichever_regions_are_listed(number: str, masker: Masker) -> None:
    result = masker.mask(f"Customer rang from {number} about the refund.")
    assert result.text == "Customer rang from [phone] about the refund."
    assert result.kinds == (PHONE,)


@pytest.mark.parametrize(
    "text",
    [
        "order ORD-2291-4471 and #A-448821 are late",
        "order no. 112 334 556 and order 4481-2290-1187",
        "ticket # 4471 2290 118 reopened",
        "tracking 9400 1111 2222 3333 4444 55 shows delivered",
        "FedEx tracking number for the parcel is 7489 4561 2345",
        "invoice INV-2026-00412, invoice no. 554 221 009",
        "SKU 100-200-3004, part no. 12-3456-789",
        "app version 10.4.12.3345 on firmware 3.2.1",
        "ZIP 60601-1234 and postcode SW1A 1AA",
        "charged €1.299,00 and £1,204.99 on 14/03/2026 at 10:30",
        "orders 1234567890 and 1234567891 were merged",
        "the 4500012345 PO is approved",
        "router at 192.168.100.200 rebooted",
        "short 555-0142 without an area code",
    ],
)
def test_references_and_look_alikes_stay(text: str) -> None:
    assert ALL.mask(text).text == text
    assert US_ONLY.mask(text).text == text


def test_a_phone_after_a_reference_is_still_masked() -> None:
    text = "ORD-55190 07700 900123, ticket #4471: 020 7946 0958"
    assert US_ONLY.mask(text).text == "ORD-55190 [phone], ticket #4471: [phone]"


def test_a_word_that_names_a_phone_lets_a_shorter_number_count() -> None:
    assert US_ONLY.mask("mobile 9876 5432").text == "mobile [phone]"
    assert US_ONLY.mask("bay 9876 5432").text == "bay 9876 5432"


def test_an_extension_goes_with_its_number() -> None:
    assert US_ONLY.mask("office 312-555-0182 x 204").text == "office [phone]"


def test_two_numbers_written_back_to_back_are_both_masked() -> None:
    assert US_ONLY.mask("tried 0412 987 654 02 9123 4567").text == "tried [phone] [phone]"


def test_found_items_carry_their_kind_and_place() -> None:
    text = "mail a@b.io or ring 020 7946 0958"
    found = ALL.mask(text).found
    assert [(f.kind, text[f.start : f.end]) for f in found] == [
        ("e-mail address", "a@b.io"),
        (PHONE, "020 7946 0958"),
    ]


def test_regions_are_parsed_and_checked() -> None:
    assert parse_regions("gb, US,gb") == ("GB", "US")
    assert parse_regions("UK") == ("GB",)
    with pytest.raises(RegionError):
        parse_regions("XX")
    with pytest.raises(RegionError):
        parse_regions(" , ")


def test_the_default_follows_the_team_time_zone() -> None:
    assert regions_for_timezone("UTC") == ("US",)
    london = regions_for_timezone("Europe/London")
    assert london in {("GB", "US"), ("US",)}  # ("US",) only where no zone table is installed


def test_the_setting_is_read_and_a_bad_value_named() -> None:
    assert load_settings({"BOT_PHONE_REGIONS": "GB,IN"}).phone_regions == ("GB", "IN")
    assert load_settings({}).phone_regions == ("US",)
    with pytest.raises(ConfigError, match="BOT_PHONE_REGIONS"):
        load_settings({"BOT_PHONE_REGIONS": "England"})


# Property tests: phonenumbers' own example numbers, in every format, in random text.
REGIONS = ("GB", "US", "DE", "FR", "IN", "AU")
TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE)
FORMATS = (PhoneNumberFormat.NATIONAL, PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.E164)
EXAMPLES = [
    (region, phonenumbers.format_number(number, fmt))
    for region in REGIONS
    for kind in TYPES
    if (number := phonenumbers.example_number_for_type(region, kind)) is not None
    for fmt in FORMATS
]
words = st.lists(
    st.sampled_from(["call", "back", "on", "the", "customer", "said", "refund", "late", ",", "."])
    | st.text(alphabet="abcdefghij ,.!?", max_size=8),
    max_size=5,
).map(" ".join)


@given(st.sampled_from(EXAMPLES), words, words)
def test_example_numbers_of_listed_regions_are_masked_anywhere(
    example: tuple[str, str], before: str, after: str
) -> None:
    region, number = example
    # The documented exception: a national number named by the word before it ("id 0121 234
    # 5678") is a reference; one written with "+" never is.
    named = cue_before(f"{before} ", len(before) + 1) is Cue.REFERENCE
    assume(number.startswith("+") or not named)
    masked = Masker((region,)).mask(f"{before} {number} {after}")
    assert number not in masked.text
    assert not any(char.isdigit() for char in masked.text)


@given(st.text(max_size=200), st.sampled_from([("US",), ("GB", "IN"), REGIONS]))
def test_masking_never_crashes_and_is_idempotent(text: str, regions: tuple[str, ...]) -> None:
    masker = Masker(regions)
    once = masker.mask(text)
    assert masker.mask(once.text).text == once.text
