"""Rank a user's strengths against each requirement of a job posting.

Three kinds of signal, combined by a small logistic model whose weights are data
(letters/data/match_weights.json, fitted and cross-validated by bench/match_eval.py):

- lexical: BM25 over normalised, stemmed words folded through a synonym table (match_text.py);
- semantic: static embeddings distilled from all-MiniLM-L6-v2, for the whole text and word by
  word (match_embed.py);
- structured: years of experience, degree level and field, named credentials (match_signals.py).

A second, smaller model then reads each score in the light of the posting's other requirements:
a strength that answers another requirement better is a weaker answer here. A score is the odds
that the strength, rather than nothing in the bank, answers the requirement; every suggestion
says why in a few words. A letter answers each requirement with a different strength, so the one
taken for each requirement is chosen for the posting as a whole (see `choose`).

Every requirement is measured against every strength at once, as requirement x strength
arrays; Python objects are built only for the suggestions returned.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import chain

import numpy as np

from letters import match_embed, match_signals, match_text
from letters.match_text import DATA, Word

# Even odds: at or above it the best suggestion is taken without asking (auto-match); below it
# the match page says there is no strong match yet.
THRESHOLD = 0.5
# The most a strength stating a lower degree or credential than the one asked can score (an
# associate's for a bachelor's, OSHA 10 for OSHA 30, a B.A. in Education for a BSN): shown, never
# taken.
BELOW_ASKED = 0.4
# Below this a strength is no lead at all: it scores 0, so pages can leave it out.
NOT_A_LEAD = 0.1
# Log-odds past this are certain either way; a blank pair is put at the bottom.
_CLIP = 30.0

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2
# Acronyms and product names: a requirement that names one (CPP, ISTQB, QuickBooks) is seldom
# answered by a strength that names none of them, however close its other words, unless it takes
# any like them ("Procore or similar").
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b")
# Capitalised words run together with a name are names too, any of which answers: "Canva or
# Adobe InDesign", "JavaScript/TypeScript and React", "R, SPSS, or Stata".
_RUN_GAP = r"(?:\s*[,/&]\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+|\s+)"
_RUN = re.compile(rf"\b[A-Z][\w+#.]*(?:{_RUN_GAP}[A-Z0-9][\w+#.]*)*")
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
    "semantic",  # cosine of embeddings: requirement or its content words, strength or its title
    "words",  # requirement words matched by meaning to the strength's nearest words, by bank idf
    "years",  # years stated over years asked, up to 1
    "degree",  # 1 meets the level and field, less for another field, -1 below the level or
    # outside a field that admits no other
    "credential",  # 1 names a license or certification asked, -1 only a lower one (OSHA 10 for 30)
    "lexical_margin",  # each of the first three minus the best other strength's
    "semantic_margin",
    "words_margin",
    "unmet",  # degrees and credentials asked that the strength does not show
    "unseen",  # share of the requirement's words that no strength in the bank uses
    "coverage",  # share of the requirement's words the strength uses, weighed as words_rare
    "words_rare",  # as words, each requirement word weighed also by its rarity in English
    "reach",  # how near the bank as a whole comes to the requirement's words, weighed the same
    "missed",  # the weight, as words_rare, of the requirement word the strength comes least near
    "unnamed",  # 1 when the requirement names some (CPP, QuickBooks) and the strength none
    "soft",  # share of the requirement's words that name a quality (soft_skills.toml)
    "unspoken",  # 1 when the requirement asks a language (Spanish, ASL) the strength does not use
    "ask_met",  # the best of degree, credential and language met, times the share of the
    # requirement they make up: "PALS required" is answered by PALS alone
    "ask_unmet",  # 1 when the strength shows nothing of what unmet counts, times that share
)
_LEXICAL, _SEMANTIC, _WORDS, _YEARS, _DEGREE, _CREDENTIAL = range(6)
_MARGINS = slice(6, 9)
_UNMET, _UNSEEN, _COVERAGE, _WORDS_RARE, _REACH, _MISSED, _UNNAMED, _SOFT = range(9, 17)
_UNSPOKEN, _ASK_MET, _ASK_UNMET = range(17, 20)
# The second model's columns, from the first model's log-odds for a whole posting.
CONTEXT = (
    "alone",  # the first model's log-odds
    "claimed",  # how much higher this strength scores on another requirement, else 0
)


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
    chosen: bool = False  # the one to take: it clears THRESHOLD and no other requirement took it
    taken: bool = False  # another requirement of the posting took it, and it bears on this one


@dataclass(frozen=True)
class Model:
    """The fitted weights: the first model over SIGNALS, the second over CONTEXT."""

    weights: np.ndarray
    bias: float
    context: np.ndarray
    context_bias: float

    @classmethod
    def alone(cls, weights: np.ndarray, bias: float) -> Model:
        """Only the first model: the second passes its log-odds through."""
        return cls(weights, bias, np.array([1.0, 0.0]), 0.0)


def rank(requirement: str, strengths: Sequence[StrengthText]) -> list[Suggestion]:
    """Every strength, best first (ties broken by the input order)."""
    return rank_all([requirement], strengths)[0]


def rank_all(
    requirements: Sequence[str], strengths: Sequence[StrengthText]
) -> list[list[Suggestion]]:
    """Rank for each requirement of one posting, reading the strengths once.

    Scores weigh each pair against the posting's other requirements, and the strength chosen
    for a requirement comes first even where one that another requirement took scores higher.
    """
    if not strengths:
        return [[] for _ in requirements]
    pairs = _Pairs.measure(requirements, strengths)
    wordless = np.array([not query.weights for query in pairs.queries], dtype=bool)
    scores = combine(pairs.signals, _model(), wordless[:, None] | pairs.blank)
    # A lower degree or credential than the one asked is never taken, but always shown, so the
    # user sees why it does not count ("OSHA 10, below the OSHA 30 asked").
    scores = np.where(_below_asked(pairs.signals), np.maximum(scores, NOT_A_LEAD), scores)
    chosen = choose(scores)
    owner = np.full(len(strengths), -1)
    owner[chosen[chosen >= 0]] = np.flatnonzero(chosen >= 0)
    orders = np.argsort(-scores, axis=1, kind="stable")
    shown = np.where(scores < NOT_A_LEAD, 0.0, np.round(scores, 3))
    ids = np.array([strength.id for strength in strengths], dtype=object)
    # Most strengths are no lead and share no word with a given requirement: that suggestion is
    # the same for every requirement, so it is made once and shared (it is immutable).
    idle = np.empty(len(ids), dtype=object)
    idle[:] = [Suggestion(id_, 0.0, (NO_OVERLAP,)) for id_ in ids.tolist()]
    ranked = []
    for row, order in enumerate(orders):
        if wordless[row]:
            ranked.append([Suggestion(id_, 0.0, (NO_WORDS,)) for id_ in ids.tolist()])
            continue
        why, reasoned = pairs.explain(row, shown[row])
        taken = (owner >= 0) & (owner != row) & ((shown[row] > 0) | reasoned)
        for strength in np.flatnonzero(taken).tolist():
            taken_for = _quoted(requirements[owner[strength]])
            why[strength] = (*why[strength], f"answers {taken_for} better")
        made = idle.copy()
        fresh = np.flatnonzero((shown[row] > 0) | reasoned)
        columns = ids[fresh].tolist(), shown[row, fresh].tolist(), why[fresh].tolist()
        made[fresh] = list(map(Suggestion, *columns))
        for strength in np.flatnonzero(taken).tolist():
            made[strength] = replace(made[strength], taken=True)
        pick = int(chosen[row])
        if pick >= 0:
            made[pick] = replace(made[pick], chosen=True)
        ranked.append(made[chosen_first(order, pick)].tolist())
    return ranked


def chosen_first(order: np.ndarray, pick: int) -> np.ndarray:
    """A ranking (strength indices, best first) with the chosen strength moved to the front."""
    return order if pick < 0 else np.concatenate(([pick], order[order != pick]))


def best(suggestions: Sequence[Suggestion]) -> Suggestion | None:
    """The suggestion to take without asking (always the first), or None."""
    if suggestions and suggestions[0].chosen:
        return suggestions[0]
    return None


def choose(scores: np.ndarray) -> np.ndarray:
    """For each requirement (row) the strength (column) to take, or -1.

    A letter that offers the same strength twice says less, so each strength answers at most
    one requirement: the highest-scoring pairs that clear THRESHOLD are taken first.
    """
    chosen = np.full(scores.shape[0], -1)
    used = np.zeros(scores.shape[1], dtype=bool)
    rows, columns = np.nonzero(scores >= THRESHOLD)
    for at in np.argsort(-scores[rows, columns], kind="stable").tolist():
        row, column = rows[at], columns[at]
        if chosen[row] < 0 and not used[column]:
            chosen[row], used[column] = column, True
    return chosen


def signals(requirements: Sequence[str], strengths: Sequence[StrengthText]) -> list[np.ndarray]:
    """The raw signals (one row per strength, columns SIGNALS) for each requirement.

    The ranking combines these; bench/match_eval.py reads them to measure and to fit.
    """
    if not strengths:
        return [np.zeros((0, len(SIGNALS))) for _ in requirements]
    return list(_Pairs.measure(requirements, strengths).signals)


def combine(block: np.ndarray, model: Model, blank: np.ndarray | None = None) -> np.ndarray:
    """Scores for one posting from its signals (requirement x strength x SIGNALS): the first
    model, the second over its log-odds in context, then the veto. `blank` pairs score 0.

    A strength that states a lower degree or credential than the one asked may be the closest
    answer, but it does not answer the requirement, so it never clears THRESHOLD.
    """
    alone = block @ model.weights + model.bias
    if blank is not None:
        alone = np.where(blank, -_CLIP, alone)
    logits = in_context(alone) @ model.context + model.context_bias
    scores = 1 / (1 + np.exp(-np.clip(logits, -_CLIP, _CLIP)))
    if model.weights[_DEGREE]:
        scores = np.where(_below_asked(block), np.minimum(scores, BELOW_ASKED), scores)
    return scores if blank is None else np.where(blank, 0.0, scores)


def _below_asked(block: np.ndarray) -> np.ndarray:
    """The pairs whose strength states only a lower degree or credential than the one asked."""
    return (block[..., _DEGREE] < 0) | (block[..., _CREDENTIAL] < 0)


def in_context(alone: np.ndarray) -> np.ndarray:
    """The CONTEXT columns from the first model's log-odds (requirement x strength)."""
    context = np.zeros((*alone.shape, len(CONTEXT)))
    context[..., 0] = alone
    if alone.shape[0] > 1:
        context[..., 1] = np.maximum(-_margins(alone.T[..., None])[..., 0].T, 0.0)
    return context


