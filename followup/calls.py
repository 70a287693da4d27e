"""Talking points for the follow-up call, drawn from the application itself."""

from __future__ import annotations

from dataclasses import dataclass

from followup.models import Application
from letters.models import Letter, Requirement

POINTS_SHOWN = 3


@dataclass(frozen=True)
class StrengthPoint:
    requirement: str
    offer: str
    emphasized: bool


@dataclass(frozen=True)
class TalkingPoints:
    interest: str
    strengths: list[StrengthPoint]
    visit: str
    question: str


def top_strengths(application: Application) -> list[StrengthPoint]:
    """The first answered requirements in letter order: emphasized ones lead."""
    answered = (
        Requirement.objects.filter(posting=application.posting, match__text__gt="")
        .in_letter_order()
        .select_related("match__strength")
    )
    points: list[StrengthPoint] = []
    seen: set[int | str] = set()
    for requirement in answered:
        key = requirement.match.strength_id or requirement.match.text
        if key in seen:
            continue
        seen.add(key)
        offer = requirement.match.strength.title if requirement.match.strength else ""
        points.append(
            StrengthPoint(requirement.text, offer or requirement.match.text, requirement.emphasize)
        )
        if len(points) == POINTS_SHOWN:
            break
    return points


def talking_points(application: Application) -> TalkingPoints:
    posting = application.posting
    letter = posting.letters.filter(kind=Letter.Kind.THANK_YOU).order_by("-updated").first()
    visit = ""
    if letter and letter.offer_visit:
        visit = (
            f"Your letter offered to stop by: mention that you may be near {posting.employer} "
            "soon, and ask whether a short visit to meet the team would be welcome."
        )
    return TalkingPoints(
        interest=(
            f"Thank them again, and say plainly that you are very interested in the "
            f"{posting.role_title} position."
        ),
        strengths=top_strengths(application),
        visit=visit,
        question="Where are you in your process, and what would the next step be?",
    )
