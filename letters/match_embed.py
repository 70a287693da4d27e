"""Static sentence embeddings: a model2vec model distilled from all-MiniLM-L6-v2.

The model is a data file in the repository (see letters/data/README.md for how it was made):
a token table and numpy, no deep-learning runtime. It loads once per process, on first use.
Pooling is done here rather than by `StaticModel.encode`, which loops in Python per text when
the vocabulary is quantized; the result is the same mean of token vectors.
"""

from __future__ import annotations

import os
import threading
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
    """Like embed, remembering each text: a user's bank is ranked again and again.

    The vectors live in one growing matrix, so a call gathers rows instead of stacking arrays.
    """
    global _matrix
    if not texts:
        return np.zeros((0, model().dim), dtype=np.float32)
    with _lock:  # threaded workers share the process's memory
        missing = [text for text in dict.fromkeys(texts) if text not in _rows]
        if missing:
            if len(_rows) + len(missing) > _REMEMBERED:
                _rows.clear()
                missing = list(dict.fromkeys(texts))
            start = len(_rows)
            if start + len(missing) > len(_matrix):
                size = max(2 * len(_matrix), start + len(missing))
                grown = np.zeros((size, model().dim), np.float32)
                if start:
                    grown[:start] = _matrix[:start]
                _matrix = grown
            _matrix[start : start + len(missing)] = embed(missing)
            _rows.update(zip(missing, range(start, start + len(missing)), strict=True))
        return _matrix[[_rows[text] for text in texts]]


def rarity(words: Sequence[str]) -> np.ndarray:
    """How rare each word is in English, 0 to 1: the largest of its tokens' weights.

    The distilled model weighs each token by its frequency (SIF weighting), so a word the
    tokenizer knows as common ("processing") weighs less than one it knows as rare ("payroll").
    """
    static = model()
    with _lock:
        missing = [word for word in dict.fromkeys(words) if word not in _rarity]
        if missing:
            encoded = static.tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            for word, encoding in zip(missing, encoded, strict=True):
                ids = [i for i in encoding.ids if i != static.unk_token_id]
                weights = static.weights[ids] if static.weights is not None else np.ones(len(ids))
                _rarity[word] = float(weights.max()) if len(ids) else 1.0
        return np.array([_rarity[word] for word in words])


def forget() -> None:
    """Drop every remembered vector and weight, so the next call works afresh (for timing)."""
    with _lock:
        _rows.clear()
        _rarity.clear()


# Per process, like the model; nothing to share. Row _rows[text] of _matrix is text's vector.
_rows: dict[str, int] = {}
_matrix = np.zeros((0, 0), dtype=np.float32)
_rarity: dict[str, float] = {}
_lock = threading.RLock()
