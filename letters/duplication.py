"""Starting a letter for another application from one already written."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from letters.drafting import default_salutation
from letters.models import Letter, Posting

CARRIED_TEXT = ("opening", "visit_text", "closing")
NOT_YOURS = "That application is not yours."


@transaction.atomic
def letter_duplicate(*, letter: Letter, posting: Posting) -> Letter:
    """Copy a letter to another of the owner's applications, naming the new employer and role.

    The recipient and interview belong to the first application, so the copy starts without them.
    """
    if posting.owner_id != letter.posting.owner_id:
        raise ValidationError(NOT_YOURS)
    old = letter.posting
    copy = Letter.objects.get(pk=letter.pk)
    copy.pk = None
    copy._state.adding = True
    copy.posting = posting
    copy.recipient_name = copy.recipient_email = copy.interview_format = ""
    copy.interview_date = None
    copy.date = timezone.localdate()
    if letter.salutation == default_salutation(letter.recipient_name):
        copy.salutation = default_salutation("")
    for name in CARRIED_TEXT:
        text = getattr(copy, name)
        for before, after in (
            (old.employer, posting.employer),
            (old.role_title, posting.role_title),
        ):
            if before:
                text = text.replace(before, after)
        setattr(copy, name, text)
    copy.full_clean()
    copy.save()
    return copy
