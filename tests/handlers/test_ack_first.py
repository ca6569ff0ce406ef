"""Every listener acks before any store or Slack call (Slack's 3-second rule; README, "Acks").

Checked on the source: the first statement of every function that takes `ack` calls it.
The exceptions are modal submissions, whose validation errors can only travel in the ack;
they read the form (and, when editing, the one call being edited) before acking.
"""

from __future__ import annotations

import ast
from pathlib import Path

HANDLERS = Path(__file__).resolve().parents[2] / "handlers"
VALIDATE_BEFORE_ACK = {"submit_call", "submit_draft"}


def _listeners() -> list[tuple[str, ast.FunctionDef]]:
    found = []
    for path in sorted(HANDLERS.rglob("*.py")):
        if "console" in path.parts:
            continue  # the fake Slack's own `ack` is not a listener
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and any(a.arg == "ack" for a in node.args.args):
                found.append((f"{path.relative_to(HANDLERS)}:{node.lineno} {node.name}", node))
    return found


def _acks_first(function: ast.FunctionDef) -> bool:
    body = [
        statement
        for statement in function.body
        if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
    ]
    first = body[0] if body else None
    return (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Call)
        and isinstance(first.value.func, ast.Name)
        and first.value.func.id == "ack"
    )


def test_every_listener_acks_first_except_modal_validation() -> None:
    listeners = _listeners()
    assert len(listeners) > 20  # the walk found the listeners at all
    late = {name for name, function in listeners if not _acks_first(function)}
    assert {name.rsplit(" ", 1)[1] for name in late} == VALIDATE_BEFORE_ACK, sorted(late)
