"""Workflows of the pursuit: logging an interview, the call's outcome, starting the letter."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followup.models import Application, Contact, Interview, Stage, Step
from letters.drafting import letter_create
from letters.models import Letter, Requirement

THANK_YOU_AFTER = datetime.timedelta(hours=24)
CALL_AFTER = datetime.timedelta(days=7)

VISIT_NEEDS_WARMTH = (
    "Plan a visit only after a warm reaction: a long trip is worth it when they sounded keen. "
    "Call again or wait instead."
)
NEXT_NEEDS_DATE = "Pick a date for the next step."
CALL_ALREADY_LOGGED = "This call is logged already."


class NextStep:
    VISIT = "visit"
    CALL_AGAIN = "call_again"
    WAIT = "wait"
    CHOICES = [
        (VISIT, "Plan a visit"),
        (CALL_AGAIN, "Call again"),
        (WAIT, "Wait for them"),
    ]


@transaction.atomic
def interview_log(
    *,
    application: Application,
    when: datetime.datetime,
    format: str,
    interviewer_name: str = "",
    interviewer_title: str = "",
    interviewer_email: str = "",
    interviewer_phone: str = "",
    went_well: str = "",
    missed: str = "",
    emphasize: Iterable[Requirement] = (),
) -> Interview:
    """Log an interview: its interviewer becomes a contact, the requirements to reinforce go
    first in the letter, and the thank-you (next day) and the call (a week later) are scheduled."""
    contact = None
    if interviewer_name:
        contact, _ = Contact.objects.get_or_create(application=application, name=interviewer_name)
        details = {
            "title": interviewer_title,
            "email": interviewer_email,
            "phone": interviewer_phone,
        }
        for field, value in details.items():
            if value:
                setattr(contact, field, value)
        contact.full_clean()
        contact.save()
    interview = Interview(
        application=application,
        when=when,
        format=format,
        contact=contact,
        went_well=went_well,
        missed=missed,
    )
    interview.full_clean()
    interview.save()
    requirements = [item for item in emphasize if item.posting_id == application.pk]
    interview.emphasize.set(requirements)
    Requirement.objects.filter(pk__in=[item.pk for item in requirements]).update(emphasize=True)
    Step.objects.bulk_create(
        [
            Step(application=application, interview=interview, kind=kind, due=when + delay)
            for kind, delay in (
                (Step.Kind.THANK_YOU, THANK_YOU_AFTER),
                (Step.Kind.CALL, CALL_AFTER),
            )
        ]
    )
    if application.stage in (Stage.INTERESTED, Stage.APPLIED):
        application.move_to(Stage.INTERVIEWING, note="Interview logged")
    return interview


def interview_letter_start(*, interview: Interview) -> Letter:
    """A thank-you letter whose recipient, date and format come from the interview."""
    contact = interview.contact
    return letter_create(
        posting=interview.application.posting,
        kind=Letter.Kind.THANK_YOU,
        recipient_name=contact.name if contact else "",
        recipient_email=contact.email if contact else "",
        interview_date=timezone.localdate(interview.when),
        interview_format=interview.format,
    )


@transaction.atomic
def call_log(
    *,
    step: Step,
    reaction: str,
    notes: str = "",
    next_step: str = NextStep.WAIT,
    next_date: datetime.datetime | None = None,
) -> Step | None:
    """Record how the call went and schedule what comes next; a visit only after warmth."""
    if step.is_done:
        raise ValidationError(CALL_ALREADY_LOGGED, code="call_already_logged")
    if next_step == NextStep.VISIT and reaction != Step.Reaction.WARM:
        raise ValidationError(VISIT_NEEDS_WARMTH, code="visit_needs_warmth")
    if next_step != NextStep.WAIT and next_date is None:
        raise ValidationError(NEXT_NEEDS_DATE, code="next_needs_date")
    step.mark_done(reaction=reaction, notes=notes)
    if next_step == NextStep.WAIT:
        return None
    kind = Step.Kind.VISIT if next_step == NextStep.VISIT else Step.Kind.CALL
    return Step.objects.create(application=step.application, kind=kind, due=next_date)


def last_call(application: Application) -> Step | None:
    return (
        application.steps.filter(kind=Step.Kind.CALL, done_at__isnull=False)
        .order_by("-done_at")
        .first()
    )


def visit_proposed(application: Application) -> bool:
    """Propose a visit once the last call went warm and none is planned yet."""
    call = last_call(application)
    return (
        call is not None
        and call.reaction == Step.Reaction.WARM
        and not application.steps.filter(kind=Step.Kind.VISIT).exists()
    )


def visit_plan(*, application: Application, due: datetime.datetime) -> Step:
    if not visit_proposed(application):
        raise ValidationError(VISIT_NEEDS_WARMTH, code="visit_needs_warmth")
    return Step.objects.create(application=application, kind=Step.Kind.VISIT, due=due)