@cache
def _model() -> Model:
    data = json.loads((DATA / "match_weights.json").read_text())
    if tuple(data["weights"]) != SIGNALS or tuple(data["context"]["weights"]) != CONTEXT:
        raise ValueError("match_weights.json was fitted on other signals: refit it")
    return Model(
        np.array(list(data["weights"].values())),
        float(data["bias"]),
        np.array(list(data["context"]["weights"].values())),
        float(data["context"]["bias"]),
    )


def _names(requirement: str) -> list[str]:
    """The names a requirement asks for, with the capitalised words beside them: none if it
    takes any like them, or if it shouts. A degree's name ("GED") is the degree check's."""
    if requirement.isupper() or match_signals.ADMITS_OTHERS.search(requirement):
        return []
    runs = []
    for run in _RUN.finditer(requirement):
        if any(not match_signals.is_degree(name) for name in _NAME.findall(run[0])):
            first, _, rest = run[0].partition(" ")
            # a sentence's first word is capitalised for the sentence, not as a name
            runs.append(rest if run.start() == 0 and not _NAME.fullmatch(first) else run[0])
    return runs


def _quoted(requirement: str, length: int = 40) -> str:
    """A requirement, cut short enough to name inside an explanation."""
    if len(requirement) > length:
        requirement = requirement[: length - 1].rstrip() + "…"
    return f"“{requirement}”"


