"""Workflows on a posting and its requirements."""

from __future__ import annotations

from django.db import transaction

from letters import extract
from letters.models import Posting, Requirement
from letters.ordering import move_one_place, next_position


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
    requirement = Requirement(
        posting=posting,
        text=text,
        kind=kind,
        position=next_position(posting.requirements.all()),
        start=start,
        end=end,
    )
    requirement.full_clean()
    requirement.save()
    return requirement


def requirement_move(*, requirement: Requirement, offset: int) -> None:
    """Move a requirement up (-1) or down (+1)."""
    move_one_place(requirement.posting.requirements.all(), requirement.pk, offset)


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
