"""A throwaway PostgreSQL server for the store's tests, on 127.0.0.1 at a free port.

Started once per test session from the server binaries on the machine (PostgreSQL refuses to
run as root, so as the `postgres` user when we are root). Tests that need it are skipped,
saying why, where no server binaries are installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

from tests.process import free_port


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def unavailable_reason() -> str | None:
    if not (_binary("initdb") and _binary("pg_ctl")):
        return "PostgreSQL server binaries (initdb, pg_ctl) are not installed"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser to start PostgreSQL as another user"
    return None


@contextmanager
def postgres_server() -> Iterator[str]:
    """Yield the URL of a fresh server's maintenance database; stop and delete it after."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    assert initdb and pg_ctl
    folder = Path(tempfile.mkdtemp(prefix="coach-pg-"))
    folder.chmod(0o755)
    data = folder / "data"
    data.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT, "check": True}
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-A", "trust", "-U", "coach", "--no-sync"], **quiet
    )  # type: ignore[call-overload]
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            pg_ctl,
            "-D",
            str(data),
            "-l",
            str(folder / "log"),
            "-o",
            options,
            "-w",
            "start",
        ],
        **quiet,
    )  # type: ignore[call-overload]
    try:
        yield f"postgresql://coach@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def _admin(url: str) -> psycopg.Connection[tuple[object, ...]]:
    return psycopg.connect(url, autocommit=True)


def migrated_template_of(server_url: str) -> str:
    """Create `coach_template` with the bot's schema; return its name."""
    from bot.store.postgres import PgStore

    name = "coach_template"
    with _admin(server_url) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    PgStore(server_url.rsplit("/", 1)[0] + "/" + name, pool_size=1).close()
    return name


@contextmanager
def scratch_database(server_url: str, template: str | None = None) -> Iterator[str]:
    """A new database (a copy of `template`, or empty) for one test, dropped after it."""
    name = "coach_" + uuid.uuid4().hex[:12]
    copy = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
    with _admin(server_url) as admin:
        admin.execute(f"CREATE DATABASE {name}{copy}")
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with _admin(server_url) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
