"""Reading what is typed at the console: quoted values, Slack IDs, menu options."""

from __future__ import annotations

import re
import shlex

from handlers.console.fakeslack.render import Control, Field
from handlers.console.screen import ConsoleError


def quoted_words(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError as error:
        raise ConsoleError(
            f'could not read that line: {error}; quote a value with spaces as notes="two words"'
        ) from None


def slack_id(args: list[str], pattern: re.Pattern[str], example: str, rule: str) -> str:
    if len(args) != 1:
        raise ConsoleError(f"usage: {example}")
    wanted = args[0].upper()  # Slack IDs are upper case; accept u0manager1 too
    if not pattern.match(wanted):
        raise ConsoleError(f"{args[0]!r} is not a Slack ID ({rule}); e.g. {example}")
    return wanted


def initial_text(one: Field) -> str:
    if isinstance(one.initial, list):
        return ",".join(str(item) for item in one.initial)
    return str(one.initial) if one.initial else ""


def pick_option(control: Control, wanted: str) -> tuple[str, str] | None:
    if not control.options:
        return None
    if not wanted:
        raise ConsoleError(
            f"[{control.number}] is a menu; add an option: "
            + " | ".join(label for label, _ in control.options)
        )
    if wanted.isdigit() and 1 <= int(wanted) <= len(control.options):
        return control.options[int(wanted) - 1]
    for label, value in control.options:
        if wanted.lower() in (label.lower(), value.lower()):
            return label, value
    raise ConsoleError(
        f"{wanted!r} is not an option of [{control.number}]: "
        + " | ".join(label for label, _ in control.options)
    )
