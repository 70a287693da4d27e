"""Daily reminder emails of steps due today and overdue, sent at most once a day per step."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from followup.agenda import start_of_day
from followup.models import Step


@dataclass(frozen=True)
class Reminder:
    user: object
    steps: list[Step]
    subject: str
    body: str


def reminders_due(*, now: datetime.datetime) -> list[Reminder]:
    """One reminder per user, of the open steps due by the end of today not yet reminded today."""
    today = timezone.localdate(now)
    steps = (
        Step.objects.open()
        .filter(due__lt=start_of_day(today + datetime.timedelta(days=1)))
        .exclude(reminded_on=today)
        .select_related("application__posting", "application__owner")
    )
    by_user: dict[object, list[Step]] = defaultdict(list)
    for step in steps:
        by_user[step.application.owner].append(step)
    return [
        Reminder(
            user=user,
            steps=items,
            subject=f"Followup: {len(items)} step{'s' if len(items) != 1 else ''} due",
            body=render_to_string(
                "followup/reminder_email.txt", {"user": user, "steps": items, "now": now}
            ),
        )
        for user, items in by_user.items()
        if user.email
    ]


def reminders_send(*, now: datetime.datetime) -> list[Reminder]:
    """Email each reminder, then mark its steps reminded today, so a second run sends nothing."""
    sent = []
    for reminder in reminders_due(now=now):
        send_mail(reminder.subject, reminder.body, None, [reminder.user.email])
        Step.objects.filter(pk__in=[step.pk for step in reminder.steps]).update(
            reminded_on=timezone.localdate(now)
        )
        sent.append(reminder)
    return sent
