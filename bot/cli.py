"""`python -m bot` / `service-coach`: run the bot, the console, and the maintenance commands."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from dotenv import load_dotenv

from bot.config import ConfigError, Settings, load_settings
from bot.content import ContentError
from bot.content.check import main_check
from bot.content.ingest import main_ingest
from bot.logs import secrets_of, setup_logging
from bot.store import StoreFileError


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
    calls = sub.add_parser("calls", help="maintain the difficult-call log")
    calls_sub = calls.add_subparsers(dest="calls_command", required=True)
    purge = calls_sub.add_parser("purge", help="delete calls logged before a date; print how many")
    purge.add_argument(
        "--before",
        required=True,
        type=_date,
        metavar="YYYY-MM-DD",
        help="delete calls logged before the start of this day (BOT_TIMEZONE)",
    )
    demo = sub.add_parser("demo-data", help="fill the configured store with realistic demo data")
    demo.add_argument("--calls", type=_count, required=True, metavar="N", help="calls to add")
    demo.add_argument(
        "--days", type=_count, metavar="D", help="spread them over D days (default: 100 a day)"
    )
    demo.add_argument("--channels", type=_count, default=20, metavar="C", help="tip schedules")
    demo.add_argument("--seed", type=int, default=14, help="the same seed gives the same data")
    demo.add_argument(
        "--append", action="store_true", help="add even when the store already holds calls"
    )
    post_tip = sub.add_parser("post-tip", help="post one tip to a channel now (for cron)")
    post_tip.add_argument("--channel", required=True, help="the channel ID, such as C0123ABCD")
    # Points the Web API client elsewhere; only the tests use it, against the fake Slack.
    post_tip.add_argument("--api-url", help=argparse.SUPPRESS)
    rephrase = sub.add_parser("rephrase", help="check a draft reply read from standard input")
    rephrase.add_argument("--json", action="store_true", help="print the analysis as JSON")
    rephrase.add_argument(
        "--jsonl", action="store_true", help="one JSON string per input line, one result per line"
    )
    rephrase.add_argument("--customer", metavar="TEXT", help="the customer's message, for context")
    rephrase.add_argument(
        "action",
        nargs="?",
        choices=["eval", "politeness-eval"],
        help="eval: score detection on the labelled corpus; "
        "politeness-eval: the politeness score, zero-shot, on the Stanford Politeness Corpus",
    )
    rephrase.add_argument(
        "--split",
        choices=["train", "dev", "test", "holdout"],
        default="test",
        help="the corpus split, or the held-out writer's set (eval)",
    )
    manifest = sub.add_parser("manifest", help="print the Slack app manifest")
    manifest.add_argument("--check", action="store_true", help="fail if manifest.json is stale")
    return parser


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (`… | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _main(argv: list[str] | None) -> int:
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
    level = settings.log_level
    if _runs_console(command, settings) and not os.environ.get("LOG_LEVEL"):
        level = "WARNING"  # routine INFO lines would interleave with the console's own output
    setup_logging(level, secrets_of(settings.signing_secret, settings.database_url))
    try:
        return _dispatch(command, args, settings)
    except ContentError as error:
        print(f"Content error: {error}", file=sys.stderr)
        return 2
    except StoreFileError as error:
        print(f"Storage error: {error}", file=sys.stderr)
        return 3


def _runs_console(command: str, settings: Settings) -> bool:
    return command == "console" or (command == "run" and settings.mode == "console")


def _dispatch(command: str, args: argparse.Namespace, settings: Settings) -> int:
    # The Slack edge is imported here, lazily: the one place the core reaches into handlers/.
    if command == "content":
        if args.content_command == "check":
            return main_check(settings.content_dir)
        return main_ingest(args.article)
    if command == "calls":
        return _purge_calls(settings, args.before)
    if command == "demo-data":
        from bot.demo_cli import main_demo_data

        return main_demo_data(settings, args)
    if command == "post-tip":
        from handlers.tips.cli import main_post_tip

        return main_post_tip(settings, args.channel, args.api_url)
    if _runs_console(command, settings):
        from handlers.console.repl import run_console

        if command == "run" and settings.console_reason:
            print(settings.console_reason, file=sys.stderr)
        return run_console(settings)
    from handlers.run import run

    return run(settings)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date like 2026-01-31 (YYYY-MM-DD)"
        ) from None


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number like 1000")
    return int(text)


def _purge_calls(settings: Settings, before: date) -> int:
    from bot.calllog.retention import purge_before, start_of
    from bot.store import open_store

    cutoff = start_of(before, settings.zone)
    store = open_store(
        Path(settings.db_path), settings.database_url, pool_size=settings.db_pool_size
    )
    try:
        purged = purge_before(store, cutoff)
    finally:
        store.close()
    print(f"Purged {purged} call(s) logged before {before.isoformat()} ({settings.zone}).")
    return 0


def _manifest(check: bool) -> int:
    from handlers.manifest import MANIFEST_PATH, manifest_json

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
    if args.action == "eval":
        from bot.rephrase.eval import main_eval

        print(main_eval(engine.findings, args.split))
        return 0
    if args.action == "politeness-eval":
        from bot.rephrase.stanford_eval import main_politeness_eval

        print(main_politeness_eval(engine.score))
        return 0
    return main_rephrase(engine, as_json=args.json, jsonl=args.jsonl, customer=args.customer)
