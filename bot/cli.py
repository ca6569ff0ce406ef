"""`python -m bot` / `service-coach`: run the bot, the console, and the maintenance commands."""

from __future__ import annotations

import argparse
import os
import sys

from dotenv import load_dotenv

from bot.atomic_storage import StoreFileError
from bot.config import ConfigError, Settings, load_settings
from bot.logs import setup_logging


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="service-coach", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot: Socket Mode, HTTP mode, or the console (default)")
    sub.add_parser("console", help="try every feature locally, without Slack")
    manifest = sub.add_parser("manifest", help="print the Slack app manifest")
    manifest.add_argument("--check", action="store_true", help="fail if manifest.json is stale")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    if command == "manifest":
        return _manifest(check=args.check)
    load_dotenv()
    try:
        settings = load_settings(os.environ)
    except ConfigError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, tuple(filter(None, (settings.signing_secret,))))
    try:
        return _dispatch(command, settings)
    except StoreFileError as error:
        print(f"Storage error: {error}", file=sys.stderr)
        return 3


def _dispatch(command: str, settings: Settings) -> int:
    from bot.console import run_console
    from bot.run import run

    if command == "console":
        return run_console(settings)
    return run(settings)


def _manifest(check: bool) -> int:
    from bot.manifest import MANIFEST_PATH, manifest_json

    text = manifest_json()
    if not check:
        sys.stdout.write(text)
        return 0
    if MANIFEST_PATH.read_text(encoding="utf-8") != text:
        print(
            "manifest.json is out of date: run `python -m bot manifest > manifest.json`",
            file=sys.stderr,
        )
        return 1
    return 0
