"""The labelled masking corpus: call notes in corpus/masking/notes_*.txt, written by hand with
inline labels, compiled to corpus/masking/notes.jsonl.

In the source, `{{kind:text}}` marks sensitive text that must be masked and `[[text]]` a
look-alike (order number, date, amount, tracking number…) that must stay as written. A note's
split follows from its id alone, so adding notes never moves old ones between splits:
sha256(id)[0] % 10 is 0-5 for train, 6-7 for dev and 8-9 for test.

Run `python -m bench.masking_corpus` after editing the source files.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus" / "masking"
JSONL = CORPUS_DIR / "notes.jsonl"
SPLITS = ("train", "dev", "test")
_LABEL = re.compile(r"\{\{(?P<kind>[a-z]+):(?P<secret>.+?)\}\}|\[\[(?P<keep>.+?)\]\]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # "keep" for a look-alike


@dataclass(frozen=True)
class Note:
    id: str
    split: str
    text: str
    sensitive: tuple[Span, ...]
    keep: tuple[Span, ...]


def split_of(note_id: str) -> str:
    bucket = hashlib.sha256(note_id.encode()).digest()[0] % 10
    return "train" if bucket <= 5 else "dev" if bucket <= 7 else "test"


def parse_line(note_id: str, line: str) -> Note:
    """One labelled source line as a note with plain text and label offsets."""
    text, sensitive, keep, last = "", [], [], 0
    for match in _LABEL.finditer(line):
        text += line[last : match.start()]
        value = match.group("secret") or match.group("keep")
        span = Span(len(text), len(text) + len(value), match.group("kind") or "keep")
        (sensitive if match.group("kind") else keep).append(span)
        text += value
        last = match.end()
    text += line[last:]
    return Note(note_id, split_of(note_id), text, tuple(sensitive), tuple(keep))


def parse_sources(directory: Path = CORPUS_DIR) -> list[Note]:
    """Every note in the source files; an id is the file's letter and the note's position."""
    notes = []
    for source in sorted(directory.glob("notes_*.txt")):
        letter = source.stem.removeprefix("notes_")
        lines = [ln.strip() for ln in source.read_text("utf-8").splitlines()]
        kept = [ln for ln in lines if ln and not ln.startswith("#")]
        notes += [parse_line(f"{letter}{n:03d}", line) for n, line in enumerate(kept, 1)]
    return notes


def to_json(note: Note) -> str:
    def items(spans: tuple[Span, ...]) -> list[dict[str, object]]:
        return [
            {"kind": s.kind, "text": note.text[s.start : s.end], "start": s.start, "end": s.end}
            for s in spans
        ]

    return json.dumps(
        {
            "id": note.id,
            "split": note.split,
            "text": note.text,
            "sensitive": items(note.sensitive),
            "keep": items(note.keep),
        },
        ensure_ascii=False,
    )


def load(path: Path = JSONL) -> list[Note]:
    notes = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        notes.append(
            Note(
                row["id"],
                row["split"],
                row["text"],
                tuple(Span(i["start"], i["end"], i["kind"]) for i in row["sensitive"]),
                tuple(Span(i["start"], i["end"], i["kind"]) for i in row["keep"]),
            )
        )
    return notes


def render(notes: list[Note]) -> str:
    return "".join(to_json(note) + "\n" for note in notes)


if __name__ == "__main__":
    compiled = parse_sources()
    JSONL.write_text(render(compiled), "utf-8")
    counts = {split: sum(n.split == split for n in compiled) for split in SPLITS}
    print(f"{len(compiled)} notes written to {JSONL.name}: {counts}")
