"""The labelled matching cases: well formed, and the matcher stays above its measured floor."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bench import match_eval
from letters import match

pytestmark = pytest.mark.engine
CASES = Path(__file__).resolve().parents[2] / "tests" / "data" / "match"


@pytest.fixture(scope="module")
def measured():
    cases = match_eval.load_cases()
    blocks = [match.signals(case.requirements, case.strengths) for case in cases]
    return cases, blocks


@pytest.mark.parametrize("path", sorted(CASES.glob("*.json")), ids=lambda path: path.stem)
def test_case_is_well_formed(path: Path) -> None:
    """10 to 25 strengths, a third answering nothing, every answer in the bank."""
    data = json.loads(path.read_text())
    strengths = {item["id"] for item in data["strengths"]}
    assert len(strengths) == len(data["strengths"])
    assert 10 <= len(strengths) <= 25
    answers = {item["best"] for item in data["requirements"]} - {None}
    assert answers <= strengths
    assert len(strengths - answers) >= len(strengths) / 3
    assert len({item["id"] for item in data["requirements"]}) == len(data["requirements"])


def test_enough_postings_and_gaps() -> None:
    cases = match_eval.load_cases()
    assert len(cases) >= 10
    assert sum(gold is None for case in cases for gold in case.gold) >= 20
    assert [case.batch for case in cases] == sorted(case.batch for case in cases)


def test_cross_validated_figures_stay_above_the_floor(measured) -> None:
    """Measured leave-one-posting-out on all 104 postings: top-1 0.878, MRR 0.924, gap P 0.674
    and R 0.717; TF-IDF 0.599 top-1. Gap detection is short of the 0.8 it aims at."""
    cases, blocks = measured
    combined = match_eval.cross_validate(cases, blocks, list(range(len(match.SIGNALS))))
    figures = match_eval.Figures.of(combined)
    assert figures.top1 >= 0.85
    assert figures.mrr >= 0.9
    assert figures.gap_precision >= 0.66
    assert figures.gap_recall >= 0.69
    baseline = match_eval.cross_validate(
        cases, [match_eval.tfidf_scores(c) for c in cases], [0], context=False
    )
    assert figures.top1 >= match_eval.Figures.of(baseline).top1 + 0.25


def test_first_postings_keep_their_figures(measured) -> None:
    """The 18 postings the signals were first developed on: top-1 0.993, gap P 0.91, R 0.89."""
    cases, blocks = measured
    first = [i for i, case in enumerate(cases) if case.batch == 1]
    figures = match_eval.Figures.of(
        match_eval.cross_validate(
            [cases[i] for i in first], [blocks[i] for i in first], list(range(len(match.SIGNALS)))
        )
    )
    assert figures.top1 >= 0.97
    assert figures.gap_precision >= 0.85
    assert figures.gap_recall >= 0.85


def test_each_later_batch_is_scored_on_weights_fitted_before_it(measured) -> None:
    cases, blocks = measured
    scored = match_eval.by_batch(cases, blocks)
    assert list(scored) == sorted({case.batch for case in cases} - {1})
    for batch, postings in scored.items():
        assert [gold for _, golds in postings for gold in golds] == [
            gold for case in cases if case.batch == batch for gold in case.gold
        ]


def test_committed_weights_are_the_fit_on_the_cases(measured) -> None:
    """A table or signal change without a refit shows here: run bench/match_eval.py --fit."""
    cases, blocks = measured
    fitted = match_eval.fit_model(cases, blocks, list(range(len(match.SIGNALS))))
    committed = match._model()
    assert np.allclose(fitted.weights, committed.weights, atol=0.01)
    assert fitted.bias == pytest.approx(committed.bias, abs=0.01)
    assert np.allclose(fitted.context, committed.context, atol=0.01)
    assert fitted.context_bias == pytest.approx(committed.context_bias, abs=0.01)
