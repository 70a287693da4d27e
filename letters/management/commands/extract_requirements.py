"""Show what the extractor reads in a job posting, without saving anything."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters.extract import REQUIRED, extract_requirements


class Command(BaseCommand):
    help = (
        "Print the requirements extracted from a job posting: extract_requirements PATH "
        "(- reads standard input). Spans are character offsets into the text as read."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "path", help="A text file holding the posting, or - for standard input."
        )
        parser.add_argument(
            "--format",
            "-f",
            dest="fmt",
            choices=("table", "json"),
            default="table",
            help="table (default) for reading, or json: only a JSON list of "
            '{"text", "kind", "start", "end"} objects.',
        )

    def handle(self, *args, path: str, fmt: str, **options) -> None:
        # As in Django's createsuperuser, call_command(..., stdin=...) stands in for the console.
        stdin = options.get("stdin", sys.stdin)
        text = stdin.read() if path == "-" else self._read(Path(path))
        found = extract_requirements(text)
        if fmt == "json":
            self.stdout.write(json.dumps([asdict(item) for item in found], ensure_ascii=False))
            return
        if not found:
            self.stdout.write("No requirements found.")
            return
        spans = [f"{item.start}-{item.end}" for item in found]
        number_width = len(str(len(found)))
        span_width = max(len("span"), *(len(span) for span in spans))
        self.stdout.write(f"{'#':>{number_width}}  {'kind':<9}  {'span':<{span_width}}  text")
        for number, (item, span) in enumerate(zip(found, spans, strict=True), start=1):
            self.stdout.write(
                f"{number:>{number_width}}  {item.kind:<9}  {span:<{span_width}}  {item.text}"
            )
        required = sum(item.kind == REQUIRED for item in found)
        noun = "requirement" if len(found) == 1 else "requirements"
        self.stdout.write(
            f"\n{len(found)} {noun}: {required} required, {len(found) - required} preferred."
        )

    @staticmethod
    def _read(path: Path) -> str:
        try:
            # A stray byte in a pasted file should not stop the read; it shows as U+FFFD.
            return path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
