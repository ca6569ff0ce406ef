"""Clause-level templates: reword a whole rude clause, keeping the information it carries.

Each template matches a clause shape ("You're wrong about X", "If you'd read X you'd know
Y") anywhere in a sentence, and says what to write instead, built only from the draft's own
words. A template is tried when its match overlaps a finding; the result still has to pass
every literal, guard and fluency check, so a template may over-match without harm.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_I = re.IGNORECASE
_REST = r"(?P<x>[^,.;:!?]+?)"
_END = r"(?=[,.;:!?]|$)"
_YOU_ARE = r"you(?:'re|\u2019re| are)"
# Past participles after "you should have", with the base form the advice needs.
BASE = {
    "read": "read",
    "checked": "check",
    "followed": "follow",
    "booked": "book",
    "contacted": "contact",
    "called": "call",
    "updated": "update",
    "asked": "ask",
    "sent": "send",
    "kept": "keep",
    "saved": "save",
    "used": "use",
    "submitted": "submit",
    "reported": "report",
    "double-checked": "double-check",
    "looked": "look",
    "waited": "wait",
    "opened": "open",
    "restarted": "restart",
    "uploaded": "upload",
    "attached": "attach",
    "included": "include",
    "selected": "select",
    "chosen": "choose",
    "registered": "register",
    "confirmed": "confirm",
    "verified": "verify",
    "downloaded": "download",
    "printed": "print",
    "logged": "log",
    "turned": "turn",
    "switched": "switch",
    "told": "tell",
    "let": "let",
    "filled": "fill",
    "set": "set",
    "tested": "test",
    "backed": "back",
    "signed": "sign",
    "added": "add",
    "noted": "note",
}
_PARTICIPLE = "|".join(sorted(BASE, key=len, reverse=True))


@dataclass(frozen=True)
class Template:
    name: str
    pattern: re.Pattern[str]
    replacement: str  # str.format over the match's named groups; "" drops the clause


def _t(name: str, pattern: str, replacement: str) -> Template:
    return Template(name, re.compile(pattern, _I), replacement)


TEMPLATES: tuple[Template, ...] = (
    _t(
        "wrong-about",
        rf"{_YOU_ARE} (?:\w+ly |just |dead )?(?:wrong|mistaken|incorrect|confused) "
        rf"(?:about|on|regarding|over) {_REST}{_END}",
        "let me explain {x}",
    ),
    _t(
        "dont-understand",
        r"you (?:\w+ly |just |still )?(?:don't|don\u2019t|do not|didn't|didn\u2019t|did not)"
        r" (?:seem to )?(?:understand|get|grasp|realise|realize) (?P<x>(?:how|what|why|that"
        rf"|the|your|our|which|when|where)\b[^,.;:!?]*?){_END}",
        "let me explain {x}",
    ),
    _t(
        "if-you-had-read",
        r"if you(?:'d|\u2019d| had)(?: \w+ly)? (?:bothered to )?(?:read|checked|looked at|opened)"
        r" (?P<x>[^,.;:!?]+?),? you(?:'d|\u2019d| would)(?: have)? (?:know|known|seen|noticed"
        r"|realised|realized|found)(?: that)? (?P<y>[^.;!?]+?)(?=[.;!?]|$)",
        "as {x} mentions, {y}",
    ),
    _t(
        "if-you-had-read-bare",
        r"if you(?:'d|\u2019d| had)(?: \w+ly)? (?:bothered to )?(?:read|checked|looked at|opened)"
        r" (?P<x>[^,.;:!?]+?),? you(?:'d|\u2019d| would)(?: have)? (?:know|known|seen|noticed"
        r"|realised|realized)(?: (?:this|that|it|already))?(?=[.;!?]|$)",
        "{x} has the details",
    ),
    _t(
        "should-have-done",
        rf"you (?:really |honestly |obviously )?should(?:'ve|\u2019ve| have) (?:just )?"
        rf"(?P<pp>{_PARTICIPLE}) {_REST}{_END}",
        "next time, it helps to {pp} {x}",
    ),
    _t(
        "did-you-even",
        r"did you (?:even |actually |really |ever )?(?:bother to )?(?P<v>read|check|try|look at"
        r"|open|restart|test|look|see)\b",
        "have you had a chance to {v}",
    ),
    _t(
        "no-way-we-can",
        r"there(?:'s|\u2019s| is) (?:absolutely )?no way we (?:can|could|will|are going to) ",
        "we aren't able to ",
    ),
    _t(
        "no-way-i-can",
        r"there(?:'s|\u2019s| is) (?:absolutely )?no way I (?:can|could|will|am going to) ",
        "I'm not able to ",
    ),
    _t(
        "nothing-we-can-do",
        r"(?:there(?:'s|\u2019s| is) )?(?:absolutely |really |simply )?nothing"
        r" (?P<more>more |else |further )?we (?:can|could) do",
        "we aren't able to do anything {more}",
    ),
    _t(
        "nothing-i-can-do",
        r"(?:there(?:'s|\u2019s| is) )?(?:absolutely |really |simply )?nothing"
        r" (?P<more>more |else |further )?I (?:can|could) do",
        "I'm not able to do anything {more}",
    ),
    _t(
        "calm-down-and",
        r"(?:you need to |please |just )?calm down,?(?: please)?,? (?:and|then) ",
        "",
    ),
)


def matches(sentence: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, replacement) for each template match overlapping [start, end)."""
    for template in TEMPLATES:
        for m in template.pattern.finditer(sentence):
            if m.start() < end and start < m.end():
                groups = {k: v or "" for k, v in m.groupdict().items()}
                if "pp" in groups:
                    groups["pp"] = BASE[groups["pp"].lower()]
                yield m.start(), m.end(), template.replacement.format(**groups).rstrip(" ")
