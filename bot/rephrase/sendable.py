"""The last gate before a rewrite is shown "ready to copy": would a coach send it as it is?

Written apart from the rewriter (no templates, no phrasebook, no fluency module): it reads
the finished rewrite sentence by sentence and refuses it when a sentence still sounds rude
to the trained tone model, is a fragment ("Twice.", "Sir."), still shouts, when a
changed sentence is a comma splice (even one the agent wrote: a blind reader calls it a
run-on all the same), or is a shape in `shapes.py`. A refused rewrite is withheld with a
one-line reason: withholding costs the agent less than a mediocre reply sent as ready.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from bot.content.segment import split_sentences
from bot.rephrase import frame, shapes, undertones
from bot.rephrase.features import REPEAT, shout_count, unit_features
from bot.rephrase.model import ToneModel, masked_tokens, quoted_spans
from bot.rephrase.tone import KEPT_ACRONYMS

COOL_KINDS = frozenset({"cold", "dismissive", "rule_quoting", "shouting"})

CURT = "would still sound curt"
SPLICED = "would join two sentences with a comma"
UNKIND = "would still sound unkind"
Tone = tuple[float, str]  # the model's probability that a sentence is rude, and its kind
Probability = Callable[[str], Tone]
# Short sentences that are complete as they are: greetings, thanks, sign-offs, yes/no.
_SHORT_OK = re.compile(
    r"^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|thanks|thank you|many thanks"
    r"|cheers|best|regards|kind regards|best regards|warm regards|sincerely|yours"
    r"|welcome|sorry|of course|sure|done|all set|no problem|you're welcome|yes|no|okay|ok"
    r"|great|perfect|understood|noted|happy to help|have a (?:good|great|nice) \w+)\b",
    re.IGNORECASE,
)
_NOT_CLAUSE = frozenset(
    [
        "sir",
        "madam",
        "ma'am",
        "mate",
        "pal",
        "buddy",
        "folks",
        "guys",
        "period",
        "twice",
        "again",
        "once",
        "seriously",
        "honestly",
        "really",
        "anyway",
        "whatever",
        "so",
        "well",
        "hm",
        "hmm",
        "mhm",
        "mm",
        "hm",
        "sigh",
        "ugh",
        "wow",
        "hello",
        "hey",
        "still",
        "yet",
    ]
)
_IMPERATIVE_OK = frozenset(["come", "see", "call", "ask", "try", "wait", "reply", "write", "check"])
_QUESTION = re.compile(
    r"(?:why|how|what|who|where|when|which|do|does|did|are|is|can|could|would|will|have|has"
    r"|shall|should|may|anything|any)\b",
    re.IGNORECASE,
)
_SIGNATURE = re.compile(r"^[A-Z][\w.'\u2019-]*(?:[ ,&]+[A-Z][\w.'\u2019-]*)*[.,]?$")
_SHOUT_RUN = re.compile(r"\b[A-Z]{2,}[!?.,]*\s+[A-Z]{2,}\b")
# One capitalised word long enough not to be an acronym (SIM, RMA, ASAP), with no cue such as
# "code" before it: "the dog is LOOSE". In any sentence of the rewrite, kept ones too: the
# reply is offered as the bot's, and "Your trial ENDED." shouts however it got there
# (detection lets one unknown word in capitals pass, so literals keep it as a code).
_LOUD_WORD = re.compile(
    r"(?<!\bcode )(?<!\bpromo )(?<!\bcoupon )(?<![\w'\u2019-])"
    r"(?:[A-Z]{5,}|[A-Z]{2,}(?:-[A-Z]{2,})+)(?![\w'\u2019-])"  # "COUNTY-WIDE" too (rewrite8)
)
# In a draft that shouts (capitals runs, "!!!"), a short capitalised word of the draft left in
# the rewrite is the same shouting ("on its WAY"), unless it is a known acronym.
_SHORT_LOUD = re.compile(
    r"(?<!\bcode )(?<!\bpromo )(?<!\bcoupon )(?<![\w'\u2019-])[A-Z]{3,}(?![\w'\u2019-])"
)
# A word of repetition or frequency the draft put in capitals ("we charge you EVERY MONTH",
# "it is ALREADY IN THE MAIL"): calmed to lower case, the words still carry the complaint
# that the customer should know by now, so a rewrite keeping them is no calmer (rewrite8).
_CAPITALS = re.compile(r"(?<![\w'\u2019-])[A-Z]{3,}(?![\w'\u2019-])")
# ("BEFORE" is the stress of a warning, "DON'T START ANY REPAIRS BEFORE THE ADJUSTER HAS BEEN".)
_STRESS_WORDS = (REPEAT - {"before"}) | {"every", "each", "always", "still"}
_PUNCT_RUN = re.compile(r"[!?]{2,}")
# A sentence the rewrite changed that still talks of blame or fault still points a finger
# ("Blame the sorting centre." from "blame the sorting centre, not me").
_BLAME_WORD = re.compile(r"\b(?:blame[ds]?|blaming|fault|faults)\b", re.IGNORECASE)
# ", I'm not able to…", ", please call…" after a clause of its own: two sentences, one comma.
_SPLICE = re.compile(
    r"(?<=\w), (?:(?:I|we|you|it|they|he|she|there|that|this)(?:['\u2019](?:s|re|m|ll|ve|d)"
    r"|\s(?:is|are|was|were|will|can|could|have|has|had|do|did|need|must|should|aren't"
    r"|can't|don't|won't|cannot)|\s[a-z]+(?:s|ed))|(?:I|we|they|he|she)\s[a-z]+|please)\b"
)
# "Rules are rules", "Stock is stock", "It is what it is": a reason that refuses to give one.
_TAUTOLOGY = re.compile(
    r"\b(\w{3,}?)s? (?:is|are)(?: just)? (?:the )?\1s?\b|\bit(?:'s|\u2019s| is) what it is\b",
    re.IGNORECASE,
)
# "You have 4.", "You were told.", "You are not.": three words about the customer, a verdict.
_YOU_VERDICT = re.compile(
    r"^\W*you(?:['\u2019](?:re|ve|d))? (?:have|had|are|were|did|got|owe|lost|missed)\b",
    re.IGNORECASE,
)
VERDICT_WORDS = 3


class Limits(NamedTuple):
    """Where the gate refuses a sentence, from the model's own thresholds."""

    unkind: float  # condescension, sarcasm, blame…: the model's "low"
    curt: float  # merely cold: the model's "low" too (what detection would point out)
    framed: float  # cold inside a warm frame: the model's "medium"


