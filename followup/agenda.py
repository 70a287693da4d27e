"""What is due, across all of a user's applications, grouped the way a person plans a week."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from followup.models import Step

WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Agenda:
    overdue: list[Step]
    today: list[Step]
    this_week: list[Step]

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.today or self.this_week)


def start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def agenda_for(user, *, now: datetime.datetime) -> Agenda:
    """Open steps: overdue before now, due in the rest of today, then the coming seven days."""
    today_ends = start_of_day(timezone.localdate(now) + datetime.timedelta(days=1))
    steps = list(
        Step.objects.owned_by(user)
        .open()
        .filter(due__lt=today_ends + WEEK)
        .select_related("application__posting", "interview__contact")
    )
    return Agenda(
        overdue=[step for step in steps if step.due < now],
        today=[step for step in steps if now <= step.due < today_ends],
        this_week=[step for step in steps if step.due >= today_ends],
    )
