"""Score the requirement extractor against every labelled posting.

Run with `python bench/extract_eval.py` (add `--diff` to list missed and extra items). Gold and
extracted requirements are paired one to one, most similar first, when their normalised texts are
at least 0.8 similar; precision, recall and F1 count the pairs, kind accuracy is the share of pairs
whose kinds agree. The tests import the same functions, so the floors they assert are these figures.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from letters.extract import ExtractedRequirement, extract_requirements  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "postings"
OURS = ROOT / "tests" / "data" / "postings"
SIMILARITY = 0.8


def held_out() -> frozenset[str]:
    """Stems of our postings that were never used to tune the extractor."""
    return frozenset((OURS / "held-out.txt").read_text(encoding="utf-8").split())


def load(path: Path) -> tuple[str, list[dict[str, str]]]:
    """The posting as a user pastes it (without the Source line), and its gold requirements."""
    body = path.read_text(encoding="utf-8").split("\n", 2)[2]
    gold = json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))
    return body, gold["requirements"]


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def pair(gold: list[dict[str, str]], found: list[ExtractedRequirement]) -> list[tuple[int, int]]:
    """Pair gold and found items one to one, most similar first; (gold index, found index)."""
    scored = []
    for i, want in enumerate(gold):
        matcher = difflib.SequenceMatcher(None, b=_norm(want["text"]), autojunk=False)
        for j, got in enumerate(found):
            matcher.set_seq1(_norm(got.text))
            if (
                matcher.real_quick_ratio() >= SIMILARITY
                and (ratio := matcher.ratio()) >= SIMILARITY
            ):
                scored.append((-ratio, i, j))
    pairs, used_gold, used_found = [], set(), set()
    for _ratio, i, j in sorted(scored):
        if i not in used_gold and j not in used_found:
            used_gold.add(i)
            used_found.add(j)
            pairs.append((i, j))
    return sorted(pairs)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    kinds: int = 0  # pairs whose kinds agree
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    wrong_kind: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.gold + self.found
        return 2 * self.matched / total if total else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds / self.matched if self.matched else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.gold + other.gold,
            self.found + other.found,
            self.matched + other.matched,
            self.kinds + other.kinds,
        )


def score(path: Path) -> Score:
    body, gold = load(path)
    found = extract_requirements(body)
    pairs = pair(gold, found)
    result = Score(len(gold), len(found), len(pairs))
    for i, j in pairs:
        if gold[i]["kind"] == found[j].kind:
            result.kinds += 1
        else:
            result.wrong_kind.append(f"{found[j].kind}, gold {gold[i]['kind']}: {found[j].text}")
    result.missed = [g["text"] for i, g in enumerate(gold) if i not in {p[0] for p in pairs}]
    result.extra = [f.text for j, f in enumerate(found) if j not in {p[1] for p in pairs}]
    return result


def postings(folder: Path) -> list[Path]:
    return sorted(path for path in folder.glob("[0-9]*.txt"))


def _row(label: str, s: Score) -> str:
    return (
        f"{label:<44} {s.gold:>4} {s.found:>5} {s.matched:>5}"
        f"  {s.precision:.3f}  {s.recall:.3f}  {s.f1:.3f}  {s.kind_accuracy:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--diff", action="store_true", help="list missed and extra items")
    args = parser.parse_args()

    sets = {"ours": postings(OURS)}
    if SAMPLES.is_dir():
        sets = {"samples": postings(SAMPLES), **sets}
    else:
        print(f"No shared samples at {SAMPLES}: scoring our postings only.\n")
    hidden = held_out()
    print(f"{'posting':<44} gold found match  prec   rec    F1     kind")
    totals: dict[str, Score] = {}
    for name, paths in sets.items():
        for path in paths:
            s = score(path)
            mark = " (held out)" if path.stem in hidden and name == "ours" else ""
            print(_row(path.stem + mark, s))
            if args.diff:
                for label, items in (("-", s.missed), ("+", s.extra), ("~", s.wrong_kind)):
                    for item in items:
                        print(f"    {label} {item}")
            totals[name] = totals.get(name, Score()) + s
            group = "held out" if mark else "tuned on"
            totals[group] = totals.get(group, Score()) + s
    print()
    for name in (*sets, "tuned on", "held out"):
        if name in totals:
            print(_row(name, totals[name]))
    print(_row("overall", sum((totals[name] for name in sets), Score())))


if __name__ == "__main__":
    main()
