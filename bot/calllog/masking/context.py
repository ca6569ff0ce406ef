"""What the words around a number say it is: a reference (order, ticket, invoice, tracking,
SKU, version…) that must stay readable, or a phone number.

Only the nearest word counts, after skipping filler ("order no. 123", "the tracking number
for the parcel is 123"), so a reference word further back ("Case notes: 07700 900123 is her
mobile") does not hide a phone.
"""

from __future__ import annotations

import re
from enum import Enum


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_REFERENCE_WORDS = _words(
    """
    order orders ord ref refs reference references invoice invoices inv ticket tickets case
    cases tracking track tracked consignment shipment parcel package awb waybill po
    confirmation booking bookings id account acct acc transaction txn receipt item items sku
    skus ean upc gtin part pn serial s/n sn imei model version ver build firmware release
    batch lot claim claims contract quote cn chargeback job rma
    incident inc request sr membership member loyalty voucher coupon promo licence license
    key store branch depot container asset room plan policy appointment apt rechnung
    bestellung commande facture pedido factura ordine fattura
    """
)
# Words that introduce a phone number: they let a shorter number count ("mobile 9876 5432").
_PHONE_WORDS = _words(
    """
    phone phoned phones telephone tel tel. ph mobile mob mob. m. cell cellphone landline call
    called calling ring rang ringing dial dialled dialed reach reached text texted sms
    whatsapp fax callback call-back contact portable handy móvil movil cellulare numéro
    """
)
_FILLER_WORDS = _words(
    """
    no no. nr nr. num num. number numbers # is was are were the a an for of her his their its
    my our your on at to as: is: from with and or & - – new old same given
    """
)
_WORD = re.compile(r"\S+")
# Glued on right before the digits: "ORD-", "#A-", "INV", "v", "#", "x" (a quantity).
_GLUED_PREFIX = re.compile(r"(?:[#№]|[^\W\d_][\w]*[-_/#.]?|[^\W\d_]{1,12}[-_/#.:]?)$")
_GLUED_PHONE_PREFIX = re.compile(r"(?:tel|ph|mob|cell|phone|m|t)[#:.]?$", re.IGNORECASE)
# Glued on right after: letters ("4471AB"), or a dash or slash and more ("2026-0314-A").
_GLUED_SUFFIX = re.compile(r"^(?:[^\W\d]|[-_/][^\W_])")


class Cue(Enum):
    NONE = "none"
    REFERENCE = "reference"  # named by a word: the whole run is the reference
    GLUED = "glued"  # glued to a prefix: the reference ends at the first space
    PHONE = "phone"


def cue_before(text: str, start: int) -> Cue:
    """What the nearest meaningful word (or glued prefix) before `start` calls the number."""
    before = text[:start]
    if before and not before[-1].isspace():
        if _GLUED_PHONE_PREFIX.search(before):
            return Cue.PHONE
        if _GLUED_PREFIX.search(before) or before[-1].isalnum():
            return Cue.GLUED
    for word in reversed(_WORD.findall(before[-80:])[-5:]):
        word = word.lower().strip(",;()[]\"'")
        bare = word.rstrip(":.#")
        if word in _FILLER_WORDS or bare in _FILLER_WORDS:
            continue
        if word in _PHONE_WORDS or bare in _PHONE_WORDS:
            return Cue.PHONE
        if word in _REFERENCE_WORDS or bare in _REFERENCE_WORDS:
            return Cue.REFERENCE
        return Cue.NONE
    return Cue.NONE


def glued_after(text: str, end: int) -> bool:
    """Letters or more code glued on after the digits: part of an identifier."""
    return bool(_GLUED_SUFFIX.match(text[end : end + 2]))


def reference_after(text: str, end: int) -> bool:
    """The next word names a reference: "the 4500012345 PO"."""
    following = _WORD.findall(text[end : end + 40])[:1]
    return bool(following) and following[0].lower().strip(",.;:") in _REFERENCE_WORDS
