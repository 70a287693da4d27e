"""Render a letter from the command line, through the same path as the downloads."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.models import Letter, OutputFormat
from letters.render import render_output


class Command(BaseCommand):
    help = "Write a letter to a file: render_letter LETTER_ID --format pdf --output FILE"

    def add_arguments(self, parser) -> None:
        parser.add_argument("letter_id", type=int)
        parser.add_argument(
            "--format",
            "-f",
            dest="fmt",
            choices=OutputFormat.values,
            default=OutputFormat.PDF,
            help="pdf (default), docx, txt, eml, or ideas: the idea sheet alone as PDF.",
        )
        parser.add_argument("--output", "-o", required=True, type=Path, help="File to write.")

    def handle(self, *args, letter_id: int, fmt: str, output: Path, **options) -> None:
        letter = Letter.objects.select_related("posting__owner").filter(pk=letter_id).first()
        if letter is None:
            raise CommandError(f"No letter with id {letter_id}.")
        body = render_output(letter, fmt).body
        try:
            output.write_bytes(body)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from error
        self.stdout.write(f"Wrote {output} ({len(body):,} bytes).")
