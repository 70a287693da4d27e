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

from letters.match_text import DATA, fold, words

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
# A clause that says a credential is no longer held: "CPR card, lapsed in 2020".
_LAPSED = re.compile(r"\b(?:lapsed|expired|inactive|no longer (?:active|current|valid))\b")
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
# Words that only frame a credential, degree or language asked: what is left of "Current PALS
# certification required" once these and the names go is nothing, so the name is the whole ask.
_FRAMING = re.compile(
    r"\b(?:certifications?|certificates?|certified|licen[cs](?:es?|ed|ure)|credentials?|"
    r"credentialed|registrations?|registered|designations?|qualifications?|qualified|degrees?|"
    r"diplomas?|endorsements?|equivalent|active|state|national(?:ly)?|recogni[sz]ed|accredited|"
    r"good standing|obtain|hold|possess|higher|fluent|fluency|bilingual|proficien(?:t|cy))\b"
)
# A diploma as résumés state it: "Lakeview High School, Class of 2018", "graduated from
# Westland High School".
_GRADUATED = re.compile(
    r"\bhigh school\b[^.;]*\b(?:class of|graduat\w*)|\bgraduat\w*\b[^.;]*\bhigh school\b"
)
# A requirement that admits others like what it names: "or a related field", "Procore or
# similar", "any CRM".
ADMITS_OTHERS = re.compile(
    r"\b(?:similar|comparable|equivalent|related|another|other|any)\b", re.IGNORECASE
)
_SEPARATORS = re.compile(r"[\s\-/]+")
_UNNAMED_DEGREE_RANK = 2  # "a degree in culinary arts" is at least an associate's


@dataclass(frozen=True)
class Degree:
    rank: int
    name: str
    fields: frozenset[str]
    strict: bool = False  # a requirement's: only its field will do (a BSN for a nurse)


@dataclass(frozen=True)
class Facts:
    """What a text states (a strength) or asks for (a requirement)."""

    years: float | None
    degree: Degree | None
    credentials: frozenset[str]
    languages: frozenset[str] = frozenset()  # a strength's only where it works in them
    pending: Facts | None = None  # a strength's degree or credentials still in progress
    takes_pending: bool = False  # a requirement's: progress toward what it asks will do
    share: float = 0.0  # a requirement's: how much of it is the credential, degree or language

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
    degree below the level asked or outside a strict field, or only a lower credential than the
    one asked (OSHA 10 for OSHA 30), is -1, since it says the strength does not answer.
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
        asks = _facts(folded, asked=True)
        return replace(
            asks,
            takes_pending=bool(_TAKES_PENDING.search(folded)),
            share=_share(folded) if asks.degree or asks.credentials or asks.languages else 0.0,
        )
    clauses = [clause for clause in _CLAUSE.split(folded) if not _LAPSED.search(clause)]
    working = [clause for clause in clauses if _PENDING.search(clause)]
    done = ". ".join(clause for clause in clauses if clause not in working)
    if not working:
        return _facts(done, asked=False)
    return replace(_facts(done, asked=False), pending=_facts(". ".join(working), asked=False))


def _facts(folded: str, *, asked: bool) -> Facts:
    named = _credentials(folded, asked=asked)
    table = _credential_table()
    languages = frozenset(key for key in named if table[key].kind == "language")
    if languages and not asked:  # only those named where no clause says they were only begun
        begun = (clause for clause in _CLAUSE.split(folded) if _BEGINNER.search(clause))
        languages -= {key for clause in begun for key in _credentials(clause, asked=False)}
    return Facts(
        _years(folded, asked=asked), _degree(folded, asked=asked), named - languages, languages
    )


def _share(folded: str) -> float:
    """The share of a requirement's words that name or frame the credential, degree or
    language it asks: 1 for "Current PALS certification required", less the more it asks
    besides ("PALS and two years in a pediatric ICU")."""
    levels, fields = _degree_patterns()
    rest = folded
    for pattern in (_credential_pattern().pattern, levels.pattern, fields.pattern, _FRAMING):
        rest = pattern.sub(" ", rest)
    return 1.0 - len(words(rest)) / max(len(words(folded)), 1)


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
    return _degree_patterns()[0].pattern.fullmatch(fold(name)) is not None


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
    ranks = [table["levels"][name] for name, _ in levels.find(folded)]
    if not asked and _GRADUATED.search(folded):
        ranks.append(table["levels"]["high_school"])
    named = frozenset(name for name, _ in fields.find(folded))
    if not ranks and not (named and _DEGREE_WORD.search(folded)):
        return None
    best = (min if asked else max)(ranks, key=lambda level: level["rank"], default=None)
    # A field that is the door to a licence admits no other, unless the posting says so.
    strict = asked and bool(named & _strict_fields()) and not ADMITS_OTHERS.search(folded)
    if best is None:
        return Degree(_UNNAMED_DEGREE_RANK, "degree", named, strict)
    return Degree(best["rank"], best["name"], named, strict)