_Spellings = dict[str, dict[str, str]]  # term -> {key: the word as first written}


@dataclass(frozen=True)
class _Strength:
    """What ranking needs from one strength, worked out once per process."""

    tf: Counter[str]
    length: float
    spellings: _Spellings
    surfaces: tuple[str, ...]
    facts: match_signals.Facts
    text: str


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
    text = ". ".join(part for part in (strength.title, strength.detail, *strength.tags) if part)
    return _Strength(
        tf,
        sum(tf.values()),
        _spellings(words),
        tuple(dict.fromkeys(word.surface for word in words)),
        match_signals.facts(text, asked=False),
        text,
    )


@dataclass(frozen=True)
class _Query:
    """A requirement's words: its own terms weigh 1, what they imply IMPLIED_WEIGHT."""

    weights: dict[str, float]
    own: tuple[str, ...]  # the terms weighing 1
    spellings: _Spellings
    surfaces: tuple[str, ...]
    surface_terms: tuple[str, ...]  # the term each surface stands for
    asks: match_signals.Facts
    names: tuple[str, ...]  # the terms of the names it asks for (see _names)
    soft: float  # the share of its own terms that name a quality (match_text.soft_terms)


@lru_cache(maxsize=20_000)
def _ask(requirement: str) -> _Query:
    words = match_text.words(requirement)
    weights = {word.term: 1.0 for word in words}
    own = tuple(weights)
    spellings = _spellings(words)
    for word in words:
        for general in match_text.broader(word.term):
            weights.setdefault(general, IMPLIED_WEIGHT)
    term_of = {word.surface: word.term for word in words}
    names = {word.term for name in _names(requirement) for word in match_text.words(name)}
    return _Query(
        weights,
        own,
        spellings,
        tuple(term_of),
        tuple(term_of.values()),
        match_signals.facts(requirement, asked=True),
        tuple(term for term in own if term in names),
        sum(term in match_text.soft_terms() for term in own) / max(len(own), 1),
    )


