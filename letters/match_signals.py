"""Structured checks: years of experience, degree level and field, named credentials.

Words alone miss that "seven years leading..." answers "5+ years" or that "Ohio Resident
Educator License" is a teaching license; these checks read the numbers and names instead. The
degree and credential names are data (letters/data/degrees.toml, credentials.toml).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from letters.match_text import DATA, fold

# fmt: off
_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
# fmt: on
_NUMBER = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBERS) + ")"
# "5+ years", "2-4 years", "two (2) or more years", "4 yrs", "four-year"; not "in the last 3
# years", nor a term that is no experience ("a two-year commitment").
_YEARS = re.compile(
    rf"(?<!last )(?<!past )(?<!every )(?<!within )\b{_NUMBER}\s*(?:\(\d{{1,2}}\)\s*)?"
    rf"(?:\+|plus)?\s*(?:(?:-|–|to)\s*{_NUMBER}\s*\+?\s*)?(?:or more\s+)?-?\s*(?:years?|yrs?)\b"
    r"(?![\s-]*(?:commitment|contract|term|program|warranty|olds?)\b)"
)
_SPAN = re.compile(r"\b((?:19|20)\d\d)\s*(?:-|–|—|to)\s*((?:19|20)\d\d)\b")
_DEGREE_WORD = re.compile(r"\bdegree\b")
# A clause that says a degree or credential is still to come: "pursuing a B.S. in nursing,
# expected May 2027", "studying for Network+", "GED prep in progress". Clauses end at a full
# stop after a word (not the dots of "B.S."), a semicolon or a line.
_CLAUSE = re.compile(r"(?<=[a-z]{3})\.\s|[;|\n]")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|fall|winter)[a-z]*"
_PENDING = re.compile(
    r"\b(?:in progress|preparing for|prepping for|studying for|working towards?|pursuing|"
    r"currently enrolled|enrolled in|(?:exam|test) (?:is )?(?:scheduled|booked)|"
    rf"(?:expected|anticipated)(?: in)? (?:{_MONTH}|(?:19|20)\d\d))\b"
)
# A requirement that takes progress toward what it asks: "CPA or progress toward it", "or
# willingness to obtain within 90 days".
_TAKES_PENDING = re.compile(
    r"\b(?:progress toward|working toward|pursuing|currently enrolled|enrolled in|"
    r"(?:willing|willingness|ability|able) to (?:obtain|earn|get|complete)|eligible|"
    r"within (?:the first )?(?:\d+|one|two|three|six|nine|twelve|\w+) (?:days|months|year))\b"
)
# A language learned in class, or only begun, is not one to work in: "two years of high school
# French", "ASL 1 and 2", "basic Spanish".
_BEGINNER = re.compile(
    r"\b(?:high school|class|classes|course|courses|semesters?|studied|basics?|beginner|"
    r"learning|duolingo|[a-z]+ 1 and 2)\b"
)
_UNNAMED_DEGREE_RANK = 2  # "a degree in culinary arts" is at least an associate's


@dataclass(frozen=True)
class Degree:
    rank: int
    name: str
    fields: frozenset[str]


@dataclass(frozen=True)
class Facts:
    """What a text states (a strength) or asks for (a requirement)."""

    years: float | None
    degree: Degree | None
    credentials: frozenset[str]
    languages: frozenset[str] = frozenset()  # a strength's only where it works in them
    pending: Facts | None = None  # a strength's degree or credentials still in progress
    takes_pending: bool = False  # a requirement's: progress toward what it asks will do

    def stated(self) -> bool:
        return bool(self.years or self.degree or self.credentials or self.languages or self.pending)

    def comparable(self, has: Facts) -> bool:
        """Whether a strength's facts (`has`, or what it works toward) state something of a
        kind these ask, so check() has something to compare."""
        return bool(
            (self.years and has.years)
            or (self.degree and has.degree)
            or (self.credentials and has.credentials)
            or (self.languages and has.languages)
            or (has.pending and self.comparable(has.pending))
        )


@dataclass(frozen=True)
class Check:
    """How well a strength's facts meet what a requirement asks, with reasons.

    Each is 0 when there is nothing to compare and up to 1 when the strength meets the ask; a
    degree below the level asked, or only a lower credential than the one asked (OSHA 10 for
    OSHA 30), is -1, since it says the strength does not answer.
    """

    years: float = 0.0
    degree: float = 0.0
    credential: float = 0.0
    why: tuple[str, ...] = ()


@lru_cache(maxsize=20_000)
def facts(text: str, *, asked: bool) -> Facts:
    """Years, degree, credentials and languages in `text`; a requirement's years are the
    minimum asked. What a strength is still working toward is set apart as `pending`."""
    folded = fold(text)
    if asked:
        return replace(
            _facts(folded, asked=True), takes_pending=bool(_TAKES_PENDING.search(folded))
        )
    clauses = _CLAUSE.split(folded)
    working = [clause for clause in clauses if _PENDING.search(clause)]
    if not working:
        return _facts(folded, asked=False)
    done = ". ".join(clause for clause in clauses if clause not in working)
    return replace(_facts(done, asked=False), pending=_facts(". ".join(working), asked=False))


def _facts(folded: str, *, asked: bool) -> Facts:
    named = _credentials(folded)
    table = _credential_table()
    languages = frozenset(key for key in named if table[key].kind == "language")
    if languages and not asked:  # only those named where no clause says they were only begun
        begun = (clause for clause in _CLAUSE.split(folded) if _BEGINNER.search(clause))
        languages -= {key for clause in begun for key in _credentials(clause)}
    return Facts(
        _years(folded, asked=asked), _degree(folded, asked=asked), named - languages, languages
    )


def check(asks: Facts, has: Facts) -> Check:
    """Compare what a requirement asks with what a strength states."""
    years, degree, credential, why = 0.0, 0.0, 0.0, []
    if asks.years and has.years:
        years = min(1.0, has.years / asks.years)
        sign = "≥" if has.years >= asks.years else "<"
        why.append(f"years: {_number(has.years)} {sign} {_number(asks.years)} required")
    working = has.pending or Facts(None, None, frozenset())
    if asks.degree and has.degree:
        degree, reason = _compare_degrees(asks.degree, has.degree)
        why.append(reason)
    elif asks.degree and working.degree:
        degree, reason = _compare_degrees(asks.degree, working.degree)
        degree = degree if asks.takes_pending and degree > 0 else -1.0
        why.append(f"{reason}, in progress")
    table = _credential_table()
    held = _implied(has.credentials)
    if shared := held & asks.credentials:
        credential = 1.0
        why.append(_credential_names(shared))
    elif lower := held & (_implied(asks.credentials) - asks.credentials):
        credential = -1.0
        asked = " or ".join(sorted(table[key].name for key in asks.credentials))
        why.append(f"{_credential_names(lower)}, below the {asked} asked")
    elif pending := _implied(working.credentials) & asks.credentials:
        credential = 1.0 if asks.takes_pending else -1.0
        why.append(f"{_credential_names(pending)}, in progress")
    if spoken := asks.languages & has.languages:
        why.append(f"speaks {', '.join(sorted(table[key].name for key in spoken))}")
    return Check(years, degree, credential, tuple(why))


def _credential_names(keys: frozenset[str]) -> str:
    """The credentials' names by kind, as an explanation shows them: "license: RN; ..." """
    table = _credential_table()
    kinds: dict[str, list[str]] = {}
    for key in sorted(keys, key=lambda key: table[key].name):
        kinds.setdefault(table[key].kind, []).append(table[key].name)
    return "; ".join(f"{kind}: {', '.join(names)}" for kind, names in kinds.items())


