"""Tone checks the phrasebook can't express as phrases: SHOUTING and profanity."""

from __future__ import annotations

import re

from bot.rephrase.models import Finding


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitals that are not shouting: acronyms a customer knows, and codes.
ACRONYMS = _words(
    """
    AM PM OK ID IT US UK EU USA PIN ATM ATMS SMS SSO API APIS VIP SIM TV PC USB PDF FAQ
    URL GP NHS MRI TSA NBA PSN UTC GMT EST PST CET BST HR CEO IBAN BIC IVA VAT GST IRS
    DVD GPS CD DIY ETA HIST ECON MBA PHD BBC CNN NASA NATO EV AC DC IOS WIFI LED LCD HD
    UPS DHL FEDEX USPS AA AAA NFC QR CVV OTP FAQS SUV RSVP AKA ASAP
    """
)
# Everyday words that only appear in capitals when someone raises their voice ("do NOT",
# "NO", "I SAID"). Stored in capitals: they are looked up by the word as typed.
COMMON = frozenset(
    w.upper()
    for w in _words(
        """
    a all always am an and any are as at be been but by can cannot did do does done dont
    for from get go had has have he her here him his how i if in is isnt it its just
    know last me more must my never no not now of off on once one only or our out please
    read really right said same say see she should so stop that the their them then there
    these they this those three times to told too twice two up very was we were what when
    where which who why will with wont would yes yet you your
    again already ever every nothing nobody none anything everything everyone anyone
    need needs want listen wait look understand clear clearly obviously simply seriously
    final last warning immediately urgent asap impossible absolutely exactly enough
    wrong fault mistake problem policy rules terms
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december
    """
    )
)
PROPER = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april"
    " may june july august september october november december"
)
_CAPS_WORD = r"[A-Z]+(?:['\u2019][A-Z]+)?"
# A run of capitals not glued to a code or a link: ORD-99812, SAVE20, SIM-only, /SALE, #TAG.
_GLUE = r"\w\-/.=#@*_&%+:"
_CAPS_RUN = re.compile(rf"(?<![{_GLUE}]){_CAPS_WORD}(?:[ \t]+{_CAPS_WORD})*(?![\w\-/=#@*_&%+])")
# Capitals right after these words are a code or a name to type, not a raised voice.
_CODE_CONTEXT = re.compile(
    r"(?:code|promo|coupon|voucher|ref|reference|password|keyword|text|type|enter|reply"
    r"|select|press|click|tap|button|tab|menu|option|plan|tariff|called|named)"
    r"[\s:'\"\u2018\u201c(*`]*$",
    re.IGNORECASE,
)
_QUOTES = re.compile(
    r"\"[^\"\n]*\"|\u201c[^\u201d\n]*\u201d|'[^'\n]*'|`[^`\n]*`|\u2018[^\u2019\n]*\u2019"
)
_LONG_WORD = 5
_ADVERB = re.compile(r"[A-Z]{3,}LY")
# Acronyms that stay capitals when a shout is calmed: not those that are everyday words
# too ("CALL US", "AA batteries").
KEPT_ACRONYMS = ACRONYMS - COMMON - {"US", "AA"}

_SHOUT_WHY = "Words in capitals read as shouting, so the customer hears anger rather than help."

