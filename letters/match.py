"""Rank a user's strengths against each requirement of a job posting.

Lexical version: words are normalised, stemmed and folded through a synonym table, then BM25
scores the strengths, and every suggestion says which words made it rank.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

# A strength that covers less than about a quarter of what the requirement asks for (one
# distinctive word out of three or four) is a lead to look at, not an answer to pick.
THRESHOLD = 0.25

K1 = 1.2
B = 0.75
TITLE_WEIGHT = 2

NO_WORDS = "the requirement has no words to match"
NO_OVERLAP = "no words in common with the requirement"

# fmt: off
STOP_WORDS = frozenset({
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "cant", "could", "did", "do", "does", "doing", "dont", "down", "during",
    "each", "eg", "e.g", "etc", "few", "for", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "ie", "i.e", "if",
    "im", "in", "into", "is", "it", "its", "itself", "ive", "just", "let", "me", "more", "most",
    "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "ourselves", "out", "over", "own", "per", "same", "she", "should", "so", "some",
    "such", "than", "that", "thats", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
    "very", "via", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "within", "would", "you", "youll", "your", "youre", "yours", "yourself",
    "yourselves"
})

# Words nearly every posting uses around a requirement; they say nothing about what it asks.
POSTING_WORDS = frozenset({
    "ability", "able", "candidate", "demonstrated", "excellent", "experience", "job", "knowledge",
    "minimum", "must", "plus", "preferred", "proven", "related", "relevant", "required", "skill",
    "strong", "work", "year"
})

# Each group folds its words into one term, so a strength worded differently still matches.
# Entries are written as plain words; they go through the same tokeniser and stemmer as text.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "lead": ("lead", "led", "leader", "leadership", "manage", "manager", "supervise",
             "supervisor", "supervisory", "oversee", "oversaw", "head"),
    "organize": ("organize", "organise", "coordinate", "coordinator", "plan", "schedule",
                 "arrange"),
    "teach": ("teach", "taught", "teacher", "educate", "educator", "instruct", "instructor",
              "train", "trainer", "tutor", "coach", "mentor"),
    "program": ("program", "curriculum", "curricula", "syllabus", "lesson"),
    "degree": ("degree", "bachelor", "ba", "bs", "bsc", "b.a", "b.s", "b.sc", "undergraduate"),
    "office": ("ms office", "microsoft office", "office 365", "microsoft 365", "microsoft",
               "excel", "word", "powerpoint", "outlook", "spreadsheet"),
    "first aid": ("first aid", "cpr", "bls", "aed", "basic life support"),
    "customer": ("customer", "client", "guest", "visitor", "patron"),
    "child": ("kid", "child", "children", "youth", "young people"),
    "team": ("team", "staff", "crew", "personnel", "employee"),
    "budget": ("budget", "finance", "financial"),
    "fundraise": ("fundraise", "grant", "donor"),
}
# fmt: on

_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_APOSTROPHE = re.compile(r"['\u2018\u2019`]")
# Plain words, plus "c++", "c#", ".net" and short dotted forms such as "node.js" or "b.a".
_TOKEN = re.compile(r"(?<![^\W_])\.net\b|[^\W_]+(?:\+\+|#|(?:\.[^\W_]{1,3})+(?![^\W_]))?")
# Tried in order; at most one is replaced, and only when at least three letters remain.
_SUFFIXES = (("ification", "ify"), ("ment", ""), ("ied", "y"), ("ing", ""), ("ion", ""), ("ed", ""))
_MIN_STEM = 3


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


@dataclass(frozen=True)
class _Word:
    """One counted word: `term` is what BM25 compares, `key` tells a same word from a synonym."""

    term: str
    key: str
    surface: str


_Spellings = dict[str, dict[str, str]]  # term -> {key: the word as first written}


@dataclass(frozen=True)
class _Doc:
    tf: Counter[str]
    length: int
    spellings: _Spellings


@dataclass(frozen=True)
class _Index:
    docs: tuple[_Doc, ...]
    df: Counter[str]
    avgdl: float

    @classmethod
    def build(cls, strengths: Sequence[StrengthText]) -> _Index:
        docs = tuple(_doc(strength) for strength in strengths)
        df = Counter(term for doc in docs for term in doc.tf)
        total = sum(doc.length for doc in docs)
        return cls(docs, df, total / len(docs) if total else 1.0)

    def weight(self, term: str, tf: int, length: int) -> float:
        """BM25 contribution of one term; the +1 inside the log keeps idf positive.

        A word no strength uses weighs like a rare one rather than more, so the requirement's
        unmatched filler does not swamp the normalising ceiling.
        """
        n = max(self.df[term], 1)
        idf = math.log(1 + (len(self.docs) - n + 0.5) / (n + 0.5))
        return idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / self.avgdl))


def rank(requirement: str, strengths: Sequence[StrengthText]) -> list[Suggestion]:
    """Every strength, best first (ties broken by the input order).

    Strengths with score 0 are included at the end.
    """
    return rank_all([requirement], strengths)[0]


def rank_all(
    requirements: Sequence[str], strengths: Sequence[StrengthText]
) -> list[list[Suggestion]]:
    """Same as rank for each requirement, building the index over strengths once."""
    index = _Index.build(strengths)
    return [_rank(requirement, strengths, index) for requirement in requirements]


def best(suggestions: Sequence[Suggestion]) -> Suggestion | None:
    """The first suggestion if it clears THRESHOLD, else None."""
    if suggestions and suggestions[0].score >= THRESHOLD:
        return suggestions[0]
    return None


def _rank(requirement: str, strengths: Sequence[StrengthText], index: _Index) -> list[Suggestion]:
    query = _spellings(_words(requirement))
    # Normalise by the requirement's score as if it were a strength itself, capped at 1.
    ceiling = sum(index.weight(term, 1, len(query)) for term in query)
    suggestions = [
        _suggest(strength.id, doc, query, ceiling, index)
        for strength, doc in zip(strengths, index.docs, strict=True)
    ]
    return sorted(suggestions, key=lambda suggestion: -suggestion.score)


def _suggest(
    strength_id: str, doc: _Doc, query: _Spellings, ceiling: float, index: _Index
) -> Suggestion:
    matched = [term for term in query if term in doc.tf]
    if not matched:
        return Suggestion(strength_id, 0.0, (NO_OVERLAP if query else NO_WORDS,))
    raw = sum(index.weight(term, doc.tf[term], doc.length) for term in matched)
    return Suggestion(strength_id, min(1.0, raw / ceiling), _explain(matched, query, doc))


def _explain(matched: list[str], query: _Spellings, doc: _Doc) -> tuple[str, ...]:
    """Name the requirement's own words the strength uses, then the ones it says differently."""
    shared, related = [], []
    for term in matched:
        wanted, used = query[term], doc.spellings[term]
        common = [key for key in wanted if key in used]
        if common:
            shared.append(f'"{wanted[common[0]]}"')
        else:
            related.append(f'"{_first(used)}" ~ "{_first(wanted)}"')
    why = []
    if shared:
        label = "shared term" if len(shared) == 1 else "shared terms"
        why.append(f"{label}: {', '.join(shared)}")
    if related:
        why.append(f"related: {', '.join(related)}")
    return tuple(why)


