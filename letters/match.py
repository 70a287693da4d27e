"""Rank a user's strengths against each requirement of a job posting.

Three kinds of signal, combined by a small logistic model whose weights are data
(letters/data/match_weights.json, fitted and cross-validated by bench/match_eval.py):

- lexical: BM25 over normalised, stemmed words folded through a synonym table (match_text.py);
- semantic: static embeddings distilled from all-MiniLM-L6-v2, for the whole text and word by
  word (match_embed.py);
- structured: years of experience, degree level and field, named credentials (match_signals.py).

A score is the model's odds that the strength, rather than nothing in the bank, answers the
requirement; every suggestion says why in a few words.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from letters import match_embed, match_signals, match_text
from letters.match_text import DATA, Word

# Even odds: at or above it the best suggestion is taken without asking (auto-match); below it
# the match page says there is no strong match yet.
THRESHOLD = 0.5
# The most a strength stating a lower degree than the one asked can score: shown, never taken.
BELOW_DEGREE = 0.4
# Below this a strength is no lead at all: it scores 0, so pages can leave it out.
NOT_A_LEAD = 0.05

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2
# A general term implied by a specific one ("ECS" says "AWS") counts for less than the word.
IMPLIED_WEIGHT = 0.5
# Word pairs at least this close in meaning explain a suggestion that shares no words.
RELATED_WORDS = 0.6

NO_WORDS = "the requirement has no words to match"
NO_OVERLAP = "no words in common with the requirement"
CLOSE_IN_MEANING = "close in meaning"

# The columns of signals(), in the order the fitted weights name them.
SIGNALS = (
    "lexical",  # BM25, normalised by what the requirement would score against itself
    "semantic",  # cosine of sentence embeddings, the whole text or the title alone
    "words",  # requirement words matched by meaning to the strength's nearest words
    "years",  # years stated over years asked, up to 1
    "degree",  # 1 meets the level and field, less for another field, -1 below the level
    "credential",  # 1 when the strength names a license or certification the requirement asks
    "lexical_margin",  # each of the first three minus the best other strength's
    "semantic_margin",
    "words_margin",
    "unmet",  # degrees and credentials asked that the strength does not show
    "unseen",  # share of the requirement's words that no strength in the bank uses
    "coverage",  # share of the requirement's words the strength uses
)
_LEXICAL, _SEMANTIC, _WORDS, _YEARS, _DEGREE, _CREDENTIAL = range(6)
_MARGINS = slice(6, 9)
_UNMET, _UNSEEN, _COVERAGE = 9, 10, 11


@dataclass(frozen=True)
class StrengthText:
    id: str
    title: str
    detail: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    strength_id: str
    score: float
    why: tuple[str, ...]


def rank(requirement: str, strengths: Sequence[StrengthText]) -> list[Suggestion]:
    """Every strength, best first (ties broken by the input order)."""
    return rank_all([requirement], strengths)[0]


def rank_all(
    requirements: Sequence[str], strengths: Sequence[StrengthText]
) -> list[list[Suggestion]]:
    """Same as rank for each requirement, reading the strengths once."""
    if not strengths:
        return [[] for _ in requirements]
    bank = _Bank.build(strengths)
    weights, bias = _weights()
    ranked = []
    for found in _Found.all(requirements, bank):
        if not found.query.weights:
            ranked.append([Suggestion(strength.id, 0.0, (NO_WORDS,)) for strength in strengths])
            continue
        scores = np.where(bank.blank, 0.0, combine(found.signals, weights, bias))
        order = np.argsort(-scores, kind="stable").tolist()
        shown = np.where(scores < NOT_A_LEAD, 0.0, np.round(scores, 3)).tolist()
        why = found.explain(bank, shown)
        ranked.append([Suggestion(strengths[i].id, shown[i], why[i]) for i in order])
    return ranked


def best(suggestions: Sequence[Suggestion]) -> Suggestion | None:
    """The first suggestion if it clears THRESHOLD, else None."""
    if suggestions and suggestions[0].score >= THRESHOLD:
        return suggestions[0]
    return None


def signals(requirements: Sequence[str], strengths: Sequence[StrengthText]) -> list[np.ndarray]:
    """The raw signals (one row per strength, columns SIGNALS) for each requirement.

    The ranking combines these; bench/match_eval.py reads them to measure and to fit.
    """
    bank = _Bank.build(strengths)
    return [found.signals for found in _Found.all(requirements, bank)]


def combine(block: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    """Scores from signals: the fitted logistic model, then the degree veto.

    A strength that states a lower degree than the one asked may be the closest answer, but it
    does not answer the requirement, so it never clears THRESHOLD.
    """
    scores = 1 / (1 + np.exp(-np.clip(block @ weights + bias, -30, 30)))
    if weights[_DEGREE]:
        scores = np.where(block[:, _DEGREE] < 0, np.minimum(scores, BELOW_DEGREE), scores)
    return scores


@cache
def _weights() -> tuple[np.ndarray, float]:
    data = json.loads((DATA / "match_weights.json").read_text())
    if tuple(data["weights"]) != SIGNALS:
        raise ValueError("match_weights.json was fitted on other signals: refit it")
    return np.array([data["weights"][name] for name in SIGNALS]), float(data["bias"])


_Spellings = dict[str, dict[str, str]]  # term -> {key: the word as first written}


@dataclass(frozen=True)
class _Strength:
    """What ranking needs from one strength, worked out once per process."""

    tf: Counter[str]
    length: float
    spellings: _Spellings
    surfaces: tuple[str, ...]
    facts: match_signals.Facts


@lru_cache(maxsize=20_000)
def _read(strength: StrengthText) -> _Strength:
    fields = [(strength.title, TITLE_WEIGHT), (strength.detail, 1)]
    fields += [(tag, 1) for tag in strength.tags]
    words: list[Word] = []
    tf: Counter[str] = Counter()
    for text, weight in fields:
        for word in match_text.words(text):
            words.append(word)
            tf[word.term] += weight
            for general in match_text.broader(word.term):
                tf[general] += weight * IMPLIED_WEIGHT
    return _Strength(
        tf,
        sum(tf.values()),
        _spellings(words),
        tuple(dict.fromkeys(word.surface for word in words)),
        match_signals.facts(_text(strength), asked=False),
    )


@dataclass(frozen=True)
class _Bank:
    """The strengths side by side: BM25 weights, embeddings and words as arrays."""

    strengths: tuple[_Strength, ...]
    terms: dict[str, int]
    df: np.ndarray  # by term
    bm25: np.ndarray  # strength x term
    vectors: np.ndarray  # strength x dim: the whole text
    title_vectors: np.ndarray  # the title alone, which often says it best
    word_vectors: np.ndarray  # distinct word x dim
    words: tuple[str, ...]  # the distinct words
    word_index: np.ndarray  # each (strength, word) occurrence's distinct word, by strength
    word_bounds: np.ndarray  # strength i's occurrences are [bounds[i], bounds[i + 1])
    stating: tuple[list[int], list[int], list[int]]  # rows stating years, a degree, credentials
    blank: np.ndarray  # strengths with no words at all: they answer nothing
    avgdl: float

    def __len__(self) -> int:
        return len(self.strengths)

    @classmethod
    def build(cls, strengths: Sequence[StrengthText]) -> _Bank:
        read = tuple(_read(strength) for strength in strengths)
        terms: dict[str, int] = {}
        rows, columns, counts = [], [], []
        for row, strength in enumerate(read):
            for term, count in strength.tf.items():
                rows.append(row)
                columns.append(terms.setdefault(term, len(terms)))
                counts.append(count)
        size = len(read)
        df = np.bincount(columns, minlength=len(terms))
        lengths = np.array([strength.length for strength in read])
        avgdl = float(lengths.mean()) if lengths.sum() else 1.0
        bm25 = np.zeros((size, len(terms)), dtype=np.float32)
        bm25[rows, columns] = _idf(df[columns], size) * _saturate(
            np.array(counts, dtype=np.float64), lengths[rows], avgdl
        )
        distinct: dict[str, int] = {}
        index = [
            distinct.setdefault(surface, len(distinct))
            for strength in read
            for surface in strength.surfaces
        ]
        bounds = np.cumsum([0] + [len(strength.surfaces) for strength in read])
        return cls(
            strengths=read,
            terms=terms,
            df=df,
            bm25=bm25,
            vectors=match_embed.remembered([_text(strength) for strength in strengths]),
            title_vectors=match_embed.remembered([strength.title for strength in strengths]),
            word_vectors=match_embed.remembered(list(distinct)),
            words=tuple(distinct),
            word_index=np.array(index, dtype=np.intp),
            word_bounds=bounds,
            stating=(
                [row for row, strength in enumerate(read) if strength.facts.years],
                [row for row, strength in enumerate(read) if strength.facts.degree],
                [row for row, strength in enumerate(read) if strength.facts.credentials],
            ),
            blank=np.array([not strength.surfaces for strength in read]),
            avgdl=avgdl,
        )


@dataclass(frozen=True)
class _Query:
    """A requirement's words: its own terms weigh 1, what they imply IMPLIED_WEIGHT."""

    words: tuple[Word, ...]
    weights: dict[str, float]
    spellings: _Spellings
    surfaces: tuple[str, ...]
    asks: match_signals.Facts


