"""Workflows on a posting's idea sheet: ideas added at the end, moved one place at a time."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max

from letters.models import Idea, Posting


def idea_add(*, posting: Posting, title: str, detail: str = "") -> Idea:
    last = posting.ideas.aggregate(last=Max("position"))["last"]
    idea = Idea(
        posting=posting, title=title, detail=detail, position=0 if last is None else last + 1
    )
    idea.full_clean()
    idea.save()
    return idea


@transaction.atomic
def idea_move(*, idea: Idea, offset: int) -> None:
    """Move an idea up (-1) or down (+1) by swapping it with its neighbour."""
    siblings = list(idea.posting.ideas.order_by("position", "pk"))
    index = next(i for i, item in enumerate(siblings) if item.pk == idea.pk)
    target = index + offset
    if not 0 <= target < len(siblings):
        return
    siblings[index], siblings[target] = siblings[target], siblings[index]
    for position, item in enumerate(siblings):
        item.position = position
    Idea.objects.bulk_update(siblings, ["position"])
