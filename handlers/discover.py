"""Each surface is a package with one module per feature; this registers them all.

A new feature adds a module with a `register(app)` and nothing else has to change.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable

from slack_bolt import App


def register_modules(app: App, package: str, path: Iterable[str]) -> None:
    for info in sorted(pkgutil.iter_modules(path), key=lambda module: module.name):
        importlib.import_module(f"{package}.{info.name}").register(app)
