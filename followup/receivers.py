"""Following the writing app's signals: a downloaded letter offers to close its step."""

from __future__ import annotations

from django.dispatch import receiver
from django.utils import timezone

from followup.models import Step
from letters.models import Letter
from letters.signals import letter_sent


@receiver(letter_sent, sender=Letter)
def offer_to_mark_sent(sender, *, letter: Letter, **kwargs) -> None:
    """Flag the open thank-you step, so the dashboard offers to mark it done."""
    if letter.kind != Letter.Kind.THANK_YOU:
        return
    Step.objects.open().filter(
        application__posting=letter.posting, kind=Step.Kind.THANK_YOU
    ).update(letter_sent_at=timezone.now())