DEFAULT_LIMITS = Limits(0.7, 0.7, 0.87)  # without a model nothing is scored (see Rewriter)


def limits(model: ToneModel) -> Limits:
    """Every sentence the gate can refuse scores at least the model's "low", so detection
    has already flagged it: sentences kept as they were need scoring only if flagged. All
    relative to the model's own thresholds, so a retrained model moves them with it."""
    low, medium = model.thresholds["low"], model.thresholds["medium"]
    return Limits(low, low, max(medium, low))


def sentence_probability(model: ToneModel, memo: dict[str, Tone]) -> Probability:
    """How rude the model finds one sentence read alone; `memo` is kept for one draft."""

    def probability(sentence: str) -> Tone:
        found = memo.get(sentence)
        if found is None:
            toks = masked_tokens(sentence, 0, len(sentence), quoted_spans(sentence))
            found = (0.0, "")
            if toks:
                feats = unit_features(toks, model.lexicon, shout_count(sentence))
                found = (model.unit_probability(feats), model.kind(feats))
            memo[sentence] = found
        return found

    return probability


def problem(
    draft: str,
    rewrite: str,
    rude: Probability,
    suspect: frozenset[str] | None = None,
    at: Limits = DEFAULT_LIMITS,
) -> str | None:
    """Why the rewrite is not a reply to send as it is, or None when it is.

    `suspect`, when given, are the draft's sentences the model already scored at least
    "low" while detecting: no other sentence kept as it was can reach a limit, so only
    these and the changed ones are scored again (see `limits`).
    """
    if shapes.only_pointer(rewrite):
        return f"“{_short(rewrite.strip())}” {shapes.ONLY_POINTER}"
    if shapes.bare_no_opening(rewrite, draft):
        return f"“{_short(rewrite.strip())}” {shapes.BARE_NO}"
    old = set(split_sentences(draft))
    framed = frame.is_framed(rewrite)
    shouting = _PUNCT_RUN.search(draft) or _SHOUT_RUN.search(draft)
    loud = set(_SHORT_LOUD.findall(draft)) if shouting else set()
    stressed = {w.lower() for w in _CAPITALS.findall(draft) if w.lower() in _STRESS_WORDS}
    for line in rewrite.splitlines():
        for sentence in split_sentences(line):
            signed = sentence == line.strip() and _SIGNATURE.match(sentence) is not None
            changed = sentence not in old
            score = rude if changed or suspect is None or sentence in suspect else _calm
            why = _sentence_problem(sentence, changed, signed, score, at, framed)
            if not why and not signed and _loud(sentence, loud):
                why = "would still shout a word"
            if not why and changed and _BLAME_WORD.search(sentence):
                why = "would still say whose fault it is"
            why = why or shapes.sentence_problem(sentence, changed)
            if not why and not signed:
                why = undertones.problem(sentence, changed) or _stressed(sentence, stressed)
            if why:
                return f"“{_short(sentence)}” {why}"
    return None


