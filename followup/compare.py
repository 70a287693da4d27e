"""A few applications side by side: where each stands and what comes next."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Max

from followup.calls import StrengthPoint, top_strengths
from followup.models import Application, Step
from letters.models import Coverage

COMPARE_MIN = 2
COMPARE_MAX = 4


@dataclass(frozen=True)
class Column:
    application: Application
    coverage: Coverage
    days_since_contact: int | None
    strengths: list[StrengthPoint]
    next_step: Step | None
    last_reaction: str


def last_contact(application: Application, now: datetime.datetime) -> datetime.datetime | None:
    interviewed = application.interviews.filter(when__lte=now).aggregate(last=Max("when"))["last"]
    stepped = application.steps.filter(done_at__isnull=False).aggregate(last=Max("done_at"))["last"]
    return max((moment for moment in (interviewed, stepped) if moment), default=None)


def compare_columns(applications: list[Application], *, now: datetime.datetime) -> list[Column]:
    """Applications must come annotated with coverage (ApplicationQuerySet.with_coverage)."""
    columns = []
    for application in applications:
        contact = last_contact(application, now)
        reacted = application.steps.exclude(reaction="").order_by("-done_at").first()
        columns.append(
            Column(
                application=application,
                coverage=Coverage.of(application),
                days_since_contact=(now - contact).days if contact else None,
                strengths=top_strengths(application),
                next_step=application.steps.open().order_by("due").first(),
                last_reaction=reacted.get_reaction_display() if reacted else "",
            )
        )
    return columns
