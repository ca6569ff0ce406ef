"""The App Home tab: a short welcome, the commands, and each feature's own panel."""

from __future__ import annotations

from collections.abc import Callable

from bot.blocks import Block, actions, button, context, divider, header, section
from bot.ids import Action
from bot.registry import COMMANDS
from bot.services import Services

# A feature's panel: its blocks for this user (empty when it has nothing to show).
Panel = Callable[[Services, str], list[Block]]


def _panels() -> list[Panel]:
    # Imported here so that core modules never import feature modules at load time.
    panels: list[Panel] = []
    # --- de-escalation ---
    from bot.guides.home import home_panel as guide_panel

    panels.append(guide_panel)

    # --- call log: the agent's open follow-ups and recent calls ---
    from bot.calllog.blocks import call_panel

    panels.append(call_panel)

    # --- managers: the last 7 days ---
    from bot.reports.home import manager_panel

    panels.append(manager_panel)

    return panels


def home_view(services: Services, user_id: str) -> Block:
    blocks: list[Block] = [
        header("Service Coach"),
        section(
            "Calmer calls, kinder replies and a daily tip for the team. "
            "Everything here is private to you unless you choose to post it."
        ),
    ]
    for panel in _panels():
        panel_blocks = panel(services, user_id)
        if panel_blocks:
            blocks += [divider(), *panel_blocks]
    commands = "\n".join(f"*{info.command}* — {info.description}" for info in COMMANDS)
    blocks += [
        divider(),
        section("*Commands*\n" + commands),
        actions(button("Show help", Action.HOME_HELP)),
        context("Tips and guides are drawn from five articles on customer service."),
    ]
    return {"type": "home", "blocks": blocks[:100]}
