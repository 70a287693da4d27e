"""Measure the matcher on labelled cases: top-1, mean reciprocal rank, gap precision and recall.

Each case in tests/data/match/ is one posting's requirements with the single best strength (or
none) from one candidate's bank. The table puts a plain TF-IDF cosine baseline, each signal
alone and the combination side by side. Every figure comes from leave-one-posting-out
cross-validation: the weights that score a posting were fitted on the other postings only.

Postings marked held_out were written after the signals they test; those with a `written` date
are also scored with weights fitted only on the postings written before them, the honest
figure for text the engine has never seen.

    python bench/match_eval.py           # the table
    python bench/match_eval.py --fit     # also refit on all postings and write the weights file
    python bench/match_eval.py --misses  # also list what the combination gets wrong
    python bench/match_eval.py --before 2026-11-26  # only postings written before a date
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from letters import match  # noqa: E402

CASES = ROOT / "tests" / "data" / "match"
WEIGHTS = ROOT / "letters" / "data" / "match_weights.json"
L2 = 0.1  # a light ridge: keeps weights finite where a signal separates the few cases it fires on

GROUPS = {
    "lexical (BM25 + synonyms)": ["lexical", "lexical_margin", "unseen", "coverage"],
    "semantic (embeddings)": ["semantic", "semantic_margin"],
    "word meaning (embeddings)": ["words", "words_margin", "words_rare", "reach"],
    "structured checks": ["years", "degree", "credential", "unmet"],
    "combination": list(match.SIGNALS),
}


@dataclass(frozen=True)
class Case:
    name: str
    requirement_ids: list[str]
    requirements: list[str]
    gold: list[int | None]  # index into strengths
    strengths: list[match.StrengthText]
    held_out: bool  # written after the tables and signals were settled: an honest check
    written: str  # when, as YYYY-MM-DD, if recorded; the first postings have none


def load_cases(folder: Path = CASES) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text())
        strengths = [
            match.StrengthText(item["id"], item["title"], item.get("detail", ""))
            for item in data["strengths"]
        ]
        index = {strength.id: i for i, strength in enumerate(strengths)}
        requirements = data["requirements"]
        cases.append(
            Case(
                path.stem,
                [item["id"] for item in requirements],
                [item["text"] for item in requirements],
                [None if item["best"] is None else index[item["best"]] for item in requirements],
                strengths,
                data.get("held_out", False),
                data.get("written", "")[:10],
            )
        )
    return cases


def tfidf_scores(case: Case) -> list[np.ndarray]:
    """The baseline: lowercase words less stop words, TF-IDF over the bank, cosine."""

    def bag(text: str) -> Counter[str]:
        words = re.findall(r"[a-z0-9+#]+", text.lower())
        return Counter(word for word in words if word not in match.match_text.STOP_WORDS)

    docs = [bag(f"{s.title} {s.detail}") for s in case.strengths]
    df = Counter(term for doc in docs for term in doc)
    n = len(docs)

    def vector(counts: Counter[str]) -> dict[str, float]:
        return {t: c * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in counts.items()}

    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        dot = sum(value * b.get(term, 0.0) for term, value in a.items())
        norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
        return dot / norm if norm else 0.0

    vectors = [vector(doc) for doc in docs]
    return [
        np.array([[cosine(vector(bag(text)), doc)] for doc in vectors])
        for text in case.requirements
    ]


def fit(features: list[np.ndarray], gold: list[int | None]) -> tuple[np.ndarray, float]:
    """A conditional logit: each requirement picks one strength, or none, by Newton's method.

    Utility of a strength is signals @ weights; "none" has a utility of its own, -bias. So a
    strength's score, sigmoid(signals @ weights + bias), is its odds against there being no
    answer, and it clears 0.5 when it beats "none".
    """
    size = features[0].shape[1]
    theta = np.zeros(size + 1)
    penalty = np.full(size + 1, L2)
    penalty[-1] = 1e-3  # all but free: the bias sets where "none" stands
    groups = []
    for block, g in zip(features, gold, strict=True):
        x = np.zeros((len(block) + 1, size + 1))
        x[:-1, :size] = block
        x[-1, size] = -1.0  # "none": utility -bias
        y = np.zeros(len(block) + 1)
        y[-1 if g is None else g] = 1.0
        groups.append((x, y))
    for _ in range(100):
        gradient = penalty * theta
        hessian = np.diag(penalty)
        for x, y in groups:
            z = x @ theta
            p = np.exp(z - z.max())
            p /= p.sum()
            gradient += x.T @ (p - y)
            hessian += x.T @ ((np.diag(p) - np.outer(p, p)) @ x)
        step = np.linalg.solve(hessian, gradient)
        theta -= step / max(1.0, float(np.abs(step).max()))  # damped: no overshoot early on
        if np.abs(step).max() < 1e-8:
            break
    return theta[:-1], float(theta[-1])


def score(block: np.ndarray, columns: list[int], weights: np.ndarray, bias: float) -> np.ndarray:
    """Score with the engine's own combine(), the signals left out weighing nothing."""
    if block.shape[1] != len(match.SIGNALS):  # the baseline's single column
        return 1 / (1 + np.exp(-np.clip(block[:, columns] @ weights + bias, -30, 30)))
    full = np.zeros(len(match.SIGNALS))
    full[columns] = weights
    return match.combine(block, full, bias)