@lru_cache(maxsize=20_000)
def _ask(requirement: str) -> _Query:
    words = match_text.words(requirement)
    weights = {word.term: 1.0 for word in words}
    spellings = _spellings(words)
    for word in words:
        for general in match_text.broader(word.term):
            weights.setdefault(general, IMPLIED_WEIGHT)
    return _Query(
        tuple(words),
        weights,
        spellings,
        tuple(dict.fromkeys(word.surface for word in words)),
        match_signals.facts(requirement, asked=True),
    )


@dataclass(frozen=True)
class _Found:
    """One requirement against the bank: its signals, and what each explanation needs."""

    query: _Query
    signals: np.ndarray
    matched: dict[int, list[str]]
    checks: dict[int, match_signals.Check]
    related: dict[int, tuple[str, str]]

    @classmethod
    def all(cls, requirements: Sequence[str], bank: _Bank) -> list[_Found]:
        vectors = match_embed.remembered(list(requirements))
        return [
            cls.of(_ask(text), vector, bank)
            for text, vector in zip(requirements, vectors, strict=True)
        ]

    @classmethod
    def of(cls, query: _Query, vector: np.ndarray, bank: _Bank) -> _Found:
        signals = np.zeros((len(bank), len(SIGNALS)))
        if not query.weights:
            return cls(query, signals, {}, {}, {})
        matched = _lexical(query, bank, signals)
        signals[:, _SEMANTIC] = np.maximum(bank.vectors @ vector, bank.title_vectors @ vector)
        related = _word_meaning(query, bank, signals)
        checks = _structured(query.asks, bank, signals)
        signals[:, _MARGINS] = _margins(signals[:, [_LEXICAL, _SEMANTIC, _WORDS]])
        return cls(query, signals, matched, checks, related)

    def explain(self, bank: _Bank, scores: list[float]) -> list[tuple[str, ...]]:
        """Each strength's reasons: what was checked, the words shared or related, else the
        nearest pair of words, else that it is close in meaning (if it is a lead at all)."""
        close, far = (CLOSE_IN_MEANING,), (NO_OVERLAP,)
        why = [close if score > 0 else far for score in scores]
        for row, (theirs, ours) in self.related.items():
            why[row] = (f"related: {theirs} ~ {ours}",)
        for row in self.checks.keys() | self.matched.keys():
            found = list(self.checks[row].why) if row in self.checks else []
            if row in self.matched:
                found += _explain_terms(
                    self.matched[row], self.query.spellings, bank.strengths[row].spellings
                )
            if found:
                why[row] = tuple(found)
        return why