def _compare_degrees(asks: Degree, has: Degree) -> tuple[float, str]:
    field = _field_words(asks.fields & has.fields or has.fields)
    label = f"{has.name} in {field}" if field else has.name
    if has.rank < asks.rank:
        return -1.0, f"degree: {label}, below the {asks.name} asked"
    if not asks.fields or asks.fields & has.fields:
        return 1.0, f"degree: {label}"
    if asks.strict and has.fields:
        return -1.0, f"degree: {label}, not in {_field_words(asks.fields)}"
    families = _field_families()
    if {families[f] for f in asks.fields} & {families[f] for f in has.fields}:
        return 0.8, f"degree: {label} (a related field)"
    return 0.5, f"degree: {label}, not in {_field_words(asks.fields)}"


def _field_words(fields: frozenset[str]) -> str:
    return " or ".join(sorted(field.replace("_", " ") for field in fields))


def _credentials(folded: str, *, asked: bool) -> frozenset[str]:
    """The credentials named; in a strength, not those named in the plural, which are other
    people's ("supervised 12 CNAs", "audit intern at Pryor & Lind CPAs")."""
    found = _credential_pattern().find(folded)
    return frozenset(name for name, plural in found if asked or not plural)


def _implied(held: frozenset[str]) -> frozenset[str]:
    """What holding these shows, down the whole ladder (a CCIE shows a CCNP, so a CCNA)."""
    table = _credential_table()
    shown, new = set(held), set(held)
    while new:
        new = {implied for key in new for implied in table[key].implies} - shown
        shown |= new
    return frozenset(shown)


@dataclass(frozen=True)
class _Credential:
    kind: str
    name: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...]


@dataclass(frozen=True)
class _Names:
    """One pattern for many names' aliases, and which name each alias is.

    Aliases are whole words in any case, with any separator, in the plural too; the longest is
    tried first, so "journeyman plumber" is not read as "journeyman".
    """

    pattern: re.Pattern[str]
    names: dict[str, str]  # an alias without its separators -> its name

    def find(self, folded: str) -> list[tuple[str, bool]]:
        """The names in `folded`, each with whether it was written in the plural."""
        return [
            (self.names[_SEPARATORS.sub("", found[1])], bool(found[2]))
            for found in self.pattern.finditer(folded)
        ]


def _alternatives(named: dict[str, list[str]]) -> _Names:
    names: dict[str, str] = {}
    for name, aliases in named.items():
        for alias in aliases:
            names.setdefault(_SEPARATORS.sub("", fold(alias)), name)
    forms = {_alias_pattern(alias) for aliases in named.values() for alias in aliases}
    ordered = sorted(forms, key=lambda form: (-len(form), form))
    return _Names(re.compile(r"(?<![\w.])(" + "|".join(ordered) + r")(s?)(?![\w+])"), names)


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
def _credential_pattern() -> _Names:
    return _alternatives({key: list(entry.aliases) for key, entry in _credential_table().items()})


@cache
def _degree_table() -> dict:
    with (DATA / "degrees.toml").open("rb") as file:
        return tomllib.load(file)


@cache
def _degree_patterns() -> tuple[_Names, _Names]:
    table = _degree_table()
    levels = {key: level["aliases"] for key, level in table["levels"].items()}
    fields = {key: field["aliases"] for key, field in table["fields"].items()}
    return _alternatives(levels), _alternatives(fields)


@cache
def _strict_fields() -> frozenset[str]:
    return frozenset(key for key, field in _degree_table()["fields"].items() if field.get("strict"))


@cache
def _field_families() -> dict[str, str]:
    return {key: field["family"] for key, field in _degree_table()["fields"].items()}
