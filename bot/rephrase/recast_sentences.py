"""Whole-sentence recasts, as data: sentences that carry only attitude ("Calm down, sir.",
"Is that clear now?", "I've told you this before.") go or become an empathy opener, and a
lecture pointing at a source ("Read the policy next time.") becomes a pointer to it.
"""

from __future__ import annotations

from bot.rephrase.recast_table import (
    _A,
    _BLAME_KINDS,
    _REPEAT_KINDS,
    _SOURCE,
    _WE,
    _WHEN,
    ATTITUDE_KINDS,
    SPELL_OUT,
    _r,
)

SENTENCE_RECASTS = (
    _r(
        "calm-down",
        ATTITUDE_KINDS,
        rf"(?:(?:ok(?:ay)?|look|listen|please|sir|madam|ma{_A}am|now),?\s+)*(?:you need to "
        r"|just |please )?calm down(?:,?\s*(?:please|sir|madam|ma'am|ma\u2019am|mate|now))*"
        r"\s*[.!]*",
        "I can hear how frustrating this is.",
        "",
        whole=True,
    ),
    _r(
        "told-you-before",
        ATTITUDE_KINDS,
        rf"{_WE} (?:already |previously |just )*(?:told you|explained (?:this|that|it)"
        rf"(?: to you)?|said (?:this|that|it)|answered (?:this|that|it)|been (?:over|through)"
        rf" (?:this|that|it))(?: (?:this|that|it))?{_WHEN}\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "how-much-clearer",
        ATTITUDE_KINDS,
        rf"(?:I{_A}?m |I am )?(?:not sure|unsure|I don{_A}t know|I do not know) how (?:much )?"
        r"(?:clearer|more clearly|more plainly|else to (?:say|explain|put) (?:it|this|that))"
        r"(?: I can (?:be|say it|put it|make it|explain it))?\s*[.!?]+",
        "",
        whole=True,
    ),
    _r(
        "is-that-clear",
        ATTITUDE_KINDS,
        r"(?:is that|was that|does that|do you|did you) (?:clear|understood|understand|make"
        r" sense|get it|get that)(?: now| enough| this time)?\s*\?+",
        "",
        whole=True,
    ),
    _r(
        "explain-one-more-time",
        ATTITUDE_KINDS,
        rf"(?:I{_A}m going to|I am going to|I{_A}ll|let me|I will) (?:explain|say|go through)"
        r" (?:this|it|that) (?:one more time|one last time|once more|again|for the last time)"
        r"(?:,? so (?:please )?(?:try to )?(?:pay attention|listen|read (?:it )?carefully)"
        r"(?: this time)?)?\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "last-time-explaining",
        ATTITUDE_KINDS,
        rf"this is the (?:last|final) time I{_A}?(?:m| am| will be|ll be) (?:explaining|saying"
        r"|repeating|telling you)(?: (?:this|that|it))?\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "are-we-done",
        ATTITUDE_KINDS,
        rf"(?:any time now|I{_A}?m not sure what the confusion is|I don{_A}t"
        r" (?:see|know) what the confusion is|(?:do|did) you (?:even )?read (?:my|the)"
        r" (?:last |previous )?(?:email|message|reply))\s*(?:\.\.\.|\u2026|[.!?])+",
        "",
        whole=True,
    ),
    _r(
        "spell-it-out-alone",
        ATTITUDE_KINDS,
        SPELL_OUT + r"\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "obvious-remark",  # "It's common sense.", "The clue is in the name."
        ATTITUDE_KINDS,
        rf"(?:(?:it{_A}s|that{_A}s|this is|it is|that is) (?:just |really |basic |only )?common"
        rf" (?:sense|knowledge)|(?:just )?common sense(?:,? really)?|we assumed (?:that|this) was"
        rf" (?:common knowledge|obvious)|the clue is in the name|it{_A}s in the name|(?:most"
        rf"|many|all) (?:people|customers|guests) (?:know|understand|get) (?:this|that)"
        rf"|that{_A}s what it{_A}s (?:for|there for)|where else would (?:it|they|that) be)"
        r"(?:,? (?:really|sir|madam|though))?\s*[.!?]+",
        "",
        whole=True,
    ),
    _r(
        "should-not-have-to",  # "I shouldn't have to walk you through this."
        ATTITUDE_KINDS,
        rf"(?:I (?:shouldn{_A}t|should not|really shouldn{_A}t) (?:have|need) to (?:explain|walk"
        rf" you through|spell out|tell you|repeat)|I{_A}d have thought you{_A}d know|I would"
        rf" have thought you(?:{_A}d| would) know|I can see why (?:the word|this|that|it) (?:might"
        rf" be|is|would be) new to you|you can read(?: that| this)?,? (?:right|can{_A}t you))"
        r"(?: (?:this|that|it))?(?: (?:by now|again|any more|anymore))?\s*[.!?]+",
        "",
        whole=True,
    ),
    _r(
        "nothing-more-to-add",  # "Not much more I can add.", "Nothing further to say."
        ATTITUDE_KINDS,
        rf"(?:there{_A}s |there is |I have |I{_A}ve got |we have )?(?:not much|nothing)"
        rf" (?:more|else|further) (?:I can |we can |to )?(?:add|say|tell you)(?: (?:about|on)"
        r" (?:it|this|that|them))?\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "please-see-previous",  # "Please see my previous emails."
        ATTITUDE_KINDS,
        r"(?:please )?(?:see|refer (?:back )?to|check) my (?:previous|last|earlier) (?:e-?mails?"
        r"|messages?|replies|reply)(?: again)?\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "just-do-it-already",  # "Just send it already." -> "Please send it."
        _REPEAT_KINDS,
        r"(?:just |please just |can you just )?(?P<x>(?:send|do|fill in|pay|book|call|sign|upload"
        r"|reply|check|read|try|click|restart|reset|give|bring|confirm|update|enter)\b[^.!?,]{0,40}?)"
        r",? already\s*[.!]*",
        "Please {x}.",
        whole=True,
    ),
    _r(
        "pay-attention",
        ATTITUDE_KINDS,
        r"(?:please )?(?:try to )?(?:pay (?:more )?attention|read more carefully)"
        r"(?: next time| this time| in future)?\s*[.!]+",
        "",
        whole=True,
    ),
    _r(
        "read-it-next-time",
        ATTITUDE_KINDS | _BLAME_KINDS,
        rf"(?:please |maybe |perhaps |just |try to )?(?:read|check|look at|review) {_SOURCE}"
        r" (?:next time|first next time|first|properly|carefully|more carefully|before "
        r"(?:contacting|writing to|emailing|calling|messaging) us(?: again)?)\s*[.!]+",
        "You can find all the details in {x}.",
        "You'll find the details in {x}.",
        whole=True,
    ),
)
