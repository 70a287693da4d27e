"""Measure the matcher on labelled cases: top-1, mean reciprocal rank, gap precision and recall.

Each case in tests/data/match/ is one posting's requirements with the single best strength (or
none) from one candidate's bank. The table puts a plain TF-IDF cosine baseline, each signal
alone and the combination side by side; every row decides as the engine does (match.choose:
each strength answers at most one requirement). Every figure comes from leave-one-posting-out
cross-validation: the weights that score a posting were fitted on the other postings only, and
the second model's on first-model scores that were themselves out of fold.

Postings marked held_out were written after the signals they test; each later `batch` is also
scored with weights fitted only on the batches before it, the honest figure for text the engine
has never seen.

    python bench/match_eval.py           # the table
    python bench/match_eval.py --fit     # also refit on all postings and write the weights file
    python bench/match_eval.py --misses  # also list what the combination gets wrong
    python bench/match_eval.py --batches 2  # only the first two batches
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
    "lexical (BM25 + synonyms)": ["lexical", "lexical_margin", "unseen", "coverage", "unnamed"],
    "semantic (embeddings)": ["semantic", "semantic_margin"],
    "word meaning (embeddings)": ["words", "words_margin", "words_rare", "reach", "missed"],
    "structured checks": [
        "years",
        "degree",
        "credential",
        "unmet",
        "soft",
        "unspoken",
        "ask_met",
        "ask_unmet",
    ],
    "first model alone (all signals)": list(match.SIGNALS),
}


@dataclass(frozen=True)
class Case:
    name: str
    requirement_ids: list[str]
    requirements: list[str]
    gold: list[int | None]  # index into strengths
    strengths: list[match.StrengthText]
    held_out: bool  # written after the tables and signals were settled: an honest check
    batch: int  # 1 for the postings the signals were developed on, then each later set in turn


def load_cases(folder: Path = CASES) -> list[Case]:
    cases = []
    for path in sorted(folder.glob("*.json"), key=lambda path: int(path.stem.split("-")[0])):
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
                data.get("batch", 1),
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


def fit(
    features: list[np.ndarray], gold: list[int | None], start: np.ndarray | None = None
) -> tuple[np.ndarray, float]:
    """A conditional logit: each requirement picks one strength, or none, by Newton's method.

    Utility of a strength is signals @ weights; "none" has a utility of its own, -bias. So a
    strength's score, sigmoid(signals @ weights + bias), is its odds against there being no
    answer, and it clears 0.5 when it beats "none". Requirements are padded to one size so
    each step is a few array operations.
    """
    size = features[0].shape[1]
    width = max(len(block) for block in features) + 1
    x = np.zeros((len(features), width, size + 1))
    live = np.zeros((len(features), width), dtype=bool)
    y = np.zeros((len(features), width))
    for row, (block, g) in enumerate(zip(features, gold, strict=True)):
        x[row, : len(block), :size] = block
        x[row, -1, size] = -1.0  # "none": utility -bias
        live[row, : len(block)] = live[row, -1] = True
        y[row, -1 if g is None else g] = 1.0
    theta = np.zeros(size + 1) if start is None else start.copy()
    penalty = np.full(size + 1, L2)
    penalty[-1] = 1e-3  # all but free: the bias sets where "none" stands
    flat = x.reshape(-1, size + 1)
    for _ in range(100):
        z = np.where(live, x @ theta, -np.inf)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        mean = (p[..., None] * x).sum(axis=1)
        gradient = penalty * theta + (p - y).reshape(-1) @ flat
        hessian = np.diag(penalty) + (flat * p.reshape(-1, 1)).T @ flat - mean.T @ mean
        step = np.linalg.solve(hessian, gradient)
        theta -= step / max(1.0, float(np.abs(step).max()))  # damped: no overshoot early on
        if np.abs(step).max() < 1e-7:
            break
    return theta[:-1], float(theta[-1])


def fit_model(
    cases: list[Case],
    blocks: list[list[np.ndarray]],
    columns: list[int],
    start: np.ndarray | None = None,
) -> match.Model:
    """Both models: the first on the signals, the second on first-model log-odds for each
    posting from weights fitted without it, as the engine will meet postings it never saw."""
    weights, bias = fit_columns(cases, blocks, columns, start)
    out_of_fold = []
    for held in range(len(cases)):
        others = [i for i in range(len(cases)) if i != held]
        inner, inner_bias = fit_columns(
            [cases[i] for i in others], [blocks[i] for i in others], columns, np.r_[weights, bias]
        )
        alone = np.stack(blocks[held])[..., columns] @ inner + inner_bias
        out_of_fold.append(match.in_context(alone))
    context, context_bias = fit(
        [block for posting in out_of_fold for block in posting],
        [gold for case in cases for gold in case.gold],
    )
    return match.Model(*widen(weights, bias, columns), context, context_bias)


def fit_columns(
    cases: list[Case],
    blocks: list[list[np.ndarray]],
    columns: list[int],
    start: np.ndarray | None = None,
) -> tuple[np.ndarray, float]:
    features = [block[:, columns] for posting in blocks for block in posting]
    return fit(features, [gold for case in cases for gold in case.gold], start)


def widen(weights: np.ndarray, bias: float, columns: list[int]) -> tuple[np.ndarray, float]:
    """Weights over all SIGNALS, the ones left out weighing nothing."""
    full = np.zeros(len(match.SIGNALS))
    full[columns] = weights
    return full, bias


Scored = list[tuple[np.ndarray, list[int | None]]]  # by posting: requirement x strength, gold


@dataclass(frozen=True)
class Figures:
    top1: float
    mrr: float
    gap_precision: float
    gap_recall: float
    decided: float  # the requirement gets the right answer, or rightly none, at THRESHOLD

    @classmethod
    def of(cls, scored: Scored) -> Figures:
        """Decided as the engine decides: match.choose, and the chosen strength shown first."""
        hits, reciprocal, answerable = 0, 0.0, 0
        true_gaps = predicted_gaps = right_gaps = decided = 0
        for scores, golds in scored:
            for row, (pick, gold) in enumerate(zip(match.choose(scores), golds, strict=True)):
                gap = pick < 0
                predicted_gaps += gap
                if gold is None:
                    true_gaps += 1
                    right_gaps += gap
                    decided += gap
                    continue
                answerable += 1
                order = match.chosen_first(np.argsort(-scores[row], kind="stable"), pick)
                position = int(np.flatnonzero(order == gold)[0])
                hits += position == 0
                reciprocal += 1 / (position + 1)
                decided += pick == gold
        return cls(
            hits / answerable,
            reciprocal / answerable,
            right_gaps / predicted_gaps if predicted_gaps else 0.0,
            right_gaps / true_gaps if true_gaps else 0.0,
            decided / (answerable + true_gaps),
        )


def cross_validate(
    cases: list[Case], blocks: list[list[np.ndarray]], columns: list[int], context: bool = True
) -> Scored:
    """Score each posting with models fitted on all the other postings; `context` False keeps
    to the first model (and is how a single signal, or the baseline, is measured)."""
    everyone = np.r_[fit_columns(cases, blocks, columns)]  # a near start for every fold
    scored = []
    for held, case in enumerate(cases):
        others = [i for i in range(len(cases)) if i != held]
        train = [cases[i] for i in others], [blocks[i] for i in others]
        if context:
            model = fit_model(*train, columns, everyone)
        else:
            model = match.Model.alone(*widen(*fit_columns(*train, columns, everyone), columns))
        scored.append(score(blocks[held], model, case))
    return scored


def score(
    blocks: list[np.ndarray], model: match.Model, case: Case
) -> tuple[np.ndarray, list[int | None]]:
    """One posting's scores, with the engine's own combine(); the baseline's one column stands
    in the first place, where widen() put its weight."""
    block = np.stack(blocks)
    if block.shape[-1] != len(match.SIGNALS):
        block = np.pad(block, ((0, 0), (0, 0), (0, len(match.SIGNALS) - block.shape[-1])))
    return match.combine(block, model), case.gold


def by_batch(cases: list[Case], blocks: list[list[np.ndarray]]) -> dict[int, Scored]:
    """Each later batch of postings, scored with models fitted on the batches before it."""
    columns = list(range(len(match.SIGNALS)))
    scored: dict[int, Scored] = {}
    for batch in sorted({case.batch for case in cases} - {1}):
        earlier = [i for i, case in enumerate(cases) if case.batch < batch]
        model = fit_model([cases[i] for i in earlier], [blocks[i] for i in earlier], columns)
        scored[batch] = [
            score(blocks[i], model, case) for i, case in enumerate(cases) if case.batch == batch
        ]
    return scored


def print_row(label: str, f: Figures) -> None:
    print(
        f"{label:<38} {f.top1:6.3f} {f.mrr:6.3f} {f.gap_precision:6.3f} "
        f"{f.gap_recall:6.3f} {f.decided:6.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit on all postings, write weights")
    parser.add_argument("--misses", action="store_true", help="list the combination's mistakes")
    parser.add_argument("--batches", type=int, metavar="N", help="only the first N batches")
    args = parser.parse_args()
    if args.fit and args.batches:
        parser.error("--fit fits on every posting: leave out --batches")

    cases = load_cases()
    if args.batches:
        cases = [case for case in cases if case.batch <= args.batches]
    blocks = [match.signals(case.requirements, case.strengths) for case in cases]
    baseline = [tfidf_scores(case) for case in cases]
    answerable = sum(g is not None for c in cases for g in c.gold)
    gaps = sum(g is None for c in cases for g in c.gold)
    print(
        f"{len(cases)} postings, {answerable + gaps} requirements ({gaps} with no answer), "
        f"{sum(len(c.strengths) for c in cases)} strengths; leave-one-posting-out, "
        f"THRESHOLD {match.THRESHOLD}\n"
    )
    print(f"{'signal':<38} {'top-1':>6} {'MRR':>6} {'gap P':>6} {'gap R':>6} {'auto':>6}")
    everything = list(range(len(match.SIGNALS)))
    rows = [("TF-IDF cosine (baseline)", cross_validate(cases, baseline, [0], context=False))]
    for name, signals in GROUPS.items():
        columns = [match.SIGNALS.index(signal) for signal in signals]
        rows.append((name, cross_validate(cases, blocks, columns, context=False)))
    rows.append(("combination", cross_validate(cases, blocks, everything)))
    for name, scored in rows:
        print_row(name, Figures.of(scored))
    combined = rows[-1][1]
    held = [pair for case, pair in zip(cases, combined, strict=True) if case.held_out]
    if held:
        print_row(f"  on {len(held)} held-out postings", Figures.of(held))
    for batch, scored in by_batch(cases, blocks).items():
        print_row(f"  batch {batch} ({len(scored)}), fit on earlier", Figures.of(scored))
    print("\nauto: share of requirements auto-match gets right (the answer, or rightly none)")

    if args.misses:
        for case, (scores, _) in zip(cases, combined, strict=True):
            for row, pick in enumerate(match.choose(scores).tolist()):
                gold = case.gold[row]
                if pick == (-1 if gold is None else gold):
                    continue
                shown = pick if pick >= 0 else int(np.argmax(scores[row]))
                want = "none" if gold is None else case.strengths[gold].id
                print(
                    f"{case.name}/{case.requirement_ids[row]}: wanted {want}, got "
                    f"{case.strengths[shown].id} ({scores[row, shown]:.2f})"
                    f"{' [gap]' if pick < 0 else ''}  | {case.requirements[row]}"
                )

    if args.fit:
        model = fit_model(cases, blocks, everything)
        f = Figures.of(combined)
        data = {
            "fitted_by": "bench/match_eval.py --fit",
            "fitted_on": f"{len(cases)} postings in tests/data/match",
            "cross_validated": {
                "top1": round(f.top1, 3),
                "mrr": round(f.mrr, 3),
                "gap_precision": round(f.gap_precision, 3),
                "gap_recall": round(f.gap_recall, 3),
            },
            "weights": named(match.SIGNALS, model.weights),
            "bias": round(model.bias, 4),
            "context": {
                "weights": named(match.CONTEXT, model.context),
                "bias": round(model.context_bias, 4),
            },
        }
        WEIGHTS.write_text(json.dumps(data, indent=2) + "\n")
        print(f"\nwrote {WEIGHTS.relative_to(ROOT)}")


def named(names: tuple[str, ...], weights: np.ndarray) -> dict[str, float]:
    return {name: round(float(w), 4) for name, w in zip(names, weights, strict=True)}


if __name__ == "__main__":
    main()
