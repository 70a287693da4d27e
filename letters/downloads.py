"""Downloading a letter: render it, keep a copy of what went out, tell whoever listens."""

from __future__ import annotations

import hashlib

from django.db import transaction

from letters import render
from letters.models import Dispatch, Letter
from letters.signals import letter_sent


@transaction.atomic
def letter_download(*, letter: Letter, fmt: str) -> render.Output:
    """Render one format and record it, so the user can see later exactly what was sent."""
    output = render.render_output(letter, fmt)
    dispatch = Dispatch(
        letter=letter,
        format=fmt,
        sent_to=letter.sent_to,
        content=output.snapshot,
        content_hash=hashlib.sha256(output.snapshot.encode()).hexdigest(),
    )
    dispatch.full_clean()
    dispatch.save()
    letter_sent.send(sender=Letter, letter=letter, format=fmt, dispatch=dispatch)
    return output