def is_degree(name: str) -> bool:
    """Whether a name is a degree's ("GED", "MBA"): the degree check weighs it, not its words."""
    return _degree_patterns()[0].fullmatch(fold(name)) is not None


def _years(folded: str, *, asked: bool) -> float | None:
    """The smallest number of years asked for, or the largest a strength states."""
    found = [_value(match.group(1)) for match in _YEARS.finditer(folded)]
    if not asked:
        found += [int(end) - int(start) for start, end in _SPAN.findall(folded) if end > start]
    found = [value for value in found if value > 0]
    if not found:
        return None
    return min(found) if asked else max(found)


def _value(number: str) -> float:
    return float(_NUMBERS.get(number, 0) or number)


def _number(value: float) -> str:
    return f"{value:g}"


def _degree(folded: str, *, asked: bool) -> Degree | None:
    """The highest degree a text shows; for a requirement, the lowest it accepts ("associate's
    or bachelor's", "bachelor's required, master's preferred")."""
    levels, fields = _degree_patterns()
    table = _degree_table()
    ranks = [table["levels"][found.lastgroup] for found in levels.finditer(folded)]
    named = frozenset(found.lastgroup for found in fields.finditer(folded))
    if not ranks and not (named and _DEGREE_WORD.search(folded)):
        return None
    best = (min if asked else max)(ranks, key=lambda level: level["rank"], default=None)
    if best is None:
        return Degree(_UNNAMED_DEGREE_RANK, "degree", named)
    return Degree(best["rank"], best["name"], named)


