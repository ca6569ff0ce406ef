"""What the rewrite says when it offers nothing, and what the draft's findings pointed at.

Kept apart from rewrite.py, which decides; these only word the outcome: the one-line reason
a rewrite is withheld, and the words each unkind finding pointed at (which no offered
rewrite may keep).
"""

from __future__ import annotations

import difflib
import re

from bot.content.segment import split_sentences
from bot.rephrase import dropped, fluency, frame, recasts
from bot.rephrase import units as parts
from bot.rephrase.candidates import CLARITY_KINDS, WORD
from bot.rephrase.models import Finding

# Low findings a rewrite may keep: a fact read as cool, a rule quoted, a term to explain.
TOLERATED_LOW = frozenset({"cold", "rule-quoting", "absolute-no", *CLARITY_KINDS})
ADVERB_ONLY = (
    "Only “{words}” would change, which is no rewrite: read the sentence around it; if it "
    "is kind, the word can simply go, and if not, the suggestions above show what to change."
)
WEAK_ONLY = (
    "Only “{words}” would change, which is no rewrite: if the sentence around it is kind, it "
    "can stay as it is; if not, the suggestions above show what to change."
)


# Scare quotes: a customer's own word, in lower case, quoted after a determiner (the "dead"
# SIM, your 'urgent' ticket). In a draft rewritten for its tone they are sarcasm, and quoted
# text is a literal no rewrite may change, so a rewrite keeping them is withheld.
_SCARE_QUOTE = re.compile(
    r"\b(?i:the|your|this|that|these|those|my|our|a|an|his|her|their)\s+"
    r"(\"[a-z][^\"\n]{0,29}\"|\u201c[a-z][^\u201d\n]{0,29}\u201d"
    r"|\u2018[a-z][^\u2019\n]{0,29}\u2019|'[a-z][^'\n]{0,29}'(?!\w))"
)
# A sarcastic sentence with at most two words gone is still sarcastic; a clause the model
# reads as unkind, with one word gone ("Apparently"), is still the clause it read.
NEARLY_WHOLE = {True: 2, False: 1}
# Our own earlier message given as the place the information is ("My earlier reply has the
# details.", "The answer is in my last email."): it sends the customer back to look again.
_OWN_EARLIER = re.compile(
    r"\b(?:(?:my|our) (?:earlier|previous|last|prior|original|first|other|past)"
    r" (?:reply|replies|e-?mails?|messages?|answer|response|note|mail)"
    r"|(?:the|my) (?:reply|e-?mail|message|answer|response)s? I (?:sent|gave|wrote)"
    r"|what I (?:said|wrote|sent))\b",
    re.IGNORECASE,
)
_POINTER_TEXT = """
    details detail answer answers information info explanation everything need needed
    contains has have see refer find covers earlier previous prior original first other
    past reply replies email e-mail emails message messages response note mail sent gave
    wrote
"""
_POINTER = dropped.information(_POINTER_TEXT)
_UNKIND_ALWAYS = frozenset({"sarcasm"})
# One or two of the agent's own words in quotes in a sarcastic or passive-aggressive sentence
# ("I'll "look into" it."): quoted text is a literal, so a rewrite keeps the sarcasm with it.
_QUOTED_WORDS = re.compile(
    r"(\"[^\"\s]+(?: [^\"\s]+)?\"|\u201c[^\u201d\s]+(?: [^\u201d\s]+)?\u201d"
    r"|\u2018[^\u2019\s]+(?: [^\u2019\s]+)?\u2019)"
)
_SCARE_KINDS = frozenset({"sarcasm", "passive-aggressive"})
# A negated clause with its verb left out ("You are not.", "They didn't either."): half of a
# contrast with the sentence before it.
_ELLIPTICAL_NOT = re.compile(
    r"^\W*(?:you|they|he|she|we|i)\s+(?:(?:are|were|do|did|can|could|would|will|have|had"
    r"|should|is|was)\s+not|(?:aren|weren|don|didn|can|couldn|wouldn|won|haven|hadn|shouldn"
    r"|isn|wasn)['\u2019]t)(?:\s+(?:either|yet|though|really))?\W*$",
    re.IGNORECASE,
)
# rewrite8: one or two lower-case words in quotes that no one is told to click, type or look
# for (I'll "escalate" it; I "checked"): in a draft rewritten for its tone they are the
# agent's sneer whatever kind the finding was, and quoted text is a literal, so they stay.
_QUOTED_LOWER = re.compile(
    r"(\"[a-z][^\"\s]*(?: [^\"\s]+)?\"|\u201c[a-z][^\u201d\s]*(?: [^\u201d\s]+)?\u201d"
    r"|\u2018[a-z][^\u2019\s]*(?: [^\u2019\s]+)?\u2019"
    r"|(?<![\w'])'[a-z][^'\s]*(?: [^'\s]+)?'(?![\w']))"  # straight single quotes, not "it's"
)
_LABEL_BEFORE = re.compile(
    r"\b(?:click|tap|press|hit|select|choose|pick|type|enter|search|say|says|write|reply|call"
    r"|called|labelled|labeled|named|marked|titled|reads|shows|status|option|button|tab|menu"
    r"|field|link|word|words|phrase|term|heading|column)\W*(?:on|for|in|with|as|the|to)?\W*$",
    re.IGNORECASE,
)
_LABEL_AFTER = re.compile(
    r"\W*(?:button|tab|menu|option|link|field|page|section|setting|folder|box|icon|column)\b",
    re.IGNORECASE,
)


