"""What a good reply has and this draft lacks, reported as low-severity nudges."""

from __future__ import annotations

import re

from bot.rephrase.models import Nudge

_I = re.IGNORECASE
GRATITUDE = re.compile(r"\b(?:thank(?:s| you)|appreciate|grateful)\b", _I)
ACKNOWLEDGED = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|I understand|I can see|I can hear|I hear you|I know"
    r"|that must|frustrating|our mistake|our fault|on us|my mistake|you(?:'re| are) right"
    r"|you(?:'re| are) not wrong)\b",
    _I,
)
CUSTOMER_COMPLAINT = re.compile(
    r"\b(?:still|never (?:arrived|received|came|used)|not working|doesn't work|isn't working"
    r"|broken|wrong|mistake|twice|again|unacceptable|disappointed|frustrat\w*|angry|annoyed"
    r"|ridiculous|waiting|late|delay\w*|cancel+ed|missing|lost|dead|no internet|complain\w*"
    r"|refund|fee|charged|denied|rejected|faulty|damaged|noise|noisy|not happy)\b|!{2,}",
    _I,
)
DRAFT_COMPLAINT = re.compile(
    r"\b(?:your complaint|mistakes? (?:was|were) made|delay(?:ed)?|cancel+ed|lost|damaged"
    r"|broken|outage|upset|frustrat\w*|angry|mad|inconvenience)\b",
    _I,
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
TIME = re.compile(
    rf"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|month)"
    rf"|next (?:week|month)|straight away|right away|as soon as|(?:{_DAYS}|{_MONTHS})\b"
    r"|\d{1,2}(?::\d{2})? ?(?:am|pm)\b|\d{1,2}:\d{2}|noon|midnight"
    r"|\d+(?:-\d+)? (?:minutes?|hours?|days?|business days?|working days?|weeks?)\b"
    r"|\d{4}-\d{2}-\d{2}|within an hour|an hour)",
    _I,
)
REFUSAL = re.compile(
    r"\b(?:can't|cannot|can not|unable to|not able to|won't be able|isn't possible"
    r"|not possible|impossible|no way|not covered|isn't covered|non-refundable|denied"
    r"|declined|rejected|no exceptions|we don't (?:do|offer|give|allow|change|pay|refund))\b",
    _I,
)
WAY_FORWARD = re.compile(
    r"\bbut\b[^.!?]*\b(?:I|we|you) can\b|\bwhat (?:I|we) can do\b|\binstead\b"
    r"|\balternatively\b|\bhowever,? (?:I|we|you) can\b|\bhere's what (?:I|we) can\b"
    r"|\bthe good news\b|\bI can (?:also )?(?:offer|move|book|set up|arrange|send|add|start"
    r"|waive|refer|transfer|repair)\b|\bshall I\b|\bwould you like\b",
    _I,
)


def has_way_forward(text: str) -> bool:
    return WAY_FORWARD.search(text.replace("\u2019", "'")) is not None


WARMTH = re.compile(
    r"\b(?:sorry|apologi[sz]e|apologies|glad|happy to|pleasure|welcome|hope|appreciate"
    r"|understand)\b",
    _I,
)
# Work left open: a next step the customer will wait for, so say when.
OPEN_WORK = re.compile(
    r"\b(?:looking into|investigating|checking|escalat\w*|passed (?:it |this )?(?:on|to)"
    r"|raised|waiting (?:for|on)|pending|get back to you|follow(?:ing)? up|in progress"
    r"|(?:I|we)(?:'ll| will) (?:\w+ )?(?:send|call|email|update|let you know|chase|check))\b",
    _I,
)
GREETING = re.compile(r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b", _I)
SUBSTANTIAL = 250  # characters: a reply, not a quick confirmation
CONFIRMATION_SENTENCES = 2


def is_short_confirmation(text: str) -> bool:
    """One or two short sentences with no refusal: a coach would not ask for more."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s.strip()]
    return (
        len(sentences) <= CONFIRMATION_SENTENCES
        and len(text) < SUBSTANTIAL
        and not REFUSAL.search(text)
    )


def nudges(draft: str, customer: str | None) -> tuple[Nudge, ...]:
    """Only what a coach would ask for: nothing on a short confirmation, no thanks on a
    reply that already thanks (or is warm), no "say when" unless work is left open."""
    text = draft.replace("\u2019", "'")
    if not text.strip():
        return ()
    complaint = bool(customer and CUSTOMER_COMPLAINT.search(customer.replace("\u2019", "'")))
    found: list[Nudge] = []
    refusal = REFUSAL.search(text)
    if refusal and not has_way_forward(text[refusal.start() :]):
        found.append(
            Nudge(
                "way-forward",
                "After a no, offer what you can do: something can nearly always be done.",
                "What I can do instead is …",
            )
        )
    if (complaint or DRAFT_COMPLAINT.search(text)) and not ACKNOWLEDGED.search(text):
        found.append(
            Nudge(
                "apology",
                "The customer has had a problem; say sorry or show you understand before "
                "the facts.",
                "I'm sorry about this, and I understand how frustrating it is.",
            )
        )
    if is_short_confirmation(text):
        return tuple(found)
    long_reply = len(text) >= SUBSTANTIAL
    if not GRATITUDE.search(text) and not WARMTH.search(text) and (long_reply or complaint):
        found.append(
            Nudge(
                "thanks",
                "A word of thanks tells the customer their message was welcome.",
                "Thank you for getting in touch about this.",
            )
        )
    if (OPEN_WORK.search(text) or refusal) and not TIME.search(text):
        found.append(
            Nudge(
                "next-step",
                "Say what happens next and when, so the customer doesn't have to chase you.",
                "I'll email you by 3 pm tomorrow with an update.",
            )
        )
    if long_reply and not GREETING.search(text):
        found.append(
            Nudge(
                "name",
                "Open with the customer's name: it reads as a reply to them, not a form letter.",
                "Hi Sam,",
            )
        )
    return tuple(found)