def _sentence_problem(
    sentence: str, changed: bool, signed: bool, rude: Probability, at: Limits, framed: bool
) -> str | None:
    """`signed`: the sentence is a line of its own made of names ("Karin, Support")."""
    words = shapes.WORD.findall(sentence)
    if _PUNCT_RUN.search(sentence) or _SHOUT_RUN.search(sentence):
        return "would still shout"
    if len(words) <= 4 and (signed or _SHORT_OK.match(sentence)):
        return None  # a greeting, thanks or sign-off
    if len(words) <= 2 and _fragment(sentence, words):
        return "is not a full sentence"
    if len(words) <= VERDICT_WORDS and _YOU_VERDICT.match(sentence):
        return "would read as a verdict on the customer"
    if _TAUTOLOGY.search(sentence):
        return "would still brush the customer off ('rules are rules')"
    probability, kind = rude(sentence)
    if probability >= at.unkind and kind not in COOL_KINDS:
        return UNKIND
    if probability >= (at.framed if framed and kind == "cold" else at.curt):
        return CURT
    if changed and _splice(sentence):
        return SPLICED
    return None


def _loud(sentence: str, draft_loud: set[str]) -> bool:
    """A word in capitals left in: a long one anywhere, a short one of a shouting draft."""
    long = [w for w in _LOUD_WORD.findall(sentence) if w not in KEPT_ACRONYMS]
    return bool(long or (draft_loud & set(_SHORT_LOUD.findall(sentence))) - KEPT_ACRONYMS)


def _stressed(sentence: str, stressed: set[str]) -> str | None:
    """A word the draft stressed in capitals, kept in lower case (see _STRESS_WORDS)."""
    kept = next((w for w in shapes.WORD.findall(sentence) if w.lower() in stressed), None)
    return None if kept is None else f"would still stress “{kept.lower()}”, as the draft shouted it"


def _calm(sentence: str) -> Tone:
    return 0.0, ""


def _fragment(sentence: str, words: list[str]) -> bool:
    """ "Sir.", "Twice.", "Mm-hm.", "Policy number?": a word or two that is not a clause."""
    if all(w.lower() in _NOT_CLAUSE or (w[0].isupper() and w[1:].islower()) for w in words):
        return not (len(words) == 2 and words[0].lower() in _IMPERATIVE_OK)
    return sentence.rstrip().endswith("?") and not _QUESTION.match(sentence)


def _splice(sentence: str) -> bool:
    for m in _SPLICE.finditer(sentence):
        before = sentence[: m.start()]
        clause = before.split(";")[-1].strip()
        # a lead-in ("To recap my earlier message, it ships…", "On Friday, we…") or a clause
        # ending on a conjunction is no sentence of its own
        if (
            len(shapes.WORD.findall(clause)) >= 4
            and not shapes.LEADS_IN.match(clause)
            and not shapes.JOINED.search(clause)
        ):
            return True
    return False


def _short(sentence: str) -> str:
    return sentence if len(sentence) <= 50 else sentence[:47] + "…"
