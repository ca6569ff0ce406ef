"""Phone numbers in any format, found two ways.

1. Read by the numbering plans of the configured regions (phonenumbers): "020 7946 0958" is a
   phone when GB is listed, "(312) 555-0142" when US is; a number written with "+" or "00" is
   read by its own country code whatever is listed.
2. Read by shape alone: a run of 9 to 15 digits split by what people type inside phone numbers
   (spaces, dashes, dots, slashes, parentheses, a leading "+") is a possible phone in some
   country, so it is masked even when no listed region recognises it. So is an unbroken run of
   10 to 15 digits, which no date, amount or short code fills.

Either way a number is left alone when it is a reference: glued to letters or a prefix
("ORD-2291-4471", "#A-448821"), named by the word before it ("order no. 112 334 556",
"tracking 9400 1111 2222 3333") or after it, or listed after such a reference. A number
written with "+" is never a reference, whatever the words around it ("+33612345678 id"):
nobody writes an order or ticket number with a leading "+", so the "+" outweighs them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers

from bot.calllog.masking.context import Cue, cue_before, glued_after, reference_after

# Between digit groups: one or two spaces, a dash, dot or slash with a space either side at
# most, or parentheses around an area code or the "(0)" of "+44 (0)20…".
_SPACE = r"[ \t\u00a0]"
_GAP = (
    rf"(?:{_SPACE}{{0,2}}[-./\u2010-\u2015]{_SPACE}{{0,2}}"
    rf"|{_SPACE}?\){_SPACE}?\(?{_SPACE}?|{_SPACE}?\({_SPACE}?|{_SPACE}{{1,2}})"
)
_RUN = re.compile(rf"(?:\+{_SPACE}?|\({_SPACE}?)?\d+(?:{_GAP}\d+)*\)?")
_GROUP = re.compile(r"\d+")
_EXTENSION = re.compile(rf"{_SPACE}*(?:x|ext\.?|extension){_SPACE}*\d{{1,5}}\b", re.IGNORECASE)
# After a reference, only "and", "or", commas and the like before the next number: it is the
# next item of the same list ("orders 1234567890 and 1234567891").
_LIST_JOIN = re.compile(r"^[\s#]*(?:[,;&/]|and|or)[\s#]*$", re.IGNORECASE)
# A gap that may separate two numbers rather than two groups of one: " / ", " - ", two spaces.
_STRONG_GAP = re.compile(rf"{_SPACE}[-/\u2010-\u2015]{_SPACE}|{_SPACE}{{2}}")

MIN_DIGITS = 9  # fewer than this is a phone only when a word says so ("mobile 9876 5432")
MIN_DIGITS_NAMED = 7
MAX_DIGITS = 15  # E.164's longest
MIN_BARE_DIGITS = 10  # nine bare digits are too often an order number or an SSN
MAX_GROUPS_IN_A_PHONE = 6  # "+33 6 12 34 56 78" has the most
MAX_GROUPS = 12  # how many digit groups are tried together, so long lists stay quick


@dataclass(frozen=True)
class _Run:
    start: int
    end: int
    groups: list[tuple[int, int]]  # digit groups, absolute offsets
    cue: Cue


def phone_spans(text: str, searched: str, regions: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Spans of phone numbers in `text`. `searched` is `text` with what must not be read as
    part of a phone (dates, amounts, items already masked) blanked out, offsets kept."""
    previous_reference_end = -1
    for match in _RUN.finditer(searched):
        run = _read_run(text, match, previous_reference_end)
        if run is None:
            previous_reference_end = match.end()
            continue
        for start, end in _phones_in_run(text, run, regions):
            if text[start] == "(" and ")" not in text[start:end]:
                start += 1  # "(+33612345678)": the brackets are the sentence's
            extension = _EXTENSION.match(text, end)
            yield start, extension.end() if extension else end


