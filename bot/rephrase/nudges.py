"""What a good reply has and this draft lacks, reported as low-severity nudges."""

from __future__ import annotations

import re

from bot.rephrase.models import Nudge


def _lower(pattern: str) -> re.Pattern[str]:
    """The pattern for text already in lower case (letters of escapes such as \\W kept): a
    search of lower-cased text is about three times faster than one with IGNORECASE."""
    return re.compile(re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), pattern))


GRATITUDE = _lower(r"\b(?:thank(?:s| you)|appreciate|grateful)\b")
ACKNOWLEDGED = _lower(
    r"\b(?:sorry|apologi[sz]e|apologies|I understand|I can see|I can hear|I hear you|I know"
    r"|that must|frustrating|our mistake|our fault|on us|my mistake|you(?:'re| are) right"
    r"|you(?:'re| are) not wrong)\b"
)
CUSTOMER_COMPLAINT = _lower(
    r"\b(?:still|never (?:arrived|received|came|used)|not working|doesn't work|isn't working"
    r"|broken|wrong|mistake|twice|again|unacceptable|disappointed|frustrat\w*|angry|annoyed"
    r"|ridiculous|waiting|late|delay\w*|cancel+ed|missing|lost|dead|no internet|complain\w*"
    r"|refund|fee|charged|denied|rejected|faulty|damaged|noise|noisy|not happy)\b|!{2,}"
)
DRAFT_COMPLAINT = _lower(
    r"\b(?:your complaint|mistakes? (?:was|were) made|delay(?:ed)?|cancel+ed|lost|damaged"
    r"|broken|outage|upset|frustrat\w*|angry|mad|inconvenience)\b"
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
TIME = _lower(
    rf"\b(?:today|tonight|tomorrow|this (?:morning|afternoon|evening|week|month)"
    rf"|next (?:week|month)|straight away|right away|as soon as|(?:{_DAYS}|{_MONTHS})\b"
    r"|\d{1,2}(?::\d{2})? ?(?:am|pm)\b|\d{1,2}:\d{2}|noon|midnight"
    r"|\d+(?:-\d+)? (?:minutes?|hours?|days?|business days?|working days?|weeks?)\b"
    r"|\d{4}-\d{2}-\d{2}|within an hour|an hour)"
)
REFUSAL = _lower(
    r"\b(?:can't|cannot|can not|unable to|not able to|won't be able|isn't possible"
    r"|not possible|impossible|no way|not covered|isn't covered|non-refundable|denied"
    r"|declined|rejected|no exceptions|we don't (?:do|offer|give|allow|change|pay|refund))\b"
)
WAY_FORWARD = _lower(
    r"\bbut\b[^.!?]*\b(?:I|we|you) can\b|\bwhat (?:I|we) can do\b|\binstead\b"
    r"|\balternatively\b|\bhowever,? (?:I|we|you) can\b|\bhere's what (?:I|we) can\b"
    r"|\bthe good news\b|\bI can (?:also )?(?:offer|move|book|set up|arrange|send|add|start"
    r"|waive|refer|transfer|repair)\b|\bshall I\b|\bwould you like\b"
)


def has_way_forward(text: str) -> bool:
    return WAY_FORWARD.search(text.replace("\u2019", "'").lower()) is not None


WARMTH = _lower(
    r"\b(?:sorry|apologi[sz]e|apologies|glad|happy to|pleasure|welcome|hope|appreciate"
    r"|understand)\b"
)
# Work left open: a next step the customer will wait for, so say when.
OPEN_WORK = _lower(
    r"\b(?:looking into|investigating|checking|escalat\w*|passed (?:it |this )?(?:on|to)"
    r"|raised|waiting (?:for|on)|pending|get back to you|follow(?:ing)? up|in progress"
    r"|(?:I|we)(?:'ll| will) (?:\w+ )?(?:send|call|email|update|let you know|chase|check))\b"
)
GREETING = _lower(r"^\W*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b")
SUBSTANTIAL = 250  # characters: a reply, not a quick confirmation
CONFIRMATION_SENTENCES = 2


def is_short_confirmation(text: str) -> bool:
    """One or two short sentences with no refusal: a coach would not ask for more."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\n+", text.strip()) if s.strip()]
    return (
        len(sentences) <= CONFIRMATION_SENTENCES
        and len(text) < SUBSTANTIAL
        and not REFUSAL.search(text.lower())
    )


def nudges(draft: str, customer: str | None) -> tuple[Nudge, ...]:
    """Only what a coach would ask for: nothing on a short confirmation, no thanks on a
    reply that already thanks (or is warm), no "say when" unless work is left open."""
    text = draft.replace("\u2019", "'")
    if not text.strip():
        return ()
    low = text.lower()  # every pattern is written for lower-case text
    said = customer.replace("\u2019", "'").lower() if customer else ""
    complaint = bool(said and CUSTOMER_COMPLAINT.search(said))
    found: list[Nudge] = []
    refusal = REFUSAL.search(low)
    if refusal and not WAY_FORWARD.search(low, refusal.start()):
        found.append(
            Nudge(
                "way-forward",
                "After a no, offer what you can do: something can nearly always be done.",
                "What I can do instead is …",
            )
        )
    if (complaint or DRAFT_COMPLAINT.search(low)) and not ACKNOWLEDGED.search(low):
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
    if not GRATITUDE.search(low) and not WARMTH.search(low) and (long_reply or complaint):
        found.append(
            Nudge(
                "thanks",
                "A word of thanks tells the customer their message was welcome.",
                "Thank you for getting in touch about this.",
            )
        )
    if (OPEN_WORK.search(low) or refusal) and not TIME.search(low):
        found.append(
            Nudge(
                "next-step",
                "Say what happens next and when, so the customer doesn't have to chase you.",
                "I'll email you by 3 pm tomorrow with an update.",
            )
        )
    if long_reply and not GREETING.search(low):
        found.append(
            Nudge(
                "name",
                "Open with the customer's name: it reads as a reply to them, not a form letter.",
                "Hi Sam,",
            )
        )
    return tuple(found)
