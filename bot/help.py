"""The /help card, built from the command registry."""

from __future__ import annotations

from bot.blocks import Block, context, header, section
from bot.registry import COMMANDS, SHORTCUTS


def help_text() -> str:
    lines = [
        f"{info.command} {info.usage_hint}".rstrip() + f" — {info.description}" for info in COMMANDS
    ]
    return "Service Coach commands:\n" + "\n".join(lines)


def help_blocks() -> list[Block]:
    blocks: list[Block] = [header("Service Coach: what I can do")]
    for info in COMMANDS:
        usage = f"`{info.command} {info.usage_hint}`".replace(" `", "`") if info.usage_hint else ""
        line = f"*{info.command}* — {info.description}"
        if usage:
            line += f"\n{usage}"
        if len(info.examples) > 1:
            line += "\nFor example: " + ", ".join(f"`{example}`" for example in info.examples[1:])
        blocks.append(section(line))
    shortcuts = ", ".join(f"*{s.name}*" for s in SHORTCUTS)
    blocks.append(
        context(f"On any message, open *More actions* (⋯) for the shortcuts {shortcuts}.")
    )
    return blocks
