"""Scores the masker on the labelled corpus: `python -m bench.masking_eval [--regions GB,US]`.

For each split: sensitive items left (partly) unmasked, and the share of look-alikes kept
exactly as written. `--show train,dev` lists the misses of those splits; the test split's
misses are never listed, so nothing is tuned on them.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass

from bench.masking_corpus import SPLITS, Note, Span, load
from bot.calllog.masking import Masker

# The regions the corpus is scored with: the default alone (national numbers of other
# countries must then be caught by their shape), and the countries the notes come from.
SETTINGS: tuple[tuple[str, ...], ...] = (("US",), ("GB", "US", "DE", "FR", "IN", "AU"))


@dataclass(frozen=True)
class Score:
    notes: int
    sensitive: int
    unmasked: int
    lookalikes: int
    kept: int
    misses: tuple[str, ...]

    @property
    def kept_rate(self) -> float:
        return self.kept / self.lookalikes if self.lookalikes else 1.0


def score(notes: list[Note], masker: Masker) -> Score:
    sensitive = unmasked = lookalikes = kept = 0
    misses: list[str] = []
    for note in notes:
        found = masker.mask(note.text).found
        for item in note.sensitive:
            sensitive += 1
            if not _covered(item, [(f.start, f.end) for f in found]):
                unmasked += 1
                misses.append(f"{note.id} UNMASKED {_show(note, item)}: {note.text}")
        for item in note.keep:
            lookalikes += 1
            if any(f.start < item.end and item.start < f.end for f in found):
                misses.append(f"{note.id} LOST {_show(note, item)}: {note.text}")
            else:
                kept += 1
    return Score(len(notes), sensitive, unmasked, lookalikes, kept, tuple(misses))


def _covered(item: Span, spans: list[tuple[int, int]]) -> bool:
    """Every character of the item lies inside a masked span."""
    return all(
        any(start <= position < end for start, end in spans)
        for position in range(item.start, item.end)
    )


def _show(note: Note, item: Span) -> str:
    return f"{item.kind} {note.text[item.start : item.end]!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--show", default="", help="splits whose misses to list: train,dev")
    args = parser.parse_args(argv)
    show = {part for part in args.show.split(",") if part and part != "test"}
    notes = load()
    for regions in SETTINGS:
        print(f"BOT_PHONE_REGIONS={','.join(regions)}")
        masker = Masker(regions)
        for split in SPLITS:
            result = score([n for n in notes if n.split == split], masker)
            print(
                f"  {split:5} {result.notes:3} notes: {result.unmasked} of {result.sensitive} "
                f"sensitive items unmasked; {result.kept} of {result.lookalikes} look-alikes "
                f"kept ({result.kept_rate:.1%})"
            )
            if split in show:
                for miss in result.misses:
                    print("     ", miss)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
