"""The App Home tab: a short welcome, the commands, and each feature's own panel."""

from __future__ import annotations

from collections.abc import Callable

from bot.services import Services
from handlers.blocks import Block, actions, button, context, divider, header, section
from handlers.calllog.blocks import call_panel
from handlers.guides.home import home_panel as guide_panel
from handlers.ids import Action
from handlers.registry import COMMANDS
from handlers.reports.home import manager_panel

# A feature's panel: its blocks for this user (empty when it has nothing to show).
Panel = Callable[[Services, str], list[Block]]

# De-escalation; the agent's open follow-ups and recent calls; managers' last 7 days.
PANELS: tuple[Panel, ...] = (guide_panel, call_panel, manager_panel)


def home_view(services: Services, user_id: str) -> Block:
    blocks: list[Block] = [
        header("Service Coach"),
        section(
            "Calmer calls, kinder replies and a daily tip for the team. "
            "Everything here is private to you unless you choose to post it."
        ),
    ]
    for panel in PANELS:
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
