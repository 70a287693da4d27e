"""Workflows that answer requirements with strengths, built on the pure ranking in match.py."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from letters import match
from letters.models import Coverage, Match, Posting, Requirement, Strength, coverage_annotations

SUGGESTIONS_SHOWN = 3


@dataclass(frozen=True)
class Suggestion:
    strength: Strength
    score: float
    why: tuple[str, ...]
    strong: bool  # the one to take: it clears the threshold and no other requirement took it


def suggestions_for(
    requirements: list[Requirement], strengths: list[Strength]
) -> dict[int, list[Suggestion]]:
    """The best few strengths for each requirement, keyed by requirement id.

    Pass all of a posting's requirements: each is scored, and answered, in the light of the
    others (match.rank_all).
    """
    by_id = {str(strength.pk): strength for strength in strengths}
    texts = [strength_text(strength) for strength in strengths]
    ranked = match.rank_all([requirement.text for requirement in requirements], texts)
    return {
        requirement.pk: [
            Suggestion(
                strength=by_id[found.strength_id],
                score=found.score,
                why=found.why,
                strong=found.chosen,
            )
            for found in _shown(suggestions)
        ]
        for requirement, suggestions in zip(requirements, ranked, strict=True)
    }


def _shown(suggestions: list[match.Suggestion]) -> list[match.Suggestion]:
    """The first few leads; where none of them is the one to take, also a strength another
    requirement took if it bears on this one, so the user sees where it went."""
    shown = [found for found in suggestions[:SUGGESTIONS_SHOWN] if found.score > 0]
    if any(found.chosen for found in shown):
        return shown
    return shown + [found for found in suggestions if found.taken and found not in shown][:1]


def strength_text(strength: Strength) -> match.StrengthText:
    return match.StrengthText(
        id=str(strength.pk),
        title=strength.title,
        detail=strength.detail,
        tags=tuple(strength.tag_list),
    )


def strength_score(requirement: Requirement, strength: Strength) -> float:
    """The strength's score for the requirement, ranked, as on the match page, against the whole
    bank and beside the posting's other requirements."""
    bank = [strength_text(item) for item in Strength.objects.filter(owner=strength.owner)]
    requirements = list(requirement.posting.requirements.all())
    ranked = match.rank_all([item.text for item in requirements], bank)
    row = next(i for i, item in enumerate(requirements) if item.pk == requirement.pk)
    return next(found.score for found in ranked[row] if found.strength_id == str(strength.pk))


def offer_text(strength: Strength) -> str:
    """The right-column text a chosen strength starts with: its story, or its title."""
    return strength.detail.strip() or strength.title


def match_choose(
    *, requirement: Requirement, strength: Strength, score: float | None = None
) -> Match:
    """Answer a requirement with a strength; the offer text starts from the strength."""
    if score is None:
        score = strength_score(requirement, strength)
    found, _ = Match.objects.update_or_create(
        requirement=requirement,
        defaults={"strength": strength, "text": offer_text(strength), "score": score},
    )
    return found


def match_set_text(*, requirement: Requirement, text: str) -> Match:
    """Tailor the right-column text for this letter, keeping the chosen strength."""
    found, _ = Match.objects.update_or_create(
        requirement=requirement, defaults={"text": text.strip()}
    )
    return found


def match_clear(*, requirement: Requirement) -> None:
    Match.objects.filter(requirement=requirement).delete()


@transaction.atomic
def strength_create_and_choose(
    *, requirement: Requirement, title: str, detail: str = "", tags: str = ""
) -> Match:
    """Write a new strength on the spot: it joins the bank and answers this requirement."""
    strength = Strength(owner=requirement.posting.owner, title=title, detail=detail, tags=tags)
    strength.full_clean()
    strength.save()
    return match_choose(requirement=requirement, strength=strength)


def posting_coverage(posting: Posting) -> Coverage:
    return Coverage.of(
        Posting.objects.filter(pk=posting.pk).annotate(**coverage_annotations()).get()
    )


@transaction.atomic
def matches_fill_best(*, posting: Posting) -> int:
    """Answer every unanswered requirement with its chosen suggestion; return how many.

    A strength that already answers a requirement of this posting is not offered twice.
    """
    requirements = list(posting.requirements.select_related("match"))
    strengths = list(Strength.objects.filter(owner=posting.owner))
    suggestions = suggestions_for(requirements, strengths)
    answered = {r.pk: r.match for r in requirements if getattr(r, "match", None)}
    used = {found.strength_id for found in answered.values()}
    filled = 0
    for requirement in requirements:
        first = next(iter(suggestions[requirement.pk]), None)
        if requirement.pk in answered or not (first and first.strong) or first.strength.pk in used:
            continue
        match_choose(requirement=requirement, strength=first.strength, score=first.score)
        used.add(first.strength.pk)
        filled += 1
    return filled
