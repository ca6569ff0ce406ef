"""Files the bot uploads (CSV exports, charts), saved where the console's user can open them.

Slack's upload is three calls: files.getUploadURLExternal names the file, the bytes go to the
URL it gave, and files.completeUploadExternal shares it. The console keeps the name from the
first, writes the bytes it receives under that name, and prints the path.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


class SavedFiles:
    def __init__(self, folder: Path, read_upload: Callable[[str], bytes | None]) -> None:
        self.folder = folder
        self.read_upload = read_upload
        self._names: dict[str, str] = {}  # file ID → the name the bot gave it
        self.saved: dict[str, Path] = {}  # file ID → where it was written

    def named(self, file_id: str, filename: str) -> None:
        self._names[file_id] = Path(filename).name or file_id  # never a path from outside

    def save(self, file_id: str) -> Path | None:
        content = self.read_upload(file_id)
        if content is None:
            return None
        self.folder.mkdir(parents=True, exist_ok=True)
        name = Path(self._names.get(file_id, file_id))
        path = self.folder / name
        count = 1
        while path.exists():  # keep earlier exports: calls.csv, calls-2.csv …
            count += 1
            path = self.folder / f"{name.stem}-{count}{name.suffix}"
        path.write_bytes(content)
        self.saved[file_id] = path
        return path


def dm_recipient(channel: str) -> str | None:
    """The person a direct message goes to: posted to U… directly, or the fake Slack's D…
    conversation of that user. None for a channel."""
    if channel.startswith(("U", "W")):
        return channel
    if channel.startswith("D"):
        return "U" + channel[1:]
    return None
