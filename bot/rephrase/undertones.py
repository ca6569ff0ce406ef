"""Undertones no sentence of an offered rewrite may keep, whether the rewrite changed it or not.

Added by rewrite8 for classes a blind reader found in offers on drafts the gate had not seen
(each written for a shape, with examples of its own, never for one draft): a condescending
adverb left in a kept clause ("the terms clearly state"), a veiled threat ("Any further delay
and your policy will lapse.", "Calm down or I'm hanging up"), a deflecting idiom ("don't
shoot the messenger", "above my pay grade"), a dismissive tag ("or something", "scroll up",
"a gentle reminder"), a line written as a note ("Signature required on delivery.", "New one in
7-10 days."), and, in a sentence the rewrite changed, blame still laid on the customer ("You
missed the 9:15 so you lost the slot.", "Next time, it helps to check").
"""

from __future__ import annotations

import re

from bot.rephrase import frame
from bot.rephrase.features import ATTITUDE, BLAME_VERBS, IMPERATIVE_VERBS, ULTIMATUM
from bot.rephrase.fluency import FORMULA, PRESENT_AFTER_SUBJECT, VERBISH
from bot.rephrase.lexical import lemma, words
from bot.rephrase.shapes import WORD

TALKS_DOWN = "would still talk down to the customer"
THREATENS = "would still read as a threat"
DEFLECTS = "would still push the problem away"
DISMISSES = "would still sound dismissive"
NOTE = "reads as a note, not a sentence"
BLAMES = "would still put the blame on the customer"
ORDERS = "would read as a bare order"

