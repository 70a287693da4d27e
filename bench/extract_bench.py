"""Time requirement extraction on a typical posting and on a 100,000-character paste.

Run with `python bench/extract_bench.py`. Targets: 5 ms for about 5,000 characters, 100 ms for
100,000. It prints figures and asserts nothing: machines here are shared.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from letters.extract import extract_requirements  # noqa: E402

POSTINGS = ROOT / "tests" / "data" / "postings"
RUNS = 30


def posting_text(size: int) -> str:
    """Our labelled postings, one after another, cut to ``size`` characters at a line end."""
    bodies = [
        path.read_text(encoding="utf-8").split("\n", 2)[2]
        for path in sorted(POSTINGS.glob("[0-9]*.txt"))
    ]
    text = ""
    while len(text) < size:
        text += "\n\n".join(bodies) + "\n\n"
    return text[: text.rfind("\n", 0, size) + 1]


def timed(label: str, text: str) -> None:
    samples = []
    found = 0
    for _ in range(RUNS):
        start = time.perf_counter()
        found = len(extract_requirements(text))
        samples.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<34} median {statistics.median(samples):7.2f} ms"
        f"   min {min(samples):7.2f} ms   max {max(samples):7.2f} ms"
        f"   ({len(text):,} chars, {found} requirements, {RUNS} runs)"
    )


def main() -> None:
    timed("typical posting (target 5 ms)", posting_text(5_000))
    timed("long paste (target 100 ms)", posting_text(100_000))
    # One line with no breaks and no markup is the worst shape for line-based passes.
    timed("one 100,000-char line", " ".join(posting_text(100_000).split())[:100_000])


if __name__ == "__main__":
    main()