def _first(spellings: dict[str, str]) -> str:
    return next(iter(spellings.values()))


def _doc(strength: StrengthText) -> _Doc:
    fields = [(strength.title, TITLE_WEIGHT), (strength.detail, 1)]
    fields += [(tag, 1) for tag in strength.tags]
    words, tf = [], Counter()
    for text, weight in fields:
        for word in _words(text):
            words.append(word)
            tf[word.term] += weight
    return _Doc(tf, sum(tf.values()), _spellings(words))


def _spellings(words: list[_Word]) -> _Spellings:
    """Each term's distinct words, in order of first use, so explanations quote real text."""
    spellings: _Spellings = {}
    for word in words:
        spellings.setdefault(word.term, {}).setdefault(word.key, word.surface)
    return spellings


def _words(text: str) -> list[_Word]:
    """The words of `text` that carry meaning, with synonym phrases joined into one word."""
    tokens = _tokens(text)
    stems = [_stem(token) for token in tokens]
    words, i = [], 0
    while i < len(tokens):
        found = _phrase_at(stems, i)
        if found:
            size, term = found
            words.append(_Word(term, " ".join(stems[i : i + size]), " ".join(tokens[i : i + size])))
            i += size
            continue
        if _carries_meaning(tokens[i], stems[i]):
            words.append(_Word(_CONCEPTS.get(stems[i], stems[i]), stems[i], tokens[i]))
        i += 1
    return words


def _tokens(text: str) -> list[str]:
    """Lowercase tokens with accents and compatibility forms folded, so "Café" meets "cafe"."""
    if not text:
        return []
    folded = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    folded = _APOSTROPHE.sub("", _URL.sub(" ", folded))
    return _TOKEN.findall(folded)


def _stem(token: str) -> str:
    """Strip a plural and one common suffix, then a final "e" and a doubled consonant.

    Crude but symmetric: "manage", "managed", "managing" and "management" all become "manag".
    """
    if not token.isalpha():
        return token
    word = token
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return word


def _phrase_at(stems: list[str], start: int) -> tuple[int, str] | None:
    """The longest synonym phrase starting at `start`, as (number of words, term)."""
    for size in range(_LONGEST_PHRASE, 1, -1):
        term = _PHRASES.get(tuple(stems[start : start + size]))
        if term:
            return size, term
    return None


def _carries_meaning(token: str, stem: str) -> bool:
    return (
        token not in STOP_WORDS
        and stem not in _POSTING_STEMS
        and any(char.isalpha() for char in token)
    )


def _synonym_keys() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """Stem every synonym entry once, splitting single words from multi-word phrases."""
    concepts, phrases = {}, {}
    for name, entries in SYNONYMS.items():
        term = f"<{name}>"  # no token contains "<", so a concept never collides with a stem
        for entry in entries:
            stems = tuple(_stem(token) for token in _tokens(entry))
            if len(stems) == 1:
                concepts[stems[0]] = term
            else:
                phrases[stems] = term
    return concepts, phrases


_CONCEPTS, _PHRASES = _synonym_keys()
_LONGEST_PHRASE = max((len(phrase) for phrase in _PHRASES), default=1)
_POSTING_STEMS = frozenset(_stem(word) for word in POSTING_WORDS)
