"""Time the matcher: loading the model, then ranking 500 strengths for 50 requirements.

Run with `python bench/match_bench.py`. It prints figures and asserts nothing: machines here are
shared. The texts come from the labelled cases in tests/data/match, so they read like real ones.
"""

from __future__ import annotations

import itertools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from letters import match, match_embed, match_signals, match_text  # noqa: E402

CASES = ROOT / "tests" / "data" / "match"
STRENGTHS = 500
REQUIREMENTS = 50
RUNS = 20

LOAD = (
    "import time; t = time.perf_counter(); "
    "from letters import match_embed; match_embed.model(); "
    "print((time.perf_counter() - t) * 1000)"
)


def texts() -> tuple[list[str], list[match.StrengthText]]:
    """Every case's requirements and strengths; more strengths by pairing titles and details."""
    cases = [json.loads(path.read_text()) for path in sorted(CASES.glob("*.json"))]
    requirements = [item["text"] for case in cases for item in case["requirements"]]
    items = [item for case in cases for item in case["strengths"]]
    pairs = itertools.cycle(zip(items, items[7:] + items[:7], strict=True))
    strengths = [
        match.StrengthText(str(number), title=a["title"], detail=b["detail"])
        for number, (a, b) in zip(range(STRENGTHS - len(items)), pairs, strict=False)
    ]
    strengths += [
        match.StrengthText(f"s{number}", item["title"], item["detail"])
        for number, item in enumerate(items)
    ]
    return requirements[:REQUIREMENTS], strengths[:STRENGTHS]


def load_time() -> float:
    """The model's load time in a fresh process, so nothing is cached yet (median of 5)."""
    samples = [
        float(
            subprocess.run(
                [sys.executable, "-c", LOAD], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(5)
    ]
    return statistics.median(samples)


def main() -> None:
    print(f"model load, fresh process (import + read): {load_time():7.1f} ms (median of 5)")
    requirements, strengths = texts()
    start = time.perf_counter()
    match_embed.model()
    match.rank_all(requirements[:1], strengths[:1])
    took = (time.perf_counter() - start) * 1000
    print(f"first use in this process (load + tables):  {took:7.1f} ms")

    def timed(label: str, *, cold: bool) -> None:
        samples = []
        for _ in range(RUNS):
            if cold:
                for remembered in (match._read, match._ask, match_text.stem, match_signals.facts):
                    remembered.cache_clear()
                match_embed.forget()
            start = time.perf_counter()
            match.rank_all(requirements, strengths)
            samples.append((time.perf_counter() - start) * 1000)
        print(
            f"{label:<43} median {statistics.median(samples):6.1f} ms"
            f"   min {min(samples):6.1f}   max {max(samples):6.1f}   ({RUNS} runs)"
        )

    size = f"{len(strengths)} strengths x {len(requirements)} requirements"
    timed(f"rank {size}, texts new", cold=True)
    timed(f"rank {size}, texts seen", cold=False)


if __name__ == "__main__":
    main()
