"""Workflows on the strength bank."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from letters.models import Strength
from letters.resume import Proposal


@transaction.atomic
def strengths_import(*, owner, proposals: Iterable[Proposal]) -> list[Strength]:
    """Add the reviewed proposals to the bank, all or none."""
    strengths = [
        Strength(owner=owner, title=item.title, detail=item.detail, tags=item.tags)
        for item in proposals
    ]
    for strength in strengths:
        strength.full_clean()
        strength.save()
    return strengths