def _lexical(query: _Query, bank: _Bank, signals: np.ndarray) -> dict[int, list[str]]:
    """BM25, the words nobody in the bank uses, each strength's coverage; which terms matched."""
    own = [term for term, weight in query.weights.items() if weight == 1.0]
    known = [term for term in query.weights if term in bank.terms]
    signals[:, _UNSEEN] = sum(term not in bank.terms for term in own) / len(own)
    if not known:
        return {}
    columns = [bank.terms[term] for term in known]
    weights = np.array([query.weights[term] for term in known])
    every = list(query.weights)
    df = np.array([bank.df[bank.terms[term]] if term in bank.terms else 0 for term in every])
    ceiling = np.array([query.weights[term] for term in every]) @ (
        _idf(df, len(bank)) * _saturate(1.0, len(query.weights), bank.avgdl)
    )
    part = bank.bm25[:, columns]
    signals[:, _LEXICAL] = np.minimum(1.0, (part @ weights) / ceiling)
    is_own = np.array([query.weights[term] == 1.0 for term in known])
    signals[:, _COVERAGE] = ((part > 0) & is_own).sum(axis=1) / len(own)
    matched: dict[int, list[str]] = {}
    rows, cols = np.nonzero(part)
    for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
        matched.setdefault(row, []).append(known[col])
    return matched


