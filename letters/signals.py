"""Signals of the writing app, so other apps can follow along without letters importing them."""

from django.dispatch import Signal

# Sent after a download is recorded, with `letter`, `format` (an OutputFormat) and `dispatch`.
letter_sent = Signal()