def _read_run(text: str, match: re.Match[str], previous_reference_end: int) -> _Run | None:
    """The run with the cue before it; None when the whole run is a reference."""
    start, end = match.span()
    if text[end - 1] == ")" and "(" not in match.group():
        end -= 1  # a closing bracket of the sentence, not of an area code
    groups = [(start + g.start(), start + g.end()) for g in _GROUP.finditer(text[start:end])]
    if text[start] == "+":
        # With its country code it is a phone whatever stands around it: "+33612345678 id",
        # "order +33612345678", "…678id"; only a word naming a phone changes how it is read.
        named = cue_before(text, start) is Cue.PHONE
        return _Run(start, end, groups, Cue.PHONE if named else Cue.NONE)
    if glued_after(text, end):  # "… 1Z999AA1": the identifier starts at the last space
        spaced = [
            i for i, g in enumerate(groups[1:], 1) if _has_space(text[groups[i - 1][1] : g[0]])
        ]
        if not spaced:
            return None
        groups = groups[: spaced[-1]]
        end = groups[-1][1]
    # Only a bare number is named by the word after it: "the 4500012345 PO".
    if len(groups) == 1 and reference_after(text, end):
        return None
    if previous_reference_end >= 0 and _LIST_JOIN.match(text[previous_reference_end:start]):
        return None
    cue = cue_before(text, start)
    if text[start] == "(" and cue is Cue.GLUED:
        cue = Cue.NONE  # "Jo(312) 555-0142": an opening bracket starts a new number
    if cue is Cue.GLUED:  # "#A-448821 07700 900123": the reference ends at the first space
        spaced = [
            i for i, g in enumerate(groups[1:], 1) if _has_space(text[groups[i - 1][1] : g[0]])
        ]
        if not spaced:
            return None
        groups = groups[spaced[0] :]
        start, cue = _group_start(text, groups[0][0]), Cue.NONE
    # A reference never opens with "(" or "+": "order (312) 555-0142" is a phone after all.
    if cue is Cue.REFERENCE and not any(_opens_number(text, g) for g in groups):
        return None
    return _Run(start, end, groups, cue)


def _phones_in_run(text: str, run: _Run, regions: tuple[str, ...]) -> list[tuple[int, int]]:
    """From each group on: the longest number a region's plan recognises; failing that, the
    rest of the run if it is shaped like a phone; failing that, on from the next group."""
    found: list[tuple[int, int]] = []
    for part in _split_if_too_long(text, run.groups):
        i = 0
        while i < len(part):
            if run.cue is Cue.REFERENCE and not _opens_number(text, part[i]):
                i += 1  # after "order": only a number starting with "(" or "+" may follow
                continue
            last = _longest_valid(text, part, i, run.cue, regions)
            if last is None and (i == 0 or _opens_number(text, part[i])):
                last = _shaped_like_a_phone(text, part[i:], run.cue)
            if last is None:
                i += 1
                continue
            found.append((_group_start(text, part[i][0]), part[last][1]))
            i = last + 1
    return found


def _has_space(gap: str) -> bool:
    return any(char.isspace() for char in gap)


def _opens_number(text: str, group: tuple[int, int]) -> bool:
    return text[group[0] - 1 : group[0]] in ("(", "+")


def _longest_valid(
    text: str, groups: list[tuple[int, int]], i: int, cue: Cue, regions: tuple[str, ...]
) -> int | None:
    start = _group_start(text, groups[i][0])
    for last in range(min(len(groups), i + MAX_GROUPS) - 1, i - 1, -1):
        candidate = text[start : groups[last][1]]
        digits = _digit_count(candidate)
        if digits > MAX_DIGITS + 2 or not _grouped_like_a_phone(text, groups[i : last + 1]):
            continue
        least = MIN_DIGITS_NAMED if cue is Cue.PHONE else MIN_DIGITS
        if digits >= least and _valid_in_any(candidate, regions):
            return last
        if digits >= MIN_DIGITS_NAMED and _valid_with_country_code(candidate):
            return last  # a short plan's number in full, such as Iceland's "+354 551 2345"
    return None


