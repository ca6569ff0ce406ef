"""A warm frame for a reply that is only cold facts: a short thanks before, an open door after.

Neither line promises anything (no "I'll", no refund, no date), so every meaning guard
still holds; the frame is only added when the sendable gate finds a fact curt on its own,
or around one short refusal that says what is refused ("The fare is non-refundable."), and
never to a reply that already greets, thanks or signs off. It cannot warm a reply that
is one short refusal ("I'm not able to do anything.", "No."), one bare command ("Restart
the router.") or one clipped line ("Already sent.", "That's correct."): read one by one,
those still read curt inside it, or after a bare "Hi Sam,", so they are withheld.
"""

from __future__ import annotations

import re

from bot.content.segment import split_sentences
from bot.rephrase.dropped import information
from bot.rephrase.fluency import FORMULA, NEVER_VERBS, PRESENT_AFTER_SUBJECT, VERBISH
from bot.rephrase.guards import REFUSAL

BARE_WORDS = 8  # a refusal this short, alone, reads as a brush-off
COMMAND_WORDS = 12  # a command, even with its details, alone is an order
CLIPPED_WORDS = 3  # "That's correct.", "It's final.": a verdict, not a reply
_VERDICT_TEXT = """
    correct incorrect right wrong fine final valid invalid accurate true false standard normal
    done closed resolved confirmed denied approved declined rejected refused policy
"""
_VERDICTS = frozenset(_VERDICT_TEXT.split())
# A word that may be a verb in the present after a bare noun ("Late work loses 10%."): the
# verb checks cannot tell it from a plural, so a phrase holding one is given the benefit.
_MAYBE_PRESENT = re.compile(r"\b[a-z]{2,}[^\Ws]s\b", re.IGNORECASE)
_AFTER_VERB_TEXT = """
    the your a an my our this that these those it them us me in out up back down off on over
    again
"""
_AFTER_VERB = frozenset(_AFTER_VERB_TEXT.split())
_WORDS = re.compile(r"[^\W_]+")
_VAGUE = information("anything something everything else further more")  # stems, as compared
_NO = re.compile(r"^\W*(?:no|nope|not possible|no can do)\W*$", re.IGNORECASE)
OPENING = "Thanks for your message."
# Not "if anything is still unclear": that presumes the customer missed something.
CLOSING = "If you have any other questions, just reply here."
# What a short reply opens or closes with that says nothing: "Hi Sam," "Thanks!" "Regards, Jo"
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^,\n]{0,30},\s*",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^(?:thanks|thank you|many thanks|cheers|regards|kind regards|best(?: regards)?"
    r"|warm regards|sincerely)\b[^.!?\n]{0,30}[.!?]?$",
    re.IGNORECASE,
)
_WARM_ALREADY = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you)\b"
    r"|\b(?:regards|best|cheers|thanks|thank you)\W*$",
    re.IGNORECASE,
)


def framed(text: str) -> str | None:
    """The reply inside the frame, or None when it already has a warm opening or close."""
    if _WARM_ALREADY.search(text) or "\n" in text.strip():
        return None
    body = text.strip()
    if body[:1].islower() or body[-1:] not in (".", "!", "?"):
        return None  # a closing after "… 3pm 🙂" or a lower-case start reads as spliced
    return f"{OPENING} {body} {CLOSING}"


def bare(text: str) -> bool:
    """One short refusal and nothing else: alone it reads as a brush-off, so it is framed."""
    body = _one_short_sentence(text)
    return body is not None and REFUSAL.search(body) is not None


def empty_refusal(text: str) -> bool:
    """One short refusal that names nothing ("I'm not able to do anything.", "No.") and
    nothing else: read alone by a customer it is a brush-off, framed or not. A refusal that
    says what is refused ("The fare is non-refundable.") is information and may be framed."""
    body = _one_short_sentence(_core(text))
    if body is None or not (REFUSAL.search(body) or _NO.match(body)):
        return False
    return not (information(REFUSAL.sub(" ", body)) - _VAGUE)


def command(text: str) -> bool:
    """One bare command and nothing else ("Restart the router.", "Hi Jo, clear your
    cache."): alone it is an order, and the frame around it reads like a form letter
    wrapped round one. (A list with a comma, "Passport first, then boarding pass.", is not
    one, nor is a request with "please".)"""
    body = _one_short_sentence(_core(text), COMMAND_WORDS)
    if body is None or "," in body or VERBISH.search(body) or PRESENT_AFTER_SUBJECT.search(body):
        return False
    return imperative(body)


def imperative(body: str) -> bool:
    """The first word reads as a verb: it is no word that never is one, and it takes its
    object or particle next ("Clear your cache", "Come in"); a noun group does not ("Late
    work loses 10%", "Six in the morning")."""
    words = [w.lower() for w in _WORDS.findall(body)]
    if not words or words[0] in NEVER_VERBS or words[0].isdigit():
        return False
    return len(words) <= 2 or words[1] in _AFTER_VERB


def clipped(text: str) -> bool:
    """One clipped line and nothing else: a verdict of three words or fewer ("That's
    correct.", "It's final.") or a phrase with no verb and no list in it ("Already in the
    post.", "Six in the morning."). Read alone it answers like a form, framed or not. (A
    short fact with a verb of its own, "It ships today.", is an answer.)"""
    body = _one_short_sentence(_core(text), COMMAND_WORDS)
    if body is None or not _WORDS.search(body) or FORMULA.match(body):
        return False
    words = [w.lower() for w in _WORDS.findall(body)]
    return verbless(body) or (len(words) <= CLIPPED_WORDS and words[-1] in _VERDICTS)


def verbless(sentence: str) -> bool:
    """A phrase with no verb, not even an imperative's, and no list in it: "Six in the
    morning.", "Already in the post." (A greeting or sign-off needs no verb.)"""
    body = sentence.strip()
    if "," in body or not re.search(r"[^\W\d_]", body) or FORMULA.match(body):
        return False
    verb = VERBISH.search(body) or PRESENT_AFTER_SUBJECT.search(body) or imperative(body)
    return not (verb or _MAYBE_PRESENT.search(body))


def _core(text: str) -> str:
    """The reply without a greeting before it or a thanks or sign-off line after it."""
    body = _GREETING.sub("", text.strip(), count=1)
    kept = [s for s in split_sentences(body) if not _SIGN_OFF.match(s.strip())]
    return " ".join(kept) if kept else body


def _one_short_sentence(text: str, words: int = BARE_WORDS) -> str | None:
    body = text.strip()
    if len(split_sentences(body)) != 1 or len(_WORDS.findall(body)) > words:
        return None
    return body


def is_framed(text: str) -> bool:
    body = text.strip()
    return body.startswith(OPENING) and body.endswith(CLOSING)
