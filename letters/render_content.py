"""What a letter shows, read from the database once and shared by every output format."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from letters.markdown import render_markdown
from letters.models import Idea, Letter, Posting, Profile


@dataclass(frozen=True)
class Row:
    requirement: str
    offer: SafeString
    offer_markdown: str


@dataclass(frozen=True)
class IdeaItem:
    title: str
    detail: SafeString
    detail_markdown: str


@dataclass(frozen=True)
class Content:
    letter: Letter
    profile: Profile
    rows: list[Row]
    ideas: list[IdeaItem]

    @property
    def posting(self) -> Posting:
        return self.letter.posting

    @property
    def idea_sheet_title(self) -> str:
        return f"{self.profile.display_name}'s Ideas for {self.posting.employer}"

    @property
    def ideas_follow_letter(self) -> bool:
        return self.letter.include_ideas and bool(self.ideas)


def profile_of(letter: Letter) -> Profile:
    owner = letter.posting.owner
    return Profile.objects.filter(user=owner).first() or Profile(user=owner)


def letter_rows(letter: Letter) -> list[Row]:
    """The answered requirements in letter order; unanswered ones stay off the page."""
    requirements = (
        letter.posting.requirements.in_letter_order()
        .select_related("match")
        .filter(match__text__gt="")
    )
    return [
        Row(
            requirement=requirement.text,
            offer=render_markdown(requirement.match.text),
            offer_markdown=requirement.match.text,
        )
        for requirement in requirements
    ]


def idea_items(letter: Letter) -> list[IdeaItem]:
    return [
        IdeaItem(title=idea.title, detail=render_markdown(idea.detail), detail_markdown=idea.detail)
        for idea in Idea.objects.filter(posting=letter.posting)
    ]


def letter_content(letter: Letter) -> Content:
    return Content(
        letter=letter,
        profile=profile_of(letter),
        rows=letter_rows(letter),
        ideas=idea_items(letter),
    )