def scare_quoted(
    draft: str, findings: tuple[Finding, ...], spans: list[tuple[int, int]]
) -> list[str]:
    """Quoted words of one or two in a draft sentence a sarcasm or passive-aggressive finding
    marks: kept in a rewrite (as literals are), they keep the sneer."""
    marked = {
        (a, b) for f in findings if f.kind in _SCARE_KINDS for a, b in spans if a <= f.start < b
    }
    return [m.group(1) for a, b in sorted(marked) for m in _QUOTED_WORDS.finditer(draft[a:b])]


def scare_words(draft: str) -> list[str]:
    """Quoted lower-case words of one or two that are no label of a button, field or word."""
    return [
        m.group(1)
        for m in _QUOTED_LOWER.finditer(draft)
        if not _LABEL_BEFORE.search(draft, 0, m.start()) and not _LABEL_AFTER.match(draft, m.end())
    ]


def still_unkind_if_kept(
    draft: str, findings: tuple[Finding, ...], spans: list[tuple[int, int]]
) -> list[tuple[str, bool]]:
    """Stretches of the draft that stay unkind if a rewrite keeps them nearly whole: each
    sentence a sarcasm finding marks (the sarcasm is in its frame, not in one word), and
    each clause the trained model marks unkind (its span is the clause, so dropping a word
    of it, "Apparently", leaves what it read)."""
    out = []
    for f in findings:
        if f.kind in _UNKIND_ALWAYS:
            out += [(draft[a:b], True) for a, b in spans if a <= f.start < b]
        elif f.rule.startswith(parts.MODEL_RULE) and f.kind not in TOLERATED_LOW:
            out.append((f.text, False))
    return out


def kept_badly(
    draft: str, text: str, unkind: list[tuple[str, bool]], scare: tuple[str, ...] = ()
) -> str | None:
    """Why a whole rewrite may not be offered although every sentence passed: it keeps
    nothing the draft said, says one thing twice, clips a changed sentence to a phrase with
    no verb or a bare verdict ("Six in the morning.", "It's correct."), sends the customer
    back to an earlier message, keeps scare quotes, or keeps a sarcastic or unkind clause
    nearly whole."""
    if not dropped.keeps_some(draft, text):
        return f"“{short(text)}” keeps nothing the draft says, only my own words"
    twice = dropped.repeated(draft, text)
    if twice is not None:
        return f"“{short(twice)}” would say again what the reply already says"
    old = set(split_sentences(draft))
    changed = [s for s in split_sentences(text) if s not in old]
    clipped = next((p for s in changed for p in fluency.pieces(s) if frame.clipped(p)), None)
    if clipped is not None:
        return f"“{short(clipped)}” is not a full sentence"
    obvious = next((r for r in recasts.obvious_explanations(draft) if _kept(r, text)), None)
    if obvious is not None:
        return f"“{short(obvious)}” would still explain the obvious"
    contrast = next((s for s in split_sentences(draft) if s not in text and elliptical(s)), None)
    if contrast is not None:
        return f"without “{short(contrast)}” the sentence before it still draws the contrast"
    back = next((s for s in split_sentences(text) if points_back(s)), None)
    if back is not None:
        return f"“{short(back)}” would send the customer back to an earlier message"
    quoted = next((m.group(1) for m in _SCARE_QUOTE.finditer(draft) if m.group(1) in text), "")
    quoted = quoted or next((q for q in scare if q in text), "")
    quoted = quoted or next((q for q in scare_words(draft) if q in text), "")
    if quoted:
        return f"{quoted} would keep the draft's scare quotes"
    for stretch, sarcasm in unkind:
        if any(_nearly_whole(stretch, kept, sarcasm) for kept in split_sentences(text)):
            return f"“{short(stretch)}” would still read as unkind, nearly word for word"
    return None


