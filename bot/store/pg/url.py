"""BOT_DATABASE_URL read once, checked, and kept out of every message.

A password may hold an unescaped `@`, `:` or `/` (people paste them as they are), so the
userinfo ends at the *last* `@` before the host. Whatever psycopg or the server says is
passed through `redact` before it reaches a log or a person: the whole URL, the password (as
typed and percent-encoded) and any `password=` parameter are replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote

from bot.store.interface import StoreFileError

HIDDEN = "***"
_SCHEMES = ("postgresql://", "postgres://")
_INTEGER_PARAMS = ("connect_timeout", "port", "keepalives", "keepalives_idle")
_PASSWORD_PARAM = re.compile(r"(password\s*=\s*)('[^']*'|\S+)", re.IGNORECASE)
_USERINFO = re.compile(r"(postgres(?:ql)?://[^/\s]*?:)[^\s]*@", re.IGNORECASE)


@dataclass(frozen=True)
class DatabaseUrl:
    raw: str = field(repr=False)
    user: str | None
    password: str | None = field(repr=False)
    host: str
    port: int | None
    database: str
    params: tuple[tuple[str, str], ...] = ()

    def connect_kwargs(self) -> dict[str, str | int]:
        """Keyword arguments for psycopg.connect: no URL re-assembly, so nothing to escape."""
        kwargs: dict[str, str | int] = {"host": self.host, "dbname": self.database}
        if self.user:
            kwargs["user"] = self.user
        if self.password is not None:
            kwargs["password"] = self.password
        if self.port is not None:
            kwargs["port"] = self.port
        for name, value in self.params:
            kwargs[name] = int(value) if name in _INTEGER_PARAMS else value
        return kwargs

    def secrets(self) -> tuple[str, ...]:
        found = []
        if self.password:
            found += [self.password, quote(self.password, safe="")]
        found += [value for name, value in self.params if name == "password" and value]
        # The whole URL too, once it holds a secret: it may be quoted in an error.
        return tuple([self.raw, *found] if found else [])

    def shown(self) -> str:
        """The URL as it may appear in a message: no password."""
        who = f"{self.user}:{HIDDEN}@" if self.password else (f"{self.user}@" if self.user else "")
        port = f":{self.port}" if self.port is not None else ""
        return f"postgresql://{who}{self.host}{port}/{self.database}"


def _problem(what: str) -> StoreFileError:
    return StoreFileError(
        f"BOT_DATABASE_URL is not a usable PostgreSQL URL: {what}. Use the form "
        "postgresql://user:password@host:5432/database (percent-encode @ : / in the password)."
    )


def parse_url(raw: str) -> DatabaseUrl:
    """Read the URL or raise StoreFileError with one line that names the problem, never the
    password."""
    if not raw.startswith(_SCHEMES):
        raise _problem("it must start with postgresql://")
    rest = raw.split("://", 1)[1]
    rest, _, query = rest.partition("?")
    userinfo, at, hostpart = rest.rpartition("@")
    if not at:
        hostpart = rest
    hostport, _, database = hostpart.partition("/")
    user = password = None
    if userinfo:
        name, colon, secret = userinfo.partition(":")
        user = unquote(name) or None
        password = unquote(secret) if colon else None
    host, port = _host_and_port(hostport)
    params = tuple(parse_qsl(query, keep_blank_values=True))
    for name, value in params:
        if name in _INTEGER_PARAMS and not value.isdigit():
            raise _problem(f"{name} must be a whole number (got {value!r})")
    return DatabaseUrl(raw, user, password, host, port, unquote(database) or "postgres", params)


def _host_and_port(hostport: str) -> tuple[str, int | None]:
    if not hostport:
        return "localhost", None
    if hostport.startswith("["):  # an IPv6 address: [::1]:5432
        address, _, after = hostport[1:].partition("]")
        port_text = after[1:] if after.startswith(":") else ""
        host = address
    else:
        host, _, port_text = hostport.partition(":")
    if not port_text:
        return host or "localhost", None
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise _problem("the port must be a number from 1 to 65535")
    return host or "localhost", int(port_text)


def redact(text: str, secrets: tuple[str, ...] = ()) -> str:
    """`text` without the given secrets, any `password=` value or URL userinfo password."""
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, HIDDEN)
    text = _PASSWORD_PARAM.sub(lambda match: match.group(1) + HIDDEN, text)
    return _USERINFO.sub(lambda match: match.group(1) + HIDDEN + "@", text)


def one_line(error: BaseException, secrets: tuple[str, ...]) -> str:
    """A database error as one redacted line (psycopg's messages span several)."""
    words = " ".join(str(error).split()) or type(error).__name__
    return redact(words, secrets)
