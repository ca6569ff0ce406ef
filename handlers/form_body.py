"""A form body Bolt reads the way Slack meant it.

Bolt's `parse_body` takes any form body that merely *contains* the text "payload" for an
interactive payload and, finding no `payload` field, reads it as `{}`: a slash command whose
text says "the payload limit" lost every field. For such a body this gives an equivalent one:
the same fields and values once decoded, with each "payload" written `%70ayload`, which
`parse_qsl` decodes back to "payload" but Bolt's substring test no longer sees.

Only the HTTP gate (after it has verified Slack's signature on the original bytes) and the
console's request builder (which plays Slack) call this; Socket Mode envelopes are JSON and
never go through Bolt's form parsing.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

_WORD = "payload"
_ENCODED = "%70ayload"  # "p" percent-encoded; "%70" is never part of another escape


def for_bolt(body: str, content_type: str | None) -> str:
    """`body`, or an equivalent form body without the literal text "payload"."""
    if _WORD not in body or content_type == "application/json" or body.startswith("{"):
        return body  # Bolt reads JSON as JSON, and a body without the word as a plain form
    fields = parse_qsl(body, keep_blank_values=True)
    if any(name == _WORD for name, _ in fields):
        return body  # a real interactive payload: Bolt reads its `payload` field
    rewritten = body.replace(_WORD, _ENCODED)
    # A literal "%" before "payload" stays literal either way ("%pa" and "%%70" are not
    # escapes), so the decoded fields are the same; checked, never assumed.
    if parse_qsl(rewritten, keep_blank_values=True) != fields:
        return body
    return rewritten
