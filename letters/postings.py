"""Workflows on a posting and its requirements."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from letters import extract
from letters.models import Posting, Requirement


@transaction.atomic
def posting_create(
    *, owner, employer: str, role_title: str, description: str, location: str = "", link: str = ""
) -> Posting:
    """Save a pasted job description and the requirements extracted from it."""
    posting = Posting(
        owner=owner,
        employer=employer,
        role_title=role_title,
        location=location,
        link=link,
        description=description,
    )
    posting.full_clean()
    posting.save()
    Requirement.objects.bulk_create(
        Requirement(
            posting=posting,
            text=found.text,
            kind=found.kind,
            position=position,
            start=found.start,
            end=found.end,
        )
        for position, found in enumerate(extract.extract_requirements(description))
    )
    return posting


def requirement_add(
    *, posting: Posting, text: str, kind: str, start: int | None = None, end: int | None = None
) -> Requirement:
    """Append a requirement the extractor missed, after the others."""
    last = posting.requirements.aggregate(last=Max("position"))["last"]
    requirement = Requirement(
        posting=posting,
        text=text,
        kind=kind,
        position=0 if last is None else last + 1,
        start=start,
        end=end,
    )
    requirement.full_clean()
    requirement.save()
    return requirement


@transaction.atomic
def requirement_move(*, requirement: Requirement, offset: int) -> None:
    """Move a requirement up (-1) or down (+1) by swapping it with its neighbour."""
    siblings = list(requirement.posting.requirements.order_by("position", "pk"))
    index = next(i for i, item in enumerate(siblings) if item.pk == requirement.pk)
    target = index + offset
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, item in enumerate(siblings):
        item.position = position
    Requirement.objects.bulk_update(siblings, ["position"])


def highlighted_segments(posting: Posting) -> list[tuple[str, bool]]:
    """The description cut into (text, is_requirement) pieces, for highlighting in a template."""
    text = posting.description
    spans = sorted(
        (start, end)
        for start, end in posting.requirements.values_list("start", "end")
        if start is not None and end is not None and 0 <= start < end <= len(text)
    )
    segments: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            start = cursor
        if start >= end:
            continue
        segments.append((text[cursor:start], False))
        segments.append((text[start:end], True))
        cursor = end
    segments.append((text[cursor:], False))
    return [segment for segment in segments if segment[0]]