def _split_if_too_long(text: str, part: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A part not shaped like a phone as a whole is split where a gap looks like one between two
    numbers ("07700 900317 / 07700 900318"); otherwise it is kept whole."""
    if _shaped_like_a_phone(text, part, Cue.NONE) is not None or len(part) == 1:
        yield part
        return
    halves = _two_numbers(text, part)
    if halves is not None:
        yield from halves
        return
    pieces = [[part[0]]]
    for previous, group in itertools.pairwise(part):
        if _STRONG_GAP.search(text[previous[1] : group[0]]):
            pieces.append([])
        pieces[-1].append(group)
    for piece in pieces:
        yield from _phone_then_more(text, piece)


def _phone_then_more(text: str, piece: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """A phone with other numbers before or after it ("020 7946 0958 100 1000", "qty 10
    07700 900123"): the longest start, or else end, of the piece shaped like a phone."""
    for cut in range(len(piece) - 1, 0, -1):
        if _standing_out(text, piece[:cut]):
            yield from (piece[:cut], piece[cut:])
            return
    for cut in range(1, len(piece)):
        if _standing_out(text, piece[cut:]):
            yield from (piece[:cut], piece[cut:])
            return
    yield piece


def _standing_out(text: str, groups: list[tuple[int, int]]) -> bool:
    """Shaped like a phone, with a group of three digits or more, so that a stretch of a
    list of small numbers ("… 12 13 14 15 16") is not taken for one."""
    last = _shaped_like_a_phone(text, groups, Cue.NONE)
    return last == len(groups) - 1 and any(end - start >= 3 for start, end in groups)


def _two_numbers(
    text: str, part: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """Two phones written one after the other ("0412 987 654 02 9123 4567"): the one split
    where each side is shaped like a phone on its own, preferring a side starting with 0."""
    splits = [
        k
        for k in range(1, len(part))
        if _shaped_like_a_phone(text, part[:k], Cue.NONE) == k - 1
        and _shaped_like_a_phone(text, part[k:], Cue.NONE) == len(part) - k - 1
    ]
    splits.sort(key=lambda k: text[part[k][0]] != "0")
    return (part[: splits[0]], part[splits[0] :]) if splits else None


def _shaped_like_a_phone(text: str, groups: list[tuple[int, int]], cue: Cue) -> int | None:
    """The index of the last group if all of `groups` reads as a possible phone by its shape
    (a trailing one-digit count left out: "07700 900123 2 times"), else None."""
    last = len(groups) - 1
    if last and groups[last][1] - groups[last][0] == 1:
        last -= 1
    candidate = text[_group_start(text, groups[0][0]) : groups[last][1]]
    digits = _digit_count(candidate)
    international = _unbracketed(candidate).startswith(("+", "00"))
    most = MAX_DIGITS + (2 if candidate.startswith("00") else 0)
    if last == 0:
        least = MIN_DIGITS_NAMED if cue is Cue.PHONE else MIN_BARE_DIGITS
    else:
        least = MIN_DIGITS_NAMED if cue is Cue.PHONE or international else MIN_DIGITS
    if not least <= digits <= most or not _grouped_like_a_phone(text, groups[: last + 1]):
        return None
    return last


def _grouped_like_a_phone(text: str, groups: list[tuple[int, int]]) -> bool:
    """At most one one-digit group after the first ("+33 6 12 34 56 78", "+49 900 1 234567"),
    not counting "(0)" in brackets: "1 2 3 4 5 6 7 8 9 10" is a list, not a phone."""
    single = bracketed = 0
    for start, end in groups[1:]:
        in_brackets = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
        bracketed += in_brackets
        single += end - start == 1 and not in_brackets
    # "10 11 12 13 14 15 16" is a list: no phone has that many groups, nor more than five
    # of two digits or fewer after its country code.
    national = groups[1:] if text[_group_start(text, groups[0][0])] in "+0" else groups
    pairs = all(end - start <= 2 for start, end in national)
    return (
        single <= 1
        and len(groups) - bracketed <= MAX_GROUPS_IN_A_PHONE
        and not (pairs and len(national) - bracketed > 5)
    )


def _valid_in_any(candidate: str, regions: tuple[str, ...]) -> bool:
    candidate = _unbracketed(candidate)
    international = candidate.startswith("+") or candidate.startswith("00")
    readings = ("ZZ",) if international and candidate.startswith("+") else regions
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
        readings = ("ZZ",)
    for region in readings:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
        if international and phonenumbers.is_possible_number(number):
            return True
    return False


def _valid_with_country_code(candidate: str) -> bool:
    """Written with "+" and a valid number of that country code's plan (not merely one of a
    possible length), so a short "+" number counts without a word naming it a phone."""
    candidate = _unbracketed(candidate)
    if not candidate.startswith("+"):
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(candidate, None))
    except phonenumbers.NumberParseException:
        return False


def _unbracketed(candidate: str) -> str:
    """ "(+24740123" -> "+24740123": a bracket before the "+" is the sentence's."""
    return candidate[1:] if candidate.startswith("(+") else candidate


def _group_start(text: str, start: int) -> int:
    """Where the number written from this group starts: at its "+" or "(" if it has one."""
    while start > 0 and text[start - 1] in "+(":
        start -= 1
    return start


def _digit_count(candidate: str) -> int:
    return sum(char.isdigit() for char in candidate)
