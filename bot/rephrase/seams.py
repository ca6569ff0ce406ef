"""Tidy the seams of a rewritten sentence: spaces, punctuation, capitals, end mark.

Only sentences the rewrite changed come here, each with the draft sentence it came from, so
a tidy-up never touches the agent's own text elsewhere; a literal changed by accident is
caught later by the literal check.
"""

from __future__ import annotations

import re

_TERMINATOR = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)]*\s*(?:[^\w\s.!?,;:]\s*)*$")
_QUESTION_START = re.compile(
    r"(?:why|how|what|who|where|when|which)\b|(?:do|does|did|are|is|can|could|would|may|shall"
    r"|will|have|has|must|should)\s+(?:you|I|we|they|it|this|that|there)\b",
    re.IGNORECASE,
)
# What a statement needs before "?" is added: a question word with an auxiliary after it (at
# most one word between: "What time is…"), or an auxiliary and a subject. "When it arrives,
# it needs…" and "Which I'll now explain…" are statements; a "?" on them is a broken seam.
_ASKING = re.compile(
    r"(?:why|how|what|who|where|when|which)(?:\s+(?!(?:I|we|you|they|he|she|it)\b)\w+)?\s+"
    r"(?:do|does|did|are|is|was|were|can"
    r"|could|would|will|should|shall|may|might|must|have|has)\b|how (?:long|much|many|often|soon)"
    r"\b|(?:do|does|did|are|is|can|could|would|may|shall|will|have|has|must|should)\s+"
    r"(?:you|I|we|they|it|this|that|there)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^[\s,;:\u2014\u2013-]+")
_LEADING_JOIN = re.compile(r"^(?:and|but|so|or|because|then|though)\b,?\s*", re.I)
_TRAILING = re.compile(r"[\s,;:\u2014\u2013-]+$")
# A lower-case word after a full stop that ends a word of two letters or more ("e.g. the"
# and "etc. and" are left alone).
_INNER_START = re.compile(r"(?<=[^\W\d_]{2}[.!?])(?<!\betc\.)(\s+)([a-z]\w*)")
# Casual forms of address at a sentence's edge ("…mate", "Buddy, …"): attitude, not content.
# So is a bare "Sir, …" or "…, madam" opening or closing a sentence the rewrite changes: in
# a reply being calmed it is the curt edge ("Sir, it's one day late"); "Dear Sir," stays.
_CASUAL = r"(?:mate|pal|buddy|dude|chief|champ|bud|sir|madam|ma['\u2019]am)"
_VOCATIVE_END = re.compile(rf",?\s+{_CASUAL}(?=\W*$)", re.IGNORECASE)
_VOCATIVE_START = re.compile(rf"^{_CASUAL},?\s+", re.IGNORECASE)


def tidy(new: str, old: str) -> str:
    text = new
    if not re.search(r"\S {2,}\S", old):
        text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    if not re.search(r"\s[,;:.!?]", old):
        text = re.sub(r"[ \t]+(?=[,;:.!?])", "", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]\s*(?=[.!?])", "", text)
    text = re.sub(r"([.!?])[,;:]", r"\1", text)
    text = re.sub(r"([!?])\.+(?!\.)", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = _LEADING.sub("", text)
    if not _LEADING_JOIN.match(old.lstrip()):
        text = _LEADING_JOIN.sub("", text)
    text = _VOCATIVE_END.sub("", _VOCATIVE_START.sub("", text))
    end = _TERMINATOR.search(old)
    if not _TERMINATOR.search(text):
        text = _TRAILING.sub("", text)
        if text and text[-1].isalnum():  # a reworded sentence ends like one: "…mate" -> "…."
            text += end.group().strip() if end else "."
    # A sentence the rewrite changed starts with a capital, even if the draft's did not,
    # and so does each sentence after it in the same stretch ("…yard. put it" -> "Put").
    text = _INNER_START.sub(lambda m: m.group(1) + capitalise(m.group(2)), text)
    return _match_question(capitalise(text), old) if text else text


def capitalise(text: str) -> str:
    """Upper-case the first letter of the first word, if that word is plain lower case."""
    match = re.search(r"\S+", text)
    if match is None:
        return text
    word = match.group()
    if not word[0].islower() or any(c.isupper() or c.isdigit() for c in word[1:]):
        return text  # "iPhone", "eBay", "x2", a URL: leave alone
    if any(mark in word for mark in ("@", "://", "www.", "`", "<")):
        return text
    i = match.start()
    return text[:i] + text[i].upper() + text[i + 1 :]


def lower_first(text: str) -> str:
    """A suggestion written as a sentence, put mid-sentence: "May I" -> "may I"."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _match_question(text: str, old: str) -> str:
    """A question reworded as a statement ends in "." (and the other way round)."""
    was = bool(_QUESTION_START.match(old.lstrip())) and old.rstrip().endswith("?")
    now = bool(_QUESTION_START.match(text.lstrip()))
    stripped = text.rstrip()
    if was and not now and stripped.endswith("?"):
        return stripped[:-1] + "." + text[len(stripped) :]
    if now and not was and stripped.endswith(".") and _ASKING.match(text.lstrip()):
        return stripped[:-1] + "?" + text[len(stripped) :]
    return text
