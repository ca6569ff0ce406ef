"""Starting the bot in Socket Mode or HTTP mode, and stopping it cleanly on SIGINT or SIGTERM.

SIGTERM is what `docker stop` and systemd send; it stops the bot exactly as Ctrl-C does: no
new requests, the ones in hand finished, the listeners' work finished, the ticker stopped, the
store closed. A start that cannot reach Slack, or whose token Slack refuses, stops with one
line saying which, and no traceback.

The console is started by `bot.cli` instead, so production never loads the fake Slack.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from types import FrameType
from urllib.parse import urlsplit

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.services import Services, build_services
from handlers.app import create_app
from handlers.http import wsgi_app
from handlers.readiness import Readiness
from handlers.server import make_server

log = logging.getLogger(__name__)

# Bolt runs each listener, ack included, on this pool and the HTTP thread waits for the ack:
# with a few workers all busy on the store or Slack, a new command could not ack until one is
# free. Threads are started only as needed, so a large bound costs nothing when idle.
LISTENER_THREADS = 64
EXIT_CANNOT_START = 4
# A thread waiting for the GIL (an ack about to be sent) asks the running one to let go after
# this long; Python's default of 5 ms, paid at each of the ack's hand-offs between threads
# (HTTP loop, worker, listener) while a /rephrase computes, was most of the ack's tail.
SWITCH_INTERVAL_S = 0.001


class StartupError(Exception):
    """Slack cannot be reached, or refuses a token: the message is the one line shown."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be so both take the same clean path."""


def run(settings: Settings) -> int:
    services = build_services(settings)
    settle_for_serving()
    listeners = ThreadPoolExecutor(max_workers=LISTENER_THREADS, thread_name_prefix="listener")
    app = create_app(services, api_url=settings.api_url, executor=listeners)
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        check_slack(app.client, "SLACK_BOT_TOKEN")
        services.ticker.start()
        if settings.mode == "socket":
            _run_socket(app, settings)
        else:
            _run_http(app, settings, Readiness(services.store, app.client))
    except StartupError as error:
        print(f"Cannot start: {error}", file=sys.stderr)
        _close(services, listeners, quietly=True)
        return EXIT_CANNOT_START
    except KeyboardInterrupt as stop:
        log.info("%s: stopping", "SIGTERM" if isinstance(stop, Terminated) else "Interrupted")
    except BaseException:
        _close(services, listeners, quietly=True)
        raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    _close(services, listeners)
    return 0


def settle_for_serving() -> None:
    """Once the store is loaded: its documents and indexes live as long as the process, so
    they leave the garbage collector's view (a full collection over them took 20-150 ms, a
    pause for every thread, acks included), and waiting threads get the GIL sooner."""
    gc.collect()
    gc.freeze()
    sys.setswitchinterval(SWITCH_INTERVAL_S)


def _close(services: Services, listeners: ThreadPoolExecutor, *, quietly: bool = False) -> None:
    if not quietly:
        log.info("Stopping: finishing the listeners' work, the ticker, and closing the store")
    listeners.shutdown(wait=True, cancel_futures=True)
    services.ticker.stop()
    services.store.close()
    if not quietly:
        log.info("Stopped cleanly")


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second SIGTERM must not cut the clean stop
    raise Terminated()


def check_slack(client: WebClient, token_name: str) -> None:
    """auth.test once: a wrong token or no route to Slack is reported now, in one line."""
    host = urlsplit(client.base_url).netloc
    sdk_log = logging.getLogger("slack_sdk.web.base_client")
    level = sdk_log.level
    sdk_log.setLevel(logging.CRITICAL)  # its own error line would repeat ours
    try:
        client.auth_test()
    except SlackApiError as error:
        code = error.response.get("error") or error.response.status_code
        raise StartupError(
            f"Slack refused {token_name} ({code}). Copy the token again from the app's "
            "settings page; it may have been revoked or reinstalled."
        ) from None
    except OSError as error:
        reason = getattr(error, "reason", None) or error
        raise StartupError(
            f"cannot reach Slack at {host} ({reason}). Check the network, DNS or proxy."
        ) from None
    finally:
        sdk_log.setLevel(level)


def _run_socket(app: App, settings: Settings) -> None:
    from handlers.socket_gate import CheckedSocketModeHandler

    handler = CheckedSocketModeHandler(app, settings.app_token)
    log.info("Connecting to Slack in Socket Mode")
    try:
        try:
            handler.connect()  # type: ignore[no-untyped-call]
        except SlackApiError as error:
            code = error.response.get("error") or error.response.status_code
            raise StartupError(
                f"Slack refused SLACK_APP_TOKEN ({code}). It needs the connections:write "
                "scope; copy it again from the app's Basic Information page."
            ) from None
        except OSError as error:
            raise StartupError(f"cannot open the Socket Mode connection ({error}).") from None
        log.info("Connected to Slack in Socket Mode")
        threading.Event().wait()  # until SIGINT or SIGTERM
    finally:
        handler.close()  # type: ignore[no-untyped-call]


def _run_http(app: App, settings: Settings, readiness: Readiness) -> None:
    served = wsgi_app(app, readiness=readiness)
    server = make_server(served, "0.0.0.0", settings.port)  # noqa: S104
    log.info(
        "Listening for Slack on port %s at /slack/events (probes: /healthz, /readyz)",
        settings.port,
    )
    # waitress turns Ctrl-C (and our SIGTERM, a KeyboardInterrupt) into finishing the requests
    # in hand and returning; the interrupt itself is not re-raised.
    server.run()
