"""Time the letter's render path: HTML alone, and HTML to PDF with shared fonts.

Run with `make bench`. It prints figures and asserts nothing: machines here are shared.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "followup.settings")
os.environ.setdefault("DATABASE_URL", "sqlite://:memory:")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from letters.models import Letter  # noqa: E402
from letters.render import render_html, render_pdf  # noqa: E402

RUNS = 20


def timed(label: str, function, *args) -> None:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        function(*args)
        samples.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<28} median {statistics.median(samples):7.1f} ms"
        f"   min {min(samples):7.1f} ms   max {max(samples):7.1f} ms   ({RUNS} runs)"
    )


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=io.StringIO())
    letter = Letter.objects.select_related("posting__owner").get()
    start = time.perf_counter()
    render_pdf(letter)
    print(f"{'first PDF (loads fonts)':<28} {(time.perf_counter() - start) * 1000:7.1f} ms")
    timed("letter HTML", render_html, letter)
    timed("letter PDF (fonts shared)", render_pdf, letter)


if __name__ == "__main__":
    main()
