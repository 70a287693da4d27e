"""Render a letter to PDF from the command line, through the same path as the download."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.models import Letter
from letters.render import render_pdf


class Command(BaseCommand):
    help = "Write a letter as PDF: render_letter LETTER_ID --output FILE.pdf"

    def add_arguments(self, parser) -> None:
        parser.add_argument("letter_id", type=int)
        parser.add_argument("--output", "-o", required=True, type=Path, help="PDF file to write.")

    def handle(self, *args, letter_id: int, output: Path, **options) -> None:
        letter = Letter.objects.select_related("posting__owner").filter(pk=letter_id).first()
        if letter is None:
            raise CommandError(f"No letter with id {letter_id}.")
        pdf = render_pdf(letter)
        try:
            output.write_bytes(pdf)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        self.stdout.write(f"Wrote {output} ({len(pdf):,} bytes).")