# Words of attitude that can be sincere ("honestly, we're sorry") or plain instruction
# ("simply tap Save") are left to the tone model; the rest talk down wherever they stand.
_SINCERE = frozenset({"seriously", "honestly", "literally", "frankly", "basically", "simply"})
_ADVERBS = sorted(ATTITUDE - _SINCERE)
# Sending the customer back to read again: "You may want to re-read my email.", "Read it
# properly this time."
_READ_AGAIN = r"|\bre-?read\b|\bread (?:[\w'\u2019]+ ){0,3}?(?:again|properly)\b"
_TALKS_DOWN = re.compile(r"\b(?:" + "|".join(_ADVERBS) + r")\b" + _READ_AGAIN, re.IGNORECASE)
# "Any further delay and your policy will lapse.", "One more missed payment and we'll close
# the account": a count of the customer's next failure, then the consequence. (The noun group
# holds no verb: "Another option is X and it will…" is no count.)
_COUNTED = re.compile(
    r"^\W*(?:any|one|another)\s+(?:more\s+|further\s+|other\s+|additional\s+)?"
    r"(?:(?!(?:is|are|was|were|has|have|will|would|can|could|and)\b)[\w'\u2019-]+\s+){1,3}?"
    r"and\s+(?:[\w'\u2019-]+\s+){0,4}?"
    r"(?:will|won['\u2019]t|is going to|are going to|gets?|goes)\b"
    r"|^\W*(?:any|one|another)\s+(?:[\w'\u2019-]+\s+){0,3}?and\s+(?:I|we|you|it)['\u2019]ll\b",
    re.IGNORECASE,
)
# "Calm down or I'm hanging up", "Pay today, or else": an alternative whose other branch is
# a sanction (its verb a word of ultimatum: close, cancel, suspend, hang up…).
_OR_ELSE = re.compile(r"\bor else\b", re.IGNORECASE)
_OR_WE = re.compile(
    r"\b(?:or|otherwise),?\s+(?:I|we)(?:['\u2019](?:ll|m|re)|\s+(?:will|am|are|shall))"
    r"((?:\s+[\w'\u2019-]+){1,4})",
    re.IGNORECASE,
)
_SANCTIONS = ULTIMATUM | {"hang", "end", "stop", "charge", "bill", "pass", "refer", "call"}
# Idioms that hand the problem to someone else instead of helping with it.
_DEFLECT = re.compile(
    r"\b(?:(?:don['\u2019]t|do not) shoot the messenger|shoot(?:ing)? the messenger"
    r"|not (?:my|our) (?:circus|monkeys?|problem|department|call|job|area|decision|concern)"
    r"|above my pay ?grade|out of (?:my|our) hands|(?:my|our) hands are tied"
    r"|I (?:just|only) work here|(?:I|we) don['\u2019]t make the (?:rules|policy|policies)"
    r"|take it up with|nothing to do with (?:me|us)|not (?:up|down) to (?:me|us)"
    r"|(?:that|this)['\u2019]s on (?:them|the \w+(?: \w+)?)(?=\W*(?:,|\.|$)))",
    re.IGNORECASE,
)
# Tags that wave the matter off ("…tomorrow or something"), send the customer to scroll, or
# dress a reproach as a reminder ("a gentle reminder that…"); "no, no" is exasperation.
_DISMISSIVE = re.compile(
    r"\bor (?:something|whatever)\b|\bscroll(?:ing)? (?:up|back)\b"
    r"|\b(?:gentle|friendly) reminder\b|\b(no|nope)[\s,!.]+\1\b"
    r"|\((?:again|yet again|once more|as always)\W*\)",  # "Thanks for your understanding (again)."
    re.IGNORECASE,
)
# Courtesies that need no verb ("Happy to help.", "All the best.", "Good luck with the move!").
_COURTESY = re.compile(
    r"^\W*(?:(?:more than )?(?:happy|glad) to|all the best|good luck|best of luck|speak soon"
    r"|talk soon|see you|welcome|congratulations|congrats|enjoy|safe travels|no problem|no worries"
    r"|any (?:other )?questions)\b",
    re.IGNORECASE,
)
ORDER_WORDS = 3  # "Email us.", "Call tech support.", "Check the app."
_PARTICLES = words("in out up down back through along over on ahead")
_PLEASE = re.compile(r"\b(?:please|kindly|feel free)\b", re.IGNORECASE)
_SOFTENER = re.compile(r"^(?:just|please|then|and|so|simply)\s+", re.IGNORECASE)
# Participles that do not end in -ed ("PIN sent separately.").
_IRREGULAR = (
    "sent|paid|made|done|given|taken|shown|held|kept|left|told|found|set|put|built|bought"
    "|brought|chosen|written|known|seen|lost|split|sold|sealed|signed"
)
# A note drops the subject's article and the auxiliary: "Card now blocked.", "Signature
# required on delivery.", "Refund issued on the 14th." (With an article or a pronoun first,
# the -ed word is a past tense: "The driver arrived at 5."; so it is with an object after
# it, which a participle cannot take: "Kev collected it on Monday.")
_BARE_PARTICIPLE = re.compile(
    r"^\W*(?!(?:the|a|an|your|our|my|their|his|her|its|this|that|these|those|I|we|you|they"
    r"|he|she|it|there|all|some|every|each|no|any|if|when|as|once|after|before)\b)[A-Za-z]"
    r"[\w'\u2019-]*(?:\s+(?!(?:if|when|as|to|for|and|or|but|because|unless)\b)[\w'\u2019-]+)"
    r"{0,3}?\s+(?:now\s+|already\s+|just\s+|also\s+|still\s+)?(?:[a-z]{3,}ed|" + _IRREGULAR + r")\b"
    r"(?!\s+(?:it|them|the|your|a|an|this|that|these|those|our|my|his|her|their|us|me|you|him)\b)",
    re.IGNORECASE,
)
_ED_WORD = re.compile(r"\b(?:[a-z]{3,}ed|" + _IRREGULAR + r")\b", re.IGNORECASE)
NOTE_WORDS = 2  # "Card blocked." is a note; a lone word is the fragment check's
# Blame laid on the customer: "you missed / forgot / didn't enter / should have checked",
# "user error", "your own fault", and advice for "next time".
_YOU_DID = re.compile(
    r"\byou\s+(?:\w+ly\s+|just\s+|never\s+|(?:didn['\u2019]t|did not|should(?:['\u2019]ve| have)"
    r"|must(?:['\u2019]ve| have)|could(?:['\u2019]ve| have))\s+)?([a-z]+)\b",
    re.IGNORECASE,
)
_SORRY_BEFORE = re.compile(r"\bsorry(?: that| to hear)?\s*$", re.IGNORECASE)
_AUXILIARY_BLAME = re.compile(r"didn['\u2019]t|did not|should|must|could|never", re.IGNORECASE)
_LECTURE = re.compile(
    r"\bnext time\b|\bwould have helped\b|\buser error\b|\byour (?:own )?(?:fault|mistake|error)\b"
    r"|\b(?:came|come|comes|was|were) (?:from|by) you\W*$"  # "Address came from you." ("…, not us")
    r"|\b(?:that|this|it)(?:['\u2019]s| is) on you\b",
    re.IGNORECASE,
)
# A hedge left with nothing to hedge: "I'm afraid." from "User error, I'm afraid."
_HEDGE_ONLY = re.compile(
    r"^\W*(?:I['\u2019]m afraid|I am afraid|I fear|unfortunately|sadly|regrettably"
    r"|I['\u2019]m sorry to say|sorry to say)\W*$",
    re.IGNORECASE,
)
# Nouns after a number, a preposition or a determiner ("in 7-10 days", "of our terms"):
# plural, not a verb in the present.
_NOUN_BEFORE = words(
    "in on at for within after before by from of per to with the a an your our my their his"
    " her its two three four five"
)
_S_WORD = re.compile(r"\b([a-z]{2,}[^\Ws]s)\b", re.IGNORECASE)


