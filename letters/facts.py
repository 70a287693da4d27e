"""Who is hiring, for what, where: read off the top of a pasted job description.

Pure Python like extract.py. Guesses only fill fields the user left empty, so a wrong guess
costs one correction and a missing one costs nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

URL = re.compile(r"https?://[^\s<>\"')\]]+")
LABEL = re.compile(
    r"^\s*(?:[*_#>-]+\s*)*(?P<label>job title|position|role|title|company|employer|"
    r"organi[sz]ation|hiring organi[sz]ation|location|city)\s*[:\-–—]\s*(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
LABEL_FIELDS = {
    "job title": "role_title",
    "position": "role_title",
    "role": "role_title",
    "title": "role_title",
    "company": "employer",
    "employer": "employer",
    "organization": "employer",
    "organisation": "employer",
    "hiring organization": "employer",
    "hiring organisation": "employer",
    "location": "location",
    "city": "location",
}
AT = re.compile(r"^(?P<role>.{3,80}?)\s+(?:at|@)\s+(?P<employer>[A-Z0-9].{1,80})$")
SEPARATOR = re.compile(r"\s+[—–|·•]\s+|\s+-\s+")
HEADING_WORDS = re.compile(
    r"\b(?:about|description|overview|summary|responsibilities|requirements|qualifications|"
    r"duties|who we are|the role|benefits|level|shift|schedule|hiring|apply|working)\b",
    re.IGNORECASE,
)
# Sentences that name the employer wherever they stand in the posting.
EMPLOYER_SAYS = re.compile(
    r"(?:^|[.!]\s+)(?P<name>(?:[A-Z][\w&'.-]*)(?:\s+(?:of|the|and|&|[A-Z][\w&'.-]*)){0,6})"
    r"\s+(?:is an equal opportunity employer|is hiring|is looking for|is seeking)"
    r"|\bjoin (?:the )?(?P<team>(?:[A-Z][\w&'.-]*)(?:\s+[A-Z][\w&'.-]*){0,5}) team\b",
    re.MULTILINE,
)
SMALL_WORDS = {"of", "the", "and", "&", "for", "in", "at", "a", "an", "to", "de"}
MARKUP = re.compile(r"<[^>]+>|[*_#`]+")
MAX_WORDS = 10
LINK_LINES = 3


@dataclass(frozen=True)
class Facts:
    employer: str = ""
    role_title: str = ""
    location: str = ""
    link: str = ""


def clean(line: str) -> str:
    return " ".join(MARKUP.sub(" ", line).split()).strip(" :-–—|")


def is_name_line(line: str) -> bool:
    """A short Title Case line with no sentence, label or section word: a name or a title."""
    words = line.split()
    return (
        0 < len(words) <= MAX_WORDS
        and not line.endswith((".", "!", "?", ":"))
        and not LABEL.match(line)
        and not HEADING_WORDS.search(line)
        and all(word[0].isupper() or not word[0].isalpha() or word in SMALL_WORDS for word in words)
    )


def guess_facts(text: str) -> Facts:
    """Labelled fields first ("Company: …"), then the shape of the first lines."""
    found: dict[str, str] = {}
    # Only a link at the very top is the posting's own; later ones point anywhere.
    link = URL.search("\n".join(text.strip().splitlines()[:LINK_LINES]))
    if link:
        found["link"] = link.group(0).rstrip(".,;")
    lines = [clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line and not URL.fullmatch(line)]
    for line in lines[:40]:
        labelled = LABEL.match(line)
        if labelled:
            field = LABEL_FIELDS[labelled["label"].lower()]
            found.setdefault(field, labelled["value"])
    said = EMPLOYER_SAYS.search(text)
    if said:
        found.setdefault("employer", said["name"] or said["team"])
    # A pasted posting opens with its title, often followed by who and where.
    first, second = (lines + ["", ""])[:2]
    at = AT.match(first)
    if at:
        found.setdefault("role_title", at["role"])
        found.setdefault("employer", at["employer"])
    elif is_name_line(first):
        role, *rest = SEPARATOR.split(first)
        found.setdefault("role_title", role)
        if rest and is_name_line(rest[0]):
            found.setdefault("employer", rest[0])
    if is_name_line(first) and SEPARATOR.split(second)[0] and is_name_line(second):
        employer, *rest = SEPARATOR.split(second)
        found.setdefault("employer", employer)
        if rest:
            found.setdefault("location", rest[0])
    return Facts(**found)
