"""Workflows on a posting's idea sheet."""

from __future__ import annotations

from letters.models import Idea, Posting
from letters.ordering import move_one_place, next_position


def idea_add(*, posting: Posting, title: str, detail: str = "") -> Idea:
    idea = Idea(
        posting=posting, title=title, detail=detail, position=next_position(posting.ideas.all())
    )
    idea.full_clean()
    idea.save()
    return idea


def idea_move(*, idea: Idea, offset: int) -> None:
    move_one_place(idea.posting.ideas.all(), idea.pk, offset)