# (stems, pattern, replacement): "" drops the word. Word boundaries keep Scunthorpe and
# scrapbook safe. A pattern runs only when one of its stems is in the case-folded draft: nine
# case-insensitive scans of a long draft cost more than all the other tone checks together.
_PROFANITY: tuple[tuple[tuple[str, ...], re.Pattern[str], str], ...] = tuple(
    (tuple(stems.split()), re.compile(pattern, re.IGNORECASE), replacement)
    for stems, pattern, replacement in (
        ("hell", r"\b(?:as|the) hell\b", ""),
        (
            "damn dammit crap shit fuck hell",
            r"\b(?:god ?damn|damn|dammit|crap|shit|fuck|hell)\b[,!]+",
            "",
        ),  # an interjection
        ("hell", r"\bhell of a\b", "a very"),
        ("pissed", r"\bpissed(?: off)?\b", "upset"),
        ("crap shit", r"\b(?:crap|shit|bullshit)\b", "rubbish"),
        ("crappy shitty", r"\b(?:crappy|shitty)\b", "poor"),
        ("sucks", r"\bsucks\b", "is frustrating"),
        (
            "damn bloody freaking frigging fricking effing fucking f*",
            r"\b(?:god ?damn(?:ed)?|damn(?:ed)?|bloody|freaking|frigging|fricking|effing"
            r"|fucking|f\*+king)\b",
            "",
        ),
        (
            "fuck wtf stfu asshole arsehole bastard bitch wanker",
            r"\b(?:fuck\w*|wtf|stfu|asshole|arsehole|bastard|bitch\w*|wanker)\b",
            "",
        ),
    )
)
_PROFANITY_WHY = (
    "Swearing, even at a third party, sounds unprofessional and makes the customer uneasy."
)


def shouting(text: str) -> list[Finding]:
    found: list[Finding] = []
    quoted = (
        [m.span() for m in _QUOTES.finditer(text)]
        if any(q in text for q in "\"'`\u201c\u2018")
        else []
    )
    for match in _CAPS_RUN.finditer(text):
        words = match.group().split()
        if not _is_shouting(words) or _is_code(text, match.start(), match.end(), quoted):
            continue
        found.append(
            Finding(
                kind="shouting",
                severity="medium",
                start=match.start(),
                end=match.end(),
                text=match.group(),
                why=_SHOUT_WHY,
                tip="tone-matches-words",
                suggestions=(_calm(match.group()),),
                rule="capitals",
            )
        )
    return found


def _is_shouting(words: list[str]) -> bool:
    """Everyday words or -LY adverbs in capitals; unknown capitals are names or codes."""
    plain = [w for w in words if _key(w) not in ACRONYMS]
    if not plain or all(len(w) == 1 for w in plain):
        return False  # "I", "A", or acronyms only
    return any(
        (_key(w) in COMMON and len(w) >= 2) or _ADVERB.fullmatch(_key(w)) for w in plain
    ) or (len(plain) >= 3 and any(_key(w) in COMMON for w in plain))


def _is_code(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> bool:
    """Capitals in quotes or after "code", "promo", "type"...: a literal, not a tone."""
    if any(a <= start and end <= b for a, b in quoted):
        return True
    return _CODE_CONTEXT.search(text, max(0, start - 24), start) is not None


def _key(word: str) -> str:
    return re.sub(r"['\u2019]", "", word).upper() if word.isupper() else word


def _calm(caps: str) -> str:
    """Lower-case shouted words, keeping "I" and day and month names capitalised."""

    def one(word: str) -> str:
        lower = word.lower()
        if lower == "i" or lower.startswith(("i'", "i\u2019")):
            return "I" + lower[1:]
        return lower.capitalize() if lower in PROPER else lower

    return re.sub(r"\S+", lambda m: one(m.group()), caps)


_PROFANE_STEMS = (
    "damn", "dammit", "crap", "shit", "fuck", "hell", "piss", "sucks", "bloody", "freak",
    "frig", "frick", "effing", "f*", "wtf", "stfu", "arse", "ass", "bastard", "bitch", "wanker",
)  # fmt: skip


def profanity(text: str) -> list[Finding]:
    folded = text.casefold()
    if not any(stem in folded for stem in _PROFANE_STEMS):
        return []
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for stems, pattern, replacement in _PROFANITY:
        if not any(stem in folded for stem in stems):
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            found.append(
                Finding(
                    kind="profanity",
                    severity="high",
                    start=start,
                    end=end,
                    text=match.group(),
                    why=_PROFANITY_WHY,
                    tip="respect-when-angry",
                    suggestions=(replacement,),
                    rule="profanity",
                )
            )
    return found