def _kept(words: str, text: str) -> bool:
    """The words are in the text, whatever case their first letter now has."""
    return words in text or (words[:1].upper() + words[1:]) in text


def elliptical(sentence: str) -> bool:
    """A negated clause with its verb left out, "You are not.", "They didn't.": it only
    contrasts with the sentence before ("The pharmacist is trained for this. You are
    not."), which was written to set it up, so cutting it leaves the contrast implied."""
    return _ELLIPTICAL_NOT.match(sentence) is not None


def points_back(sentence: str) -> bool:
    """The sentence says only that the answer is in an earlier message of ours."""
    if _OWN_EARLIER.search(sentence) is None:
        return False
    return not (dropped.information(sentence) - _POINTER)


def _nearly_whole(stretch: str, kept: str, sarcasm: bool) -> bool:
    old = [w.lower() for w in WORD.findall(stretch)]
    new = [w.lower() for w in WORD.findall(kept)]
    gone = NEARLY_WHOLE[sarcasm]
    if len(old) - gone < 3:
        return False
    same = sum(b.size for b in difflib.SequenceMatcher(a=old, b=new).get_matching_blocks())
    return same >= len(old) - gone


def lone_adverb(finding: Finding) -> bool:
    """ "obviously", "clearly", "honestly": the dig is in the sentence around the word as
    often as in the word (a warm reply that says "obviously" needs nothing; "no rush
    replying, obviously" needs more than the word gone), so deleting it is no rewrite."""
    words = WORD.findall(finding.text)
    return len(words) == 1 and len(words[0]) > 4 and words[0].lower().endswith("ly")


def pointed_out(
    draft: str, findings: tuple[Finding, ...], spans: list[tuple[int, int]]
) -> list[tuple[str, Finding]]:
    """The words each unkind finding of the draft points at: the finding's own text when it
    is two words or more, else its whole sentence (a model's one-word span, "sure", marks
    the sentence rather than the word)."""
    out = []
    for f in findings:
        if f.kind in TOLERATED_LOW or f.kind == "shouting":
            continue
        if len(WORD.findall(f.text)) >= 2:
            out.append((f.text, f))
        else:
            out += [(draft[a:b], f) for a, b in spans if a <= f.start < b]
    return out


def still_there(pointed_out: list[tuple[str, Finding]], text: str) -> Finding | None:
    return next((f for words, f in pointed_out if words in text), None)


def short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


def reason(draft: str, units: list[parts.Unit]) -> str:
    if all(unit.get(0) == "" for unit in units):
        return (
            "Without the words that could land badly there is nothing left to send; "
            "start from the suggestions above."
        )
    for unit in units:
        if unit.get(0) is None:
            words = unit.findings[0].text
            if len(WORD.findall(words)) < 2:  # a model's one-word span: name the sentence
                words = draft[unit.start : unit.end].strip()
            shown = short(words)
            why = unit.failure[1] or "I found no wording that keeps its meaning"
            return f"No rewrite for “{shown}”: {why}. The suggestions above show what to change."
    return "No rewrite passed every check; the suggestions above show what to change."