@dataclass(frozen=True)
class Figures:
    top1: float
    mrr: float
    gap_precision: float
    gap_recall: float
    decided: float  # the requirement gets the right answer, or rightly none, at THRESHOLD

    @classmethod
    def of(cls, scored: list[tuple[np.ndarray, int | None]]) -> Figures:
        hits, reciprocal, answerable = 0, 0.0, 0
        true_gaps = predicted_gaps = right_gaps = decided = 0
        for scores, gold in scored:
            order = np.argsort(-scores, kind="stable")
            gap = scores[order[0]] < match.THRESHOLD
            predicted_gaps += gap
            if gold is None:
                true_gaps += 1
                right_gaps += gap
                decided += gap
                continue
            answerable += 1
            position = int(np.flatnonzero(order == gold)[0])
            hits += position == 0
            reciprocal += 1 / (position + 1)
            decided += position == 0 and not gap
        return cls(
            hits / answerable,
            reciprocal / answerable,
            right_gaps / predicted_gaps if predicted_gaps else 0.0,
            right_gaps / true_gaps if true_gaps else 0.0,
            decided / len(scored),
        )


def cross_validate(
    cases: list[Case], blocks: list[list[np.ndarray]], columns: list[int]
) -> list[tuple[np.ndarray, int | None]]:
    """Score each posting with weights fitted on all the other postings."""
    scored = []
    for held, case in enumerate(cases):
        train_x = [b[:, columns] for i, c in enumerate(cases) if i != held for b in blocks[i]]
        train_y = [g for i, c in enumerate(cases) if i != held for g in c.gold]
        weights, bias = fit(train_x, train_y)
        scored += [
            (score(block, columns, weights, bias), gold)
            for block, gold in zip(blocks[held], case.gold, strict=True)
        ]
    return scored


def fitted_on_earlier(
    cases: list[Case], blocks: list[list[np.ndarray]]
) -> dict[str, list[tuple[np.ndarray, int | None]]]:
    """Each dated batch of postings, scored with weights fitted on the postings written before."""
    scored: dict[str, list[tuple[np.ndarray, int | None]]] = {}
    for date in sorted({case.written for case in cases} - {""}):
        earlier = [i for i, case in enumerate(cases) if case.written < date]
        weights, bias = fit(
            [block for i in earlier for block in blocks[i]],
            [gold for i in earlier for gold in cases[i].gold],
        )
        scored[date] = [
            (match.combine(block, weights, bias), gold)
            for i, case in enumerate(cases)
            if case.written == date
            for block, gold in zip(blocks[i], case.gold, strict=True)
        ]
    return scored


