"""Daily reminder emails of steps due today and overdue, sent at most once a day per step."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone

from followup.models import Step
from letters.models import zones_of

# Wide enough to hold "the end of today" in every time zone.
LOOKAHEAD = datetime.timedelta(days=2)


@dataclass(frozen=True)
class Reminder:
    user: AbstractBaseUser
    steps: list[Step]
    today: datetime.date
    subject: str
    body: str


def reminders_due(*, now: datetime.datetime) -> list[Reminder]:
    """One reminder per user, of the open steps due by the end of the user's own today that
    were not reminded on that day yet."""
    steps = (
        Step.objects.open()
        .filter(due__lt=now + LOOKAHEAD)
        .select_related("application__posting", "application__owner")
    )
    by_user: dict[AbstractBaseUser, list[Step]] = defaultdict(list)
    for step in steps:
        by_user[step.application.owner].append(step)
    zones = zones_of([user.pk for user in by_user])
    reminders = []
    for user, candidates in by_user.items():
        zone = zones[user.pk]
        today = now.astimezone(zone).date()
        ends = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time(), zone)
        items = [step for step in candidates if step.due < ends and step.reminded_on != today]
        if not items or not user.email:
            continue
        with timezone.override(zone):
            body = render_to_string(
                "followup/reminder_email.txt", {"user": user, "steps": items, "now": now}
            )
        subject = f"Followup: {len(items)} step{'s' if len(items) != 1 else ''} due"
        reminders.append(Reminder(user, items, today, subject, body))
    return reminders


def reminders_send(*, now: datetime.datetime) -> list[Reminder]:
    """Email each reminder, then mark its steps reminded that day, so a second run sends nothing."""
    sent = []
    for reminder in reminders_due(now=now):
        send_mail(reminder.subject, reminder.body, None, [reminder.user.email])
        Step.objects.filter(pk__in=[step.pk for step in reminder.steps]).update(
            reminded_on=reminder.today
        )
        sent.append(reminder)
    return sent
