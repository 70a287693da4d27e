"""Static sentence embeddings: a model2vec model distilled from all-MiniLM-L6-v2.

The model is a data file in the repository (see letters/data/README.md for how it was made):
a token table and numpy, no deep-learning runtime. It loads once per process, on first use.
Pooling is done here rather than by `StaticModel.encode`, which loops in Python per text when
the vocabulary is quantized; the result is the same mean of token vectors.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from letters.match_text import DATA

if TYPE_CHECKING:
    from model2vec import StaticModel

MODEL_DIR = DATA / "minilm-l6-m2v"
_REMEMBERED = 50_000


@cache
def model() -> StaticModel:
    """The distilled model, loaded from the repository and never from a hub."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from model2vec import StaticModel  # imported here: loading is deferred to first use

    return StaticModel.from_pretrained(MODEL_DIR, normalize=True)


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (all zeros for a text with no known token)."""
    static = model()
    out = np.zeros((len(texts), static.dim), dtype=np.float32)
    if not texts:
        return out
    ids = [
        encoding.ids
        for encoding in static.tokenizer.encode_batch_fast(list(texts), add_special_tokens=False)
    ]
    if static.max_length and any(len(row) > static.max_length for row in ids):
        ids = [row[: static.max_length] for row in ids]
    lengths = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
    flat = np.fromiter(chain.from_iterable(ids), dtype=np.intp, count=int(lengths.sum()))
    owner = np.repeat(np.arange(len(ids)), lengths)
    if static.unk_token_id is not None:
        known = flat != static.unk_token_id
        flat, owner = flat[known], owner[known]
    if not flat.size:
        return out
    rows = static.embedding[flat if static.token_mapping is None else static.token_mapping[flat]]
    rows = rows.astype(np.float32)
    if static.weights is not None:
        rows *= static.weights[flat, None].astype(np.float32)
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    out[owner[starts]] = np.add.reduceat(rows, starts, axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=out, where=norms > 0)


def remembered(texts: Sequence[str]) -> np.ndarray:
    """Like embed, remembering each text: a user's bank is ranked again and again."""
    missing = [text for text in dict.fromkeys(texts) if text not in _seen]
    if missing:
        if len(_seen) + len(missing) > _REMEMBERED:
            _seen.clear()
        _seen.update(zip(missing, embed(missing), strict=True))
    if not texts:
        return np.zeros((0, model().dim), dtype=np.float32)
    return np.stack([_seen[text] for text in texts])


_seen: dict[str, np.ndarray] = {}  # per process, like the model; nothing to share