def _word_meaning(query: _Query, bank: _Bank, signals: np.ndarray) -> dict[int, tuple[str, str]]:
    """For each requirement word, the strength's nearest word in meaning, averaged by rarity.

    Also, for explanations, the closest (strength word, requirement word) pair per strength.
    """
    if not query.surfaces or not len(bank.word_index):
        return {}
    term_of = {word.surface: word.term for word in query.words}
    df = np.array(
        [
            bank.df[bank.terms[term]] if term in bank.terms else 0
            for term in (term_of[surface] for surface in query.surfaces)
        ]
    )
    idf = _idf(df, len(bank))
    similar = (match_embed.remembered(query.surfaces) @ bank.word_vectors.T)[:, bank.word_index]
    filled = np.diff(bank.word_bounds) > 0
    nearest = np.zeros((len(query.surfaces), len(bank)))
    nearest[:, filled] = np.maximum.reduceat(similar, bank.word_bounds[:-1][filled], axis=1)
    signals[:, _WORDS] = (idf @ np.clip(nearest, 0, 1)) / idf.sum()
    # The closest pair: the requirement word nearest to the strength, and the strength's word
    # that is that near, found for all strengths at once.
    closest = nearest.argmax(axis=0)
    owner = np.repeat(np.arange(len(bank)), np.diff(bank.word_bounds))
    value = similar[closest[owner], np.arange(len(owner))]
    hits = np.flatnonzero(value >= np.maximum(nearest.max(axis=0)[owner], RELATED_WORDS))
    rows, first = np.unique(owner[hits], return_index=True)
    related = {}
    for row, occurrence in zip(rows.tolist(), hits[first].tolist(), strict=True):
        theirs = bank.words[bank.word_index[occurrence]]
        ours = query.surfaces[closest[row]]
        if theirs != ours:
            related[row] = (theirs, ours)
    return related


def _structured(
    asks: match_signals.Facts, bank: _Bank, signals: np.ndarray
) -> dict[int, match_signals.Check]:
    """Years, degree and credentials, for the strengths that state any of what is asked."""
    if not (asks.years or asks.degree or asks.credentials):
        return {}
    checks = {}
    years, degrees, credentials = bank.stating
    rows = set(years if asks.years else ())
    rows.update(degrees if asks.degree else ())
    rows.update(credentials if asks.credentials else ())
    for row in sorted(rows):
        check = match_signals.check(asks, bank.strengths[row].facts)
        signals[row, _YEARS : _CREDENTIAL + 1] = check.years, check.degree, check.credential
        if check.why:
            checks[row] = check
    wanted = bool(asks.degree) + bool(asks.credentials)
    signals[:, _UNMET] = wanted - (signals[:, _DEGREE] >= 1) - signals[:, _CREDENTIAL]
    return checks


def _spellings(words: list[Word]) -> _Spellings:
    """Each term's distinct words, in order of first use, so explanations quote real text.

    A term reached through a word's broader term is keyed "~key", so it reads as related.
    """
    spellings: _Spellings = {}
    for word in words:
        spellings.setdefault(word.term, {}).setdefault(word.key, word.surface)
    for word in words:
        for general in match_text.broader(word.term):
            spellings.setdefault(general, {}).setdefault(f"~{word.key}", word.surface)
    return spellings


def _text(strength: StrengthText) -> str:
    return ". ".join(part for part in (strength.title, strength.detail, *strength.tags) if part)


def _idf(df: np.ndarray, size: int) -> np.ndarray:
    """BM25 idf: the +1 inside the log keeps it positive; an unseen word weighs as a rare one."""
    n = np.maximum(df, 1)
    return np.log1p((size - n + 0.5) / (n + 0.5))


def _saturate(tf: np.ndarray | float, length: np.ndarray | float, avgdl: float) -> np.ndarray:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl))


def _margins(columns: np.ndarray) -> np.ndarray:
    """Each value minus the best other strength's: a clear winner stands out from the pack."""
    if len(columns) < 2:
        return columns.copy()
    order = np.sort(columns, axis=0)
    top, second = order[-1], order[-2]
    return columns - np.where(columns == top, second, top)


def _explain_terms(matched: list[str], query: _Spellings, doc: _Spellings) -> list[str]:
    """Name the requirement's own words the strength uses, then the ones it says differently."""
    shared, related = [], {}
    for term in matched:
        wanted, used = query[term], doc[term]
        common = [key for key in wanted if key in used and not key.startswith("~")]
        if common:
            shared.append(wanted[common[0]])
        else:  # one pair per word of the strength: "ecs ~ aws", not also "ecs ~ cloud"
            related.setdefault(next(iter(used.values())), next(iter(wanted.values())))
    related = [f"{theirs} ~ {ours}" for theirs, ours in related.items()]
    why = []
    if shared:
        label = "shared term" if len(shared) == 1 else "shared terms"
        why.append(f"{label}: {', '.join(dict.fromkeys(shared))}")
    if related:
        why.append(f"related: {', '.join(related)}")
    return why
