"""Workflows on applications."""

from __future__ import annotations

from django.db import transaction

from followup.models import Application
from letters.postings import posting_create


@transaction.atomic
def application_create(
    *,
    owner,
    employer: str,
    role_title: str,
    description: str,
    stage: str = Application.Stage.INTERVIEWING,
    location: str = "",
    link: str = "",
) -> Application:
    """Save the pasted posting with its extracted requirements and start tracking it."""
    posting = posting_create(
        owner=owner,
        employer=employer,
        role_title=role_title,
        description=description,
        location=location,
        link=link,
    )
    application = Application(posting=posting, owner=owner, stage=stage)
    application.full_clean()
    application.save()
    application.stage_changes.create(stage=stage, note="Application added")
    return application
