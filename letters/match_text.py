"""Words for matching: normalised, stemmed and folded through the synonym table.

The tables are data (letters/data/synonyms.toml, and the credentials' aliases in
credentials.toml) so they grow without touching code.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

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
    "ability", "able", "assist", "candidate", "comfortable", "current", "demonstrated",
    "ensure", "excellent", "experience", "familiarity", "field", "good", "ideal", "including",
    "job", "knowledge", "minimum", "must", "perform", "plus", "preferred", "proficiency",
    "proficient", "proven", "related", "relevant", "required", "similar", "skill", "solid",
    "strong", "strongly", "thorough", "valid", "various", "willing", "work", "working", "year"
})
# fmt: on

_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_APOSTROPHE = re.compile(r"['\u2018\u2019`]")
# Plain words, plus "c++", "c#", ".net" and short dotted forms such as "node.js" or "b.a".
_TOKEN = re.compile(r"(?<![^\W_])\.net\b|[^\W_]+(?:\+\+|#|(?:\.[^\W_]{1,3})+(?![^\W_]))?")
# Tried in order; at most one is replaced, and only when at least three letters remain.
_SUFFIXES = (
    ("ification", "ify"),
    ("ization", "ize"),
    ("isation", "ize"),
    ("ment", ""),
    ("ied", "y"),
    ("ing", ""),
    ("ion", ""),
    ("ed", ""),
)
_MIN_STEM = 3


@dataclass(frozen=True)
class Word:
    """One meaningful word: `term` is what is compared, `key` tells a same word from a synonym."""

    term: str
    key: str
    surface: str


def fold(text: str) -> str:
    """Lowercase with accents, compatibility forms, links and apostrophes folded away."""
    if text.isascii():  # most text: casefold is lower, and there is nothing to decompose
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text.casefold())
        folded = "".join(char for char in folded if not unicodedata.combining(char))
    return _APOSTROPHE.sub("", _URL.sub(" ", folded))


def tokens(text: str) -> list[str]:
    """Lowercase tokens, so "Café" meets "cafe" and "C++" stays one token."""
    return _TOKEN.findall(fold(text)) if text else []


def _spans(text: str) -> tuple[str, list[re.Match[str]]]:
    folded = fold(text) if text else ""
    return folded, list(_TOKEN.finditer(folded))


@lru_cache(maxsize=100_000)
def stem(token: str) -> str:
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


def words(text: str) -> list[Word]:
    """The words of `text` that carry meaning, with synonym phrases joined into one word."""
    folded, spans = _spans(text)
    found = [span.group() for span in spans]
    stems = [stem(token) for token in found]
    table = _table()
    result, i = [], 0
    while i < len(found):
        phrase = _phrase_at(stems, i, table)
        if phrase:
            size, term = phrase
            key = " ".join(stems[i : i + size])
            surface = folded[spans[i].start() : spans[i + size - 1].end()]
            result.append(Word(term, key, surface))
            i += size
            continue
        if _carries_meaning(found[i], stems[i]):
            result.append(Word(table.concepts.get(stems[i], stems[i]), stems[i], found[i]))
        i += 1
    return result


def synonyms() -> dict[str, tuple[str, ...]]:
    """The [same] groups as written: concept name -> its words."""
    return _table().groups


@cache
def soft_terms() -> frozenset[str]:
    """The terms of the qualities people answer with a story (letters/data/soft_skills.toml)."""
    with (DATA / "soft_skills.toml").open("rb") as file:
        entries = tomllib.load(file)["words"]
    return frozenset(word.term for entry in entries for word in words(entry)[:1])


def broader(term: str) -> tuple[str, ...]:
    """The general terms a specific one implies, nearest first: "<ecs>" gives AWS, then cloud."""
    return _table().broader.get(term, ())


@dataclass(frozen=True)
class _Table:
    groups: dict[str, tuple[str, ...]]
    concepts: dict[str, str]
    phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # by first stem, longest first
    broader: dict[str, tuple[str, ...]]


@cache
def _table() -> _Table:
    """Stem every entry once, splitting single words from multi-word phrases."""
    with (DATA / "synonyms.toml").open("rb") as file:
        data = tomllib.load(file)
    groups = {name: tuple(entries) for name, entries in data["same"].items()}
    concepts: dict[str, str] = {}
    phrases: dict[tuple[str, ...], str] = {}

    def add(entry: str, term: str) -> None:
        stems = tuple(stem(token) for token in tokens(entry))
        if len(stems) == 1:
            concepts.setdefault(stems[0], term)
        elif stems:
            phrases.setdefault(stems, term)

    def term_of(entry: str) -> str:
        """The term an entry already has, or a new one of its own (a phrase joins its stems)."""
        stems = tuple(stem(token) for token in tokens(entry))
        known = concepts.get(stems[0]) if len(stems) == 1 else phrases.get(stems)
        if known:
            return known
        add(entry, " ".join(stems))
        return " ".join(stems)

    for name, entries in groups.items():
        for entry in entries:
            # no token contains "<", so a concept never collides with a stem
            add(entry, f"<{name}>")
    # A credential's abbreviations and names are synonyms too: "ACLS" meets "Advanced Cardiac
    # Life Support". Words already in a group above keep their group.
    with (DATA / "credentials.toml").open("rb") as file:
        for name, credential in tomllib.load(file).items():
            for alias in credential["aliases"]:
                add(alias, f"<{name}>")
    parents: dict[str, list[str]] = {}
    for name, children in data["implies"].items():
        parent = f"<{name}>" if name in groups else term_of(name.replace("_", " "))
        for child in children:
            parents.setdefault(term_of(child), []).append(parent)
    by_start: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for stems, term in phrases.items():
        by_start.setdefault(stems[0], []).append((stems, term))
    starts = {
        first: tuple(sorted(found, key=lambda item: -len(item[0])))
        for first, found in by_start.items()
    }
    return _Table(groups, concepts, starts, _closure(parents))


def _closure(parents: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Every term's parents, grandparents and so on, nearest first, each once."""
    result = {}
    for term in parents:
        found: list[str] = []
        queue = list(parents[term])
        while queue:
            parent = queue.pop(0)
            if parent != term and parent not in found:
                found.append(parent)
                queue.extend(parents.get(parent, ()))
        result[term] = tuple(found)
    return result


def _phrase_at(stems: list[str], start: int, table: _Table) -> tuple[int, str] | None:
    """The longest synonym phrase starting at `start`, as (number of words, term)."""
    for phrase, term in table.phrases.get(stems[start], ()):
        if tuple(stems[start : start + len(phrase)]) == phrase:
            return len(phrase), term
    return None


def _carries_meaning(token: str, stemmed: str) -> bool:
    return (
        token not in STOP_WORDS
        and stemmed not in _POSTING_STEMS
        and any(char.isalpha() for char in token)
    )


_POSTING_STEMS = frozenset(stem(word) for word in POSTING_WORDS)
