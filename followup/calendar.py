"""A user's due steps and interviews as an iCalendar file."""

from __future__ import annotations

import datetime

import icalendar
from django.utils import timezone

from followup.models import Interview, Step

STEP_LENGTH = datetime.timedelta(minutes=30)
INTERVIEW_LENGTH = datetime.timedelta(hours=1)
PRODUCT = "-//Followup//Job search follow-up//EN"


def event(
    uid: str,
    summary: str,
    start: datetime.datetime,
    length: datetime.timedelta,
    description: str,
    stamp: datetime.datetime,
) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", uid)
    item.add("summary", summary)
    item.add("dtstart", start)
    item.add("dtend", start + length)
    item.add("dtstamp", stamp)
    item.add("description", description)
    return item


def calendar_for(user, *, now: datetime.datetime | None = None) -> bytes:
    """Open steps and interviews to come; event ids stay stable so calendars update in place."""
    now = now or timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Followup")
    steps = Step.objects.owned_by(user).open().select_related("application__posting")
    for step in steps:
        posting = step.application.posting
        calendar.add_component(
            event(
                f"step-{step.pk}@followup",
                f"{step.get_kind_display()}: {posting.employer}",
                step.due,
                STEP_LENGTH,
                f"{posting.role_title} at {posting.employer}",
                now,
            )
        )
    interviews = Interview.objects.filter(application__owner=user, when__gte=now).select_related(
        "application__posting", "contact"
    )
    for interview in interviews:
        posting = interview.application.posting
        with_whom = f" with {interview.contact.name}" if interview.contact else ""
        calendar.add_component(
            event(
                f"interview-{interview.pk}@followup",
                f"{interview.get_format_display()} interview: {posting.employer}",
                interview.when,
                INTERVIEW_LENGTH,
                f"{posting.role_title} at {posting.employer}{with_whom}",
                now,
            )
        )
    return calendar.to_ical()