def print_row(label: str, f: Figures) -> None:
    print(
        f"{label:<34} {f.top1:6.3f} {f.mrr:6.3f} {f.gap_precision:6.3f} "
        f"{f.gap_recall:6.3f} {f.decided:6.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit on all postings, write weights")
    parser.add_argument("--misses", action="store_true", help="list the combination's mistakes")
    parser.add_argument("--before", metavar="DATE", help="only postings written before DATE")
    args = parser.parse_args()
    if args.fit and args.before:
        parser.error("--fit fits on every posting: leave out --before")

    cases = load_cases()
    if args.before:
        cases = [case for case in cases if case.written < args.before]
    blocks = [match.signals(case.requirements, case.strengths) for case in cases]
    baseline = [tfidf_scores(case) for case in cases]
    answerable = sum(g is not None for c in cases for g in c.gold)
    gaps = sum(g is None for c in cases for g in c.gold)
    print(
        f"{len(cases)} postings, {answerable + gaps} requirements ({gaps} with no answer), "
        f"{sum(len(c.strengths) for c in cases)} strengths; leave-one-posting-out, "
        f"THRESHOLD {match.THRESHOLD}\n"
    )
    print(f"{'signal':<34} {'top-1':>6} {'MRR':>6} {'gap P':>6} {'gap R':>6} {'auto':>6}")
    rows = [("TF-IDF cosine (baseline)", cross_validate(cases, baseline, [0]))]
    for name, signals in GROUPS.items():
        columns = [match.SIGNALS.index(signal) for signal in signals]
        rows.append((name, cross_validate(cases, blocks, columns)))
    for name, scored in rows:
        print_row(name, Figures.of(scored))
    held = [i for i, case in enumerate(cases) if case.held_out]
    if held:
        per_case = iter(rows[-1][1])
        chunks = [[next(per_case) for _ in case.gold] for case in cases]
        print_row(
            f"  on {len(held)} held-out postings",
            Figures.of([pair for i in held for pair in chunks[i]]),
        )
    for date, scored in fitted_on_earlier(cases, blocks).items():
        batch = sum(case.written == date for case in cases)
        print_row(f"  {batch} written {date}, fit before", Figures.of(scored))
    print("\nauto: share of requirements auto-match gets right (the answer, or rightly none)")

    if args.misses:
        scored = iter(rows[-1][1])
        for case in cases:
            for rid, text, gold in zip(
                case.requirement_ids, case.requirements, case.gold, strict=True
            ):
                scores, _ = next(scored)
                top = int(np.argmax(scores))
                gap = scores[top] < match.THRESHOLD
                if (gold is None) != gap or (gold is not None and top != gold):
                    want = "none" if gold is None else case.strengths[gold].id
                    print(
                        f"{case.name}/{rid}: wanted {want}, got {case.strengths[top].id} "
                        f"({scores[top]:.2f}){' [gap]' if gap else ''}  | {text}"
                    )

    if args.fit:
        weights, bias = fit([b for bs in blocks for b in bs], [g for c in cases for g in c.gold])
        f = Figures.of(rows[-1][1])
        data = {
            "fitted_by": "bench/match_eval.py --fit",
            "fitted_on": f"{len(cases)} postings in tests/data/match",
            "cross_validated": {
                "top1": round(f.top1, 3),
                "mrr": round(f.mrr, 3),
                "gap_precision": round(f.gap_precision, 3),
                "gap_recall": round(f.gap_recall, 3),
            },
            "weights": {
                name: round(float(w), 4) for name, w in zip(match.SIGNALS, weights, strict=True)
            },
            "bias": round(bias, 4),
        }
        WEIGHTS.write_text(json.dumps(data, indent=2) + "\n")
        print(f"\nwrote {WEIGHTS.relative_to(ROOT)}: {data['weights']}")


if __name__ == "__main__":
    main()
