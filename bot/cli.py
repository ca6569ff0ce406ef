"""`python -m bot` / `service-coach`: run the bot, the console, and the maintenance commands."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from dotenv import load_dotenv

from bot.atomic_storage import StoreFileError
from bot.config import ConfigError, Settings, load_settings
from bot.content import ContentError
from bot.content.check import main_check
from bot.content.ingest import main_ingest
from bot.logs import setup_logging


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="service-coach", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot: Socket Mode, HTTP mode, or the console (default)")
    sub.add_parser("console", help="try every feature locally, without Slack")
    content = sub.add_parser("content", help="check the coaching content, or draft tips")
    content_sub = content.add_subparsers(dest="content_command", required=True)
    content_sub.add_parser("check", help="validate content/ (and BOT_CONTENT_DIR); print counts")
    ingest = content_sub.add_parser("ingest", help="print candidate tips drafted from an article")
    ingest.add_argument("article", type=Path, help="a plain-text article")
    rephrase = sub.add_parser("rephrase", help="check a draft reply read from standard input")
    rephrase.add_argument("--json", action="store_true", help="print the analysis as JSON")
    rephrase.add_argument(
        "--jsonl", action="store_true", help="one JSON string per input line, one result per line"
    )
    rephrase.add_argument("--customer", metavar="TEXT", help="the customer's message, for context")
    manifest = sub.add_parser("manifest", help="print the Slack app manifest")
    manifest.add_argument("--check", action="store_true", help="fail if manifest.json is stale")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = args.command or "run"
    if command == "manifest":
        return _manifest(check=args.check)
    load_dotenv()
    if command == "rephrase":
        return _rephrase(args)  # needs no Slack settings
    try:
        settings = load_settings(os.environ)
    except ConfigError as error:
        print(f"Configuration error: {error}", file=sys.stderr)
        return 2
    setup_logging(settings.log_level, tuple(filter(None, (settings.signing_secret,))))
    try:
        return _dispatch(command, args, settings)
    except ContentError as error:
        print(f"Content error: {error}", file=sys.stderr)
        return 2
    except StoreFileError as error:
        print(f"Storage error: {error}", file=sys.stderr)
        return 3


def _dispatch(command: str, args: argparse.Namespace, settings: Settings) -> int:
    from bot.console import run_console
    from bot.run import run

    if command == "content":
        if args.content_command == "check":
            return main_check(settings.content_dir)
        return main_ingest(args.article)
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


def _rephrase(args: argparse.Namespace) -> int:
    from bot.rephrase.cli import main_rephrase
    from bot.rephrase.engine import default_engine

    try:
        engine = default_engine()
    except ContentError as error:
        print(f"Content error: {error}", file=sys.stderr)
        return 2
    return main_rephrase(engine, as_json=args.json, jsonl=args.jsonl, customer=args.customer)