def _compare_degrees(asks: Degree, has: Degree) -> tuple[float, str]:
    field = _field_words(asks.fields & has.fields or has.fields)
    label = f"{has.name} in {field}" if field else has.name
    if has.rank < asks.rank:
        return -1.0, f"degree: {label}, below the {asks.name} asked"
    if not asks.fields or asks.fields & has.fields:
        return 1.0, f"degree: {label}"
    families = _field_families()
    if {families[f] for f in asks.fields} & {families[f] for f in has.fields}:
        return 0.8, f"degree: {label} (a related field)"
    return 0.5, f"degree: {label}, not in {_field_words(asks.fields)}"


def _field_words(fields: frozenset[str]) -> str:
    return " or ".join(sorted(field.replace("_", " ") for field in fields))


def _credentials(folded: str) -> frozenset[str]:
    return frozenset(found.lastgroup for found in _credential_pattern().finditer(folded))


def _implied(held: frozenset[str]) -> frozenset[str]:
    table = _credential_table()
    return held | {implied for key in held for implied in table[key].implies}


@dataclass(frozen=True)
class _Credential:
    kind: str
    name: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...]


def _alternatives(named: dict[str, list[str]]) -> re.Pattern[str]:
    """One pattern for many names, each alias whole-word, any separator, optional plural.

    A match's group name (`lastgroup`) says which name it was; longer aliases are tried first.
    """
    groups = []
    for name, aliases in named.items():
        forms = sorted({_alias_pattern(alias) for alias in aliases}, key=len, reverse=True)
        groups.append(f"(?P<{name}>{'|'.join(forms)})")
    return re.compile(r"(?<![\w.])(?:" + "|".join(groups) + r")s?(?![\w+])")


def _alias_pattern(alias: str) -> str:
    parts = [re.escape(part) for part in re.split(r"[\s\-/]+", fold(alias)) if part]
    return r"[\s\-/]*".join(parts)


@cache
def _credential_table() -> dict[str, _Credential]:
    with (DATA / "credentials.toml").open("rb") as file:
        data = tomllib.load(file)
    return {
        key: _Credential(
            entry["kind"], entry["name"], tuple(entry["aliases"]), tuple(entry.get("implies", ()))
        )
        for key, entry in data.items()
    }


@cache
def _credential_pattern() -> re.Pattern[str]:
    return _alternatives({key: list(entry.aliases) for key, entry in _credential_table().items()})


@cache
def _degree_table() -> dict:
    with (DATA / "degrees.toml").open("rb") as file:
        return tomllib.load(file)


@cache
def _degree_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = _degree_table()
    levels = {key: level["aliases"] for key, level in table["levels"].items()}
    fields = {key: field["aliases"] for key, field in table["fields"].items()}
    return _alternatives(levels), _alternatives(fields)


@cache
def _field_families() -> dict[str, str]:
    return {key: field["family"] for key, field in _degree_table()["fields"].items()}
