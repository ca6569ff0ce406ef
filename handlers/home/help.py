"""The /help card, built from the command registry."""

from __future__ import annotations

from handlers.blocks import Block, context, header, section
from handlers.registry import COMMANDS, SHORTCUTS


def help_text() -> str:
    lines = [
        f"{info.command} {info.usage_hint}".rstrip() + f" — {info.description}" for info in COMMANDS
    ]
    return "Service Coach commands:\n" + "\n".join(lines)


def help_blocks() -> list[Block]:
    blocks: list[Block] = [header("Service Coach: what I can do")]
    for info in COMMANDS:
        line = f"*{info.command}* — {info.description}"
        if info.usage_hint:
            line += f"\n`{info.command} {info.usage_hint}`"
        # The bare command says nothing the title does not; show the ones with arguments.
        examples = [example for example in info.examples if example != info.command]
        if examples:
            line += "\nFor example: " + ", ".join(f"`{example}`" for example in examples)
        blocks.append(section(line))
    shortcuts = ", ".join(f"*{s.name}*" for s in SHORTCUTS)
    blocks.append(
        context(f"On any message, open *More actions* (⋯) for the shortcuts {shortcuts}.")
    )
    return blocks