@dataclass(frozen=True)
class _Pairs:
    """Every requirement against every strength: the signals, and what explanations need."""

    queries: tuple[_Query, ...]
    strengths: tuple[_Strength, ...]
    signals: np.ndarray  # requirement x strength x SIGNALS
    blank: np.ndarray  # by strength: no words at all, so it answers nothing
    lexicon: _Lexicon
    matched: np.ndarray  # requirement x strength: they share a term
    checks: list[dict[int, match_signals.Check]]  # by requirement: strength -> reasons
    related: list[dict[int, tuple[str, str]]]  # by requirement: the closest pair of words

    @classmethod
    def measure(cls, requirements: Sequence[str], strengths: Sequence[StrengthText]) -> _Pairs:
        queries = tuple(_ask(text) for text in requirements)
        read = tuple(_read(strength) for strength in strengths)
        words = list(dict.fromkeys(s for strength in read for s in strength.surfaces))
        surfaces = list(dict.fromkeys(s for query in queries for s in query.surfaces))
        texts, titles, asked, content, word_vectors, surface_vectors = _embedded(
            [strength.text for strength in read],
            [strength.title for strength in strengths],
            list(requirements),
            [" ".join(query.surfaces) for query in queries],
            words,
            surfaces,
        )
        signals = np.zeros((len(queries), len(read), len(SIGNALS)))
        signals[..., _SOFT] = np.array([query.soft for query in queries])[:, None]
        lexicon = _Lexicon.of(queries, read)
        matched = lexicon.measure(queries, signals)
        # Posting words ("experience with", "ability to") blur a sentence's vector: the content
        # words alone often say it more plainly.
        sides = (asked @ texts.T, asked @ titles.T, content @ texts.T, content @ titles.T)
        signals[..., _SEMANTIC] = np.maximum.reduce(sides)
        meaning = _Meaning.of(queries, read, words, word_vectors, surfaces, surface_vectors)
        meaning.measure(queries, lexicon, signals)
        checks = _structured(queries, read, signals)
        signals[..., _MARGINS] = _margins(signals[..., [_LEXICAL, _SEMANTIC, _WORDS]])
        signals[[not query.weights for query in queries]] = 0.0
        unexplained = ~matched
        for row, checked in enumerate(checks):
            unexplained[row, list(checked)] = False
        return cls(
            queries,
            read,
            signals,
            np.array([not strength.surfaces for strength in read]),
            lexicon,
            matched,
            checks,
            meaning.related(unexplained),
        )

    def explain(self, row: int, shown: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Each strength's reasons: what was checked, the words shared or related, else the
        nearest pair of words, else that it is close in meaning (if it is a lead at all); and
        which strengths have reasons of their own rather than a stock one."""
        why = np.where(shown > 0, _CLOSE, _FAR)
        reasoned = self.matched[row].copy()
        for strength, (theirs, ours) in self.related[row].items():
            why[strength] = (f"related: {theirs} ~ {ours}",)
            reasoned[strength] = True
        checks = self.checks[row]
        for strength, check in checks.items():
            why[strength] = check.why
            reasoned[strength] = True
        query = self.queries[row]
        columns = self.lexicon.columns[row]
        for strength in np.flatnonzero(self.matched[row]).tolist():
            terms = [self.lexicon.terms[c] for c in columns[self.lexicon.uses[strength, columns]]]
            found = _explain_terms(terms, query.spellings, self.strengths[strength].spellings)
            why[strength] = (*(checks[strength].why if strength in checks else ()), *found)
        return why, reasoned


# One-element object arrays, so np.where puts the same tuple in every slot it picks.
_CLOSE, _FAR = np.empty(1, dtype=object), np.empty(1, dtype=object)
_CLOSE[0], _FAR[0] = (CLOSE_IN_MEANING,), (NO_OVERLAP,)


def _embedded(*groups: list[str]) -> list[np.ndarray]:
    """Vectors for several lists of texts, encoded in one batch."""
    vectors = match_embed.remembered([text for group in groups for text in group])
    return np.split(vectors, np.cumsum([len(group) for group in groups])[:-1])


@dataclass(frozen=True)
class _Lexicon:
    """The bank's BM25 weights for the requirements' terms, and every term's rarity."""

    terms: tuple[str, ...]  # the requirements' terms some strength uses
    index: dict[str, int]  # each of those terms -> its column
    bm25: np.ndarray  # strength x terms
    uses: np.ndarray  # strength x terms: bm25 > 0
    columns: tuple[np.ndarray, ...]  # by requirement: indices into terms, in its own order
    df: Counter[str]  # every term of the bank: how many strengths use it
    size: int
    avgdl: float

    @classmethod
    def of(cls, queries: Sequence[_Query], read: Sequence[_Strength]) -> _Lexicon:
        asked = {term for query in queries for term in query.weights}
        df = Counter(chain.from_iterable(strength.tf.keys() for strength in read))
        terms = tuple(t for t in dict.fromkeys(t for q in queries for t in q.weights) if df[t])
        index = {term: i for i, term in enumerate(terms)}
        rows, columns, counts = [], [], []
        for row, strength in enumerate(read):
            for term in strength.tf.keys() & asked:
                rows.append(row)
                columns.append(index[term])
                counts.append(strength.tf[term])
        lengths = np.array([strength.length for strength in read])
        avgdl = float(lengths.mean()) if lengths.sum() else 1.0
        bm25 = np.zeros((len(read), len(terms)), dtype=np.float32)
        if rows:
            df_found = np.array([df[terms[column]] for column in columns])
            bm25[rows, columns] = _idf(df_found, len(read)) * _saturate(
                np.array(counts, dtype=np.float64), lengths[rows], avgdl
            )
        by_query = tuple(
            np.array([index[term] for term in query.weights if term in index], dtype=np.intp)
            for query in queries
        )
        return cls(terms, index, bm25, bm25 > 0, by_query, df, len(read), avgdl)

    def idf(self, terms: Sequence[str]) -> np.ndarray:
        return _idf(np.array([self.df[term] for term in terms]), self.size)

    def measure(self, queries: Sequence[_Query], signals: np.ndarray) -> np.ndarray:
        """BM25 against the requirement's own ceiling, the share of its words no strength uses,
        and whether each strength uses none of its names. Returns which pairs share a term."""
        weights = np.zeros((len(queries), len(self.terms)))
        ceiling = np.ones(len(queries))
        for row, query in enumerate(queries):
            if not query.weights:
                continue
            if query.names:
                found = [self.uses[:, self.index[t]] for t in query.names if t in self.index]
                signals[row, :, _UNNAMED] = ~np.any(found, axis=0) if found else 1.0
            columns = self.columns[row]
            weights[row, columns] = [query.weights[self.terms[column]] for column in columns]
            every = list(query.weights)
            ceiling[row] = np.array([query.weights[term] for term in every]) @ (
                self.idf(every) * _saturate(1.0, len(every), self.avgdl)
            )
            unseen = sum(not self.df[term] for term in query.own)
            signals[row, :, _UNSEEN] = unseen / len(query.own)
        scores = weights @ self.bm25.T
        signals[..., _LEXICAL] = np.minimum(1.0, scores / ceiling[:, None])
        return scores > 0


@dataclass(frozen=True)
class _Meaning:
    """How near in meaning each requirement word is to each strength's nearest word."""

    similar: np.ndarray  # strength word occurrence x requirement surface
    nearest: np.ndarray  # requirement surface x strength: the best over the strength's words
    surfaces: tuple[str, ...]  # every requirement's distinct surfaces, in one list
    by_query: np.ndarray  # requirement x its surfaces, indices into `surfaces` (padded)
    vocabulary: tuple[str, ...]  # the strengths' distinct words
    word_index: np.ndarray  # each (strength, word) occurrence's distinct word, by strength
    bounds: np.ndarray  # strength i's occurrences are [bounds[i], bounds[i + 1])

    @classmethod
    def of(
        cls,
        queries: Sequence[_Query],
        read: Sequence[_Strength],
        words: list[str],
        word_vectors: np.ndarray,
        surfaces: list[str],
        surface_vectors: np.ndarray,
    ) -> _Meaning:
        distinct = {word: i for i, word in enumerate(words)}
        index = np.array(
            [distinct[s] for strength in read for s in strength.surfaces], dtype=np.intp
        )
        bounds = np.cumsum([0] + [len(strength.surfaces) for strength in read])
        similar = (word_vectors @ surface_vectors.T)[index]
        filled = np.diff(bounds) > 0
        # one row more, all zeros, stands for the padding in by_query
        nearest = np.zeros((len(surfaces) + 1, len(read)))
        if similar.size:
            nearest[:-1, filled] = np.maximum.reduceat(similar, bounds[:-1][filled], axis=0).T
        where = {surface: i for i, surface in enumerate(surfaces)}
        by_query = np.full(
            (len(queries), max((len(q.surfaces) for q in queries), default=0)), len(surfaces)
        )
        for row, query in enumerate(queries):
            by_query[row, : len(query.surfaces)] = [where[s] for s in query.surfaces]
        return cls(similar, nearest, tuple(surfaces), by_query, tuple(words), index, bounds)

    def measure(self, queries: Sequence[_Query], lexicon: _Lexicon, signals: np.ndarray) -> None:
        """Word meaning averaged by rarity in the bank, then also in English, which tells
        "payroll" from "processing" where a small bank cannot; coverage and reach weighed so too."""
        idf = np.zeros((len(queries), len(self.nearest)))
        terms = [""] * len(self.surfaces)
        for row, query in enumerate(queries):
            if query.surfaces:
                at = self.by_query[row, : len(query.surfaces)]
                idf[row, at] = lexicon.idf(query.surface_terms)
                for index, term in zip(at.tolist(), query.surface_terms, strict=True):
                    terms[index] = term
        weight = idf * np.append(match_embed.rarity(self.surfaces), 0.0)
        idf /= np.maximum(idf.sum(axis=1, keepdims=True), 1e-12)
        weight /= np.maximum(weight.sum(axis=1, keepdims=True), 1e-12)
        near = np.clip(self.nearest, 0, 1)
        signals[..., _WORDS] = idf @ near
        signals[..., _WORDS_RARE] = weight @ near
        signals[..., _REACH] = (weight @ near.max(axis=1))[:, None]
        column = lexicon.index
        uses = np.zeros((len(self.nearest), lexicon.size))
        for index, term in enumerate(terms):
            if term in column:
                uses[index] = lexicon.uses[:, column[term]]
            for general in match_text.broader(term):  # "athenahealth" is met in part by "NextGen"
                if general in column:
                    implied = IMPLIED_WEIGHT * lexicon.uses[:, column[general]]
                    uses[index] = np.maximum(uses[index], implied)
        signals[..., _COVERAGE] = weight @ uses
        if self.by_query.shape[1]:  # the padding weighs 0, so it is never the word missed
            got = np.maximum(near, uses)[self.by_query]  # requirement x its surfaces x strength
            ours = np.take_along_axis(weight, self.by_query, axis=1)[..., None]
            signals[..., _MISSED] = (ours * (1 - got)).max(axis=1)

    def related(self, among: np.ndarray) -> list[dict[int, tuple[str, str]]]:
        """For the pairs `among` (requirement x strength) whose words are close in meaning: the
        requirement word nearest to the strength, and the strength's word that is that near."""
        related: list[dict[int, tuple[str, str]]] = [{} for _ in among]
        near = self.nearest[self.by_query]  # requirement x its surfaces x strength
        if not near.size:
            return related
        best, slot = near.max(axis=1), near.argmax(axis=1)
        rows, strengths = np.nonzero(among & (best >= RELATED_WORDS))
        surfaces = self.by_query[rows, slot[rows, strengths]]
        lengths = np.diff(self.bounds)[strengths]
        pair = np.repeat(np.arange(len(rows)), lengths)
        occurrence = (
            self.bounds[strengths][pair]
            + np.arange(len(pair))
            - np.repeat(np.cumsum(lengths) - lengths, lengths)
        )
        hit = self.similar[occurrence, surfaces[pair]] >= best[rows, strengths][pair]
        found, first = np.unique(pair[hit], return_index=True)
        theirs = self.word_index[occurrence[hit][first]]
        pairs = zip(found.tolist(), theirs.tolist(), strict=True)
        row_of, strength_of, surface_of = rows.tolist(), strengths.tolist(), surfaces.tolist()
        for at, word in pairs:
            theirs, ours = self.vocabulary[word], self.surfaces[surface_of[at]]
            if theirs != ours:
                related[row_of[at]][strength_of[at]] = (theirs, ours)
        return related


def _structured(
    queries: Sequence[_Query], read: Sequence[_Strength], signals: np.ndarray
) -> list[dict[int, match_signals.Check]]:
    """Years, degree, credentials and languages, for the strengths that state any of what is
    asked."""
    stating: dict[match_signals.Facts, list[int]] = {}
    for row, strength in enumerate(read):
        if strength.facts.stated():
            stating.setdefault(strength.facts, []).append(row)
    checks: list[dict[int, match_signals.Check]] = [{} for _ in queries]
    for at, query in enumerate(queries):
        asks = query.asks
        if not asks.stated():
            continue
        found = signals[at]
        for has, rows in stating.items():
            if asks.comparable(has):
                check = match_signals.check(asks, has)
                found[rows, _YEARS : _CREDENTIAL + 1] = check.years, check.degree, check.credential
                if check.why:
                    checks[at].update(dict.fromkeys(rows, check))
        wanted = bool(asks.degree) + bool(asks.credentials)
        found[:, _UNMET] = wanted - (found[:, _DEGREE] >= 1) - (found[:, _CREDENTIAL] > 0)
        spoken = np.zeros(len(read))
        if asks.languages:
            spoken = np.array([bool(asks.languages & has.facts.languages) for has in read])
            found[:, _UNSPOKEN] = 1.0 - spoken
        met = np.maximum.reduce([found[:, _DEGREE], found[:, _CREDENTIAL], spoken]).clip(0)
        found[:, _ASK_MET] = met * asks.share
        found[:, _ASK_UNMET] = (wanted > 0) * (met == 0) * asks.share
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


def _idf(df: np.ndarray, size: int) -> np.ndarray:
    """BM25 idf: the +1 inside the log keeps it positive; an unseen word weighs as a rare one."""
    n = np.maximum(df, 1)
    return np.log1p((size - n + 0.5) / (n + 0.5))


def _saturate(tf: np.ndarray | float, length: np.ndarray | float, avgdl: float) -> np.ndarray:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl))


def _margins(columns: np.ndarray) -> np.ndarray:
    """Each value minus the best other along axis 1: a clear winner stands out from the pack.

    For requirement x strength x signal that is the best other strength; in_context passes the
    transpose to get the best other requirement.
    """
    if columns.shape[1] < 2:
        return columns.copy()
    top2 = np.partition(columns, -2, axis=1)
    top, second = top2[:, -1:], top2[:, -2:-1]
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
