"""A new letter with good default words, built from the posting and the interview."""

from __future__ import annotations

import datetime

from letters.models import Letter, Posting

FORMAT_PHRASES = {
    Letter.Format.PHONE: "by phone",
    Letter.Format.VIDEO: "by video",
    Letter.Format.IN_PERSON: "in person",
}


def default_salutation(recipient_name: str) -> str:
    return f"Dear {recipient_name}," if recipient_name else "Dear Hiring Manager,"


def default_opening(
    *,
    posting: Posting,
    kind: str,
    interview_date: datetime.date | None,
    interview_format: str,
    emphasized: bool,
) -> str:
    role = f"the {posting.role_title} position at {posting.employer}"
    if kind == Letter.Kind.COVER:
        return (
            f"I am writing to apply for {role}. Your posting describes exactly the work I do "
            "best, and the table below sets your requirements beside what I offer, point by point."
        )
    when = f" on {interview_date:%B} {interview_date.day}" if interview_date else ""
    how = FORMAT_PHRASES.get(interview_format, "")
    how = f" {how}" if how else ""
    text = (
        f"Thank you for speaking with me{when}{how} about {role}. I enjoyed our conversation, "
        "and it confirmed my strong interest in the role. To make it easy to see how my "
        "background fits, I have set your requirements beside what I offer."
    )
    if emphasized:
        text += (
            " I have placed first a few points we did not have time to cover in depth, "
            "because I would like you to know about them."
        )
    return text


def default_visit_text(posting: Posting) -> str:
    return (
        f"I expect to be near {posting.employer} in the coming weeks and would be glad to stop by "
        "to meet the team in person. I will call next week to follow up."
    )


def default_closing(kind: str) -> str:
    if kind == Letter.Kind.COVER:
        return (
            "Thank you for your consideration. I would welcome the chance to discuss how I can "
            "contribute, and I look forward to hearing from you."
        )
    return (
        "Thank you again for your time. I am very interested in this position and look "
        "forward to hearing from you."
    )


def letter_create(
    *,
    posting: Posting,
    kind: str = Letter.Kind.THANK_YOU,
    recipient_name: str = "",
    recipient_email: str = "",
    interview_date: datetime.date | None = None,
    interview_format: str = "",
) -> Letter:
    """Create a letter whose every paragraph already reads well and stays editable."""
    emphasized = posting.requirements.filter(emphasize=True).exists()
    letter = Letter(
        posting=posting,
        kind=kind,
        recipient_name=recipient_name,
        recipient_email=recipient_email,
        interview_date=interview_date if kind == Letter.Kind.THANK_YOU else None,
        interview_format=interview_format if kind == Letter.Kind.THANK_YOU else "",
        salutation=default_salutation(recipient_name),
        opening=default_opening(
            posting=posting,
            kind=kind,
            interview_date=interview_date,
            interview_format=interview_format,
            emphasized=emphasized,
        ),
        offer_visit=kind == Letter.Kind.THANK_YOU,
        visit_text=default_visit_text(posting),
        closing=default_closing(kind),
    )
    letter.full_clean()
    letter.save()
    return letter
