"""More clause-level recasts, as data (recasts.py applies them): lead-ins that presume what
the customer knows or did, and closing tags that wave a complaint away. Each is attitude
around information; what follows a lead-in, or comes before a tag, is the information and
stays. Patterns are written for shapes, never for one draft's words.
"""

from __future__ import annotations

from bot.rephrase.recast_table import _A, _REPEAT_KINDS, _TAG_KINDS, SENTENCE_END, _r

_PRESUMING_KINDS = _REPEAT_KINDS | {"blame", "blame-shifting"}
_WAVING_KINDS = frozenset({"minimising", "dismissive", "sarcasm", "passive-aggressive"})
_SEP = r"\s*(?:,|:|\u2014|\s-)\s*"
_TAG_START = r"\s*(?:,|;|\u2014|\s-)\s*(?:so |and |but |yeah,? |honestly,? |really,? )?"
_TAG_END = r"(?:,? (?:really|honestly|at all|at most|though|tbh|either))?" + SENTENCE_END
_IT = rf"(?:it|that|this)(?:{_A}s| is| was)"

LEAD_RECASTS = (
    _r(
        "as-previously-said",  # "As previously communicated, …" (no one named saying it)
        _REPEAT_KINDS,
        r"(?:as|like) (?:previously|already|earlier|before) (?:communicated|stated|mentioned"
        r"|discussed|explained|advised|noted|said|indicated|confirmed)(?: (?:several|many|a few"
        r"|multiple) times| before| earlier| previously)?" + _SEP,
        "To recap, ",
        "",
        lead_in=True,
    ),
    _r(
        "as-discussed",  # "As discussed, …" / "Per our previous conversation, …"
        _REPEAT_KINDS,
        r"(?:as (?:we )?discussed(?: (?:before|earlier|previously|already))?|per (?:my|our)"
        r" (?:previous|last|earlier) (?:conversation|call|chat|discussion))" + _SEP,
        "To recap, ",
        "",
        lead_in=True,
    ),
    _r(
        "as-you-know",  # presuming: "As I'm sure you're aware, …", "As you should know, …"
        _PRESUMING_KINDS,
        rf"(?:as (?:I{_A}m sure |I am sure )?you(?:{_A}re| are| were| may be| must be| should"
        rf" be) aware|as you (?:should |must |surely |probably |will |may )?(?:know|realise"
        rf"|realize)|as you{_A}ll (?:know|be aware)|as everyone knows|as we all know|I{_A}m sure"
        rf" you(?:{_A}ll| will) (?:understand|appreciate|agree)(?: that)?)" + r"\s*,?\s*",
        "",
        lead_in=True,
    ),
    _r(
        "im-sure-youre-busy",  # "I'm sure you're very busy, but …"
        _PRESUMING_KINDS,
        rf"I{_A}?m sure you{_A}re (?:very |really |terribly )?(?:busy|aware(?: of this)?)"
        r",? (?:but|and) ",
        "",
        lead_in=True,
    ),
    _r(
        "not-sure-if-you-saw",  # "Not sure if you saw my last message, but …"
        _PRESUMING_KINDS,
        rf"(?:I{_A}?m |I am )?(?:not sure|unsure) (?:if|whether) you (?:saw|read|got|received"
        rf"|noticed|had a chance to read) my (?:last|previous|earlier|other) (?:e-?mails?"
        r"|messages?|replies|reply|notes?|letters?),? but ",
        "",
        lead_in=True,
    ),
    _r(
        "rules-are-rules-lead-in",  # "Unfortunately the rules are the rules, madam, …"
        _TAG_KINDS,
        rf"(?:(?:unfortunately|sorry|I{_A}m afraid),?\s+)?(?:the )?(?P<r>rules?|polic(?:y|ies)"
        rf"|terms|regulations?) (?:is|are) (?:the |our )?(?P=r)(?:,? (?:sir|madam|ma{_A}am))?"
        + _SEP,
        "",
        lead_in=True,
    ),
    _r(
        "helpful-lead-in",  # "Just to help you along: …", "Pro tip for next time: …"
        _PRESUMING_KINDS,
        r"(?:just )?(?:to help you (?:out|along)|a (?:quick|friendly|little) (?:tip|reminder)"
        r"|pro tip(?: for next time)?|friendly reminder|before you ask)" + _SEP,
        "",
        lead_in=True,
    ),
    _r(
        "friendly-reminder-that",  # "Friendly reminder that the clinic is closed on Sundays."
        _PRESUMING_KINDS,
        r"(?:just a )?(?:friendly|gentle|quick) reminder that ",
        "",
        lead_in=True,
    ),
    _r(
        "not-a-big-deal",  # "…, so it's not really a big deal." ("which is a minor
        # inconvenience" is left: what it follows, "only off for three hours", minimises too)
        _WAVING_KINDS,
        _TAG_START
        + rf"(?:{_IT} (?:really |honestly |just )?(?:not|hardly|n{_A}t) (?:really |exactly )?"
        r"(?:a big (?:deal|issue|problem)|the end of the world|a disaster|a catastrophe)"
        rf"|(?:there{_A}s |there is )?no (?:real )?harm done|no big deal)" + _TAG_END,
        "",
        cue=r"big (?:deal|issue|problem)|end of the world|disaster|catastrophe|harm done",
    ),
    _r(
        "moving-on",  # "…, moving on."
        _WAVING_KINDS | {"impatience", "cold"},
        _TAG_START + rf"(?:(?:so|anyway|ok(?:ay)?),? )?(?:let{_A}s )?mov(?:e|ing) on" + _TAG_END,
        "",
        cue=r"mov(?:e|ing) on",
    ),
    _r(
        "as-mentioned-tag",  # "…, as mentioned previously."
        _REPEAT_KINDS,
        r"\s*,\s*(?:as|like) (?:(?:I|we) )?(?:mentioned|stated|said|explained|discussed"
        r"|communicated|advised)(?: (?:previously|before|earlier|already|several times|many"
        r" times|twice))+" + SENTENCE_END,
        "",
        cue=r"mentioned|stated|said|explained|discussed|communicated|advised",
    ),
    _r(
        "even-if-complicated",  # "…, even if it seems complicated to you."
        _PRESUMING_KINDS,
        r"\s*,?\s*even (?:if|though) (?:it|this|that) (?:seems|sounds|looks|might seem|may seem)"
        r" (?:a bit |a little |quite |so )?(?:complicated|confusing|difficult|hard|tricky)"
        r"(?: to you)?" + SENTENCE_END,
        "",
        cue="even",
    ),
    _r(
        "see-earlier-tag",  # "…, please refer back to those emails."
        _REPEAT_KINDS,
        r"\s*(?:,|;|\u2014|\s-)\s*(?:so |and )?(?:please |just )?(?:refer back to|see|check"
        r"|re-?read|look back at|go back to) (?:those|my|our|the) (?:previous |earlier |last "
        r"|other )?"
        r"(?:e-?mails?|messages?|replies|reply|letters?|notes?)(?: (?:again|above|below))?"
        + SENTENCE_END,
        "",
        cue="refer|see|check|read|look back|go back",
    ),
)