def problem(sentence: str, changed: bool) -> str | None:
    """Why one sentence of a rewrite keeps an undertone, or None."""
    if _HEDGE_ONLY.match(sentence):
        return NOTE
    if _TALKS_DOWN.search(sentence):
        return TALKS_DOWN
    if threat(sentence):
        return THREATENS
    if _DEFLECT.search(sentence):
        return DEFLECTS
    if _DISMISSIVE.search(sentence):
        return DISMISSES
    if note(sentence):
        return NOTE
    if changed and blames(sentence):
        return BLAMES
    if changed and bare_order(sentence):
        return ORDERS
    return None


def bare_order(sentence: str) -> bool:
    """A changed sentence cut to a command of a few words ("Email us." from "Email us like
    everyone else."): alone it is an order. With "please" it is a request."""
    found = [w.lower() for w in WORD.findall(sentence)]
    if not 1 < len(found) <= ORDER_WORDS or _PLEASE.search(sentence):
        return False
    # a plural noun first is a statement ("Charges apply."); a particle next is a
    # welcome or a wait ("Come in.", "Hold on."), not an order
    if found[0].endswith("s") or found[1] in _PARTICLES:
        return False
    return sentence.rstrip().endswith((".", "!")) and _imperative(sentence)


def threat(sentence: str) -> bool:
    if _COUNTED.search(sentence) or _OR_ELSE.search(sentence):
        return True
    for m in _OR_WE.finditer(sentence):
        if any(lemma(w.lower()) in _SANCTIONS for w in WORD.findall(m.group(1))):
            return True
    return False


def note(sentence: str) -> bool:
    """A statement written as a note: no verb at all ("New one in 7-10 days.", "Section 9 of
    our terms."), or a bare participle after a noun with no article ("Card now blocked.")."""
    body = sentence.strip(" *_>-\u2022\t")
    words = WORD.findall(body)
    if len(words) < NOTE_WORDS or not body.endswith((".", "!")) or FORMULA.match(body):
        return False
    if _COURTESY.match(body) or any(_imperative(p) for p in re.split(r"[,;:]", body)):
        return False  # "Happy to help.", "Call tech support.", "Any questions, just ask."
    rest = body if not _BARE_PARTICIPLE.match(body) else _ED_WORD.sub(" ", body)
    return not (VERBISH.search(rest) or PRESENT_AFTER_SUBJECT.search(rest) or _maybe_verb(rest))


def _imperative(piece: str) -> bool:
    body = _SOFTENER.sub("", piece.strip())
    found = WORD.findall(body)
    return bool(found) and (found[0].lower() in IMPERATIVE_VERBS or frame.imperative(body))


def _maybe_verb(body: str) -> bool:
    """A word in -s that may be a verb after a bare noun ("Late work loses 10%.")."""
    for m in _S_WORD.finditer(body):
        before = WORD.findall(body[: m.start()])
        if not before or (before[-1].lower() not in _NOUN_BEFORE and not before[-1].isdigit()):
            return True
    return False


def blames(sentence: str) -> bool:
    if _LECTURE.search(sentence):
        return True
    for m in _YOU_DID.finditer(sentence):
        if _SORRY_BEFORE.search(sentence, 0, m.start()):
            continue  # "Sorry you missed the driver": sympathy, not blame
        word = m.group(1).lower()
        past = word != lemma(word) and not word.endswith(("s", "ing"))
        after_auxiliary = _AUXILIARY_BLAME.search(m.group(0)) is not None
        if lemma(word) in BLAME_VERBS and (past or after_auxiliary):
            return True
    return False
