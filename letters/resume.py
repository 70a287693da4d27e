"""Résumé text or a JSON Resume file, turned into proposed strengths the user reviews."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

TITLE_LENGTH = 80
TAGS_LENGTH = 200  # Strength.tags
MIN_WORDS = 3
BULLET = re.compile(r"^\s*(?:[-*+•·▪–➢◦●]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
DATE_OR_HEADING = re.compile(
    r"^(?:[A-Z][A-Z &/,]+|.*\b(?:19|20)\d\d\s*[-–—]\s*(?:(?:19|20)\d\d|present|current)\b.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Proposal:
    title: str
    detail: str
    tags: str = ""


def short_title(text: str) -> str:
    """The first clause, cut at a word boundary: a strength's title is read at a glance."""
    clause = re.split(r"(?<=[a-z0-9)])[.;:](?:\s|$)|\s[–—]\s", text, maxsplit=1)[0].strip()
    if len(clause) <= TITLE_LENGTH:
        return clause
    cut = clause[:TITLE_LENGTH].rsplit(" ", 1)[0].rstrip(",;")
    return f"{cut}…"


def proposal(text: str, tags: str = "") -> Proposal | None:
    text = " ".join(text.split()).strip()
    if len(text.split()) < MIN_WORDS:
        return None
    return Proposal(title=short_title(text), detail=text, tags=tags)


def proposals_from_text(text: str) -> list[Proposal]:
    """Each bullet (wrapped lines joined) or plain line of a pasted résumé becomes a proposal;
    headings, contact lines and date lines are skipped."""
    items: list[str] = []
    current: list[str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        if BULLET.match(line):
            current = [BULLET.sub("", line, count=1)]
            items.append(current)
        elif current is not None and line[:1].isspace():
            current.append(stripped)
        else:
            current = None
            if not DATE_OR_HEADING.match(stripped) and "@" not in stripped:
                items.append([stripped])
    found = (proposal(" ".join(parts)) for parts in items)
    return unique([item for item in found if item])


def proposals_from_json_resume(data: dict[str, Any]) -> list[Proposal]:
    """Highlights of work and volunteering, education, certificates and skills from a
    jsonresume.org document; unknown or malformed parts are skipped, never fatal."""
    found: list[Proposal | None] = []
    for section in ("work", "volunteer", "projects"):
        for entry in entries(data.get(section)):
            place = text_of(entry.get("name") or entry.get("organization"))
            tags = ", ".join(filter(None, [text_of(entry.get("position")), place]))[:TAGS_LENGTH]
            summary = text_of(entry.get("summary") or entry.get("description"))
            highlights = strings(entry.get("highlights"))
            if summary and not highlights:
                found.append(proposal(summary, tags))
            found.extend(proposal(item, tags) for item in highlights)
    for entry in entries(data.get("education")):
        degree = " in ".join(
            filter(None, [text_of(entry.get("studyType")), text_of(entry.get("area"))])
        )
        school = text_of(entry.get("institution"))
        if degree:
            text = f"{degree}, {school}" if school else degree
            found.append(Proposal(title=short_title(text), detail=text, tags="education"))
    for entry in entries(data.get("certificates")):
        name = text_of(entry.get("name"))
        issuer = text_of(entry.get("issuer"))
        if name:
            text = f"{name} ({issuer})" if issuer else name
            found.append(Proposal(title=short_title(text), detail=text, tags="certification"))
    for entry in entries(data.get("skills")):
        name = text_of(entry.get("name"))
        keywords = ", ".join(text_of(word) for word in strings(entry.get("keywords")) if word)
        if name:
            detail = f"{name}: {keywords}" if keywords else name
            found.append(Proposal(title=short_title(name), detail=detail, tags="skills"))
    return unique([item for item in found if item])


def entries(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def text_of(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def unique(proposals: list[Proposal]) -> list[Proposal]:
    seen: set[str] = set()
    kept = []
    for item in proposals:
        key = item.detail.lower()
        if key not in seen:
            seen.add(key)
            kept.append(item)
    return kept
