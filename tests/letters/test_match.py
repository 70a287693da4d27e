"""The lexical matcher: right strength first, explanations that quote words, total on any input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from letters.match import (
    NO_OVERLAP,
    NO_WORDS,
    SYNONYMS,
    THRESHOLD,
    StrengthText,
    Suggestion,
    best,
    rank,
    rank_all,
)

BANK = (
    StrengthText(
        "guides",
        "Led a team of six museum guides",
        "Trained new guides; ran the **summer** program for school groups.",
        ("museum",),
    ),
    StrengthText("budget", "Managed a $2M budget and 14 staff", "Annual budget for a nonprofit."),
    StrengthText("cpr", "CPR and First Aid certified", "Red Cross, renewed every two years."),
    StrengthText("kids", "Taught science to kids", "Hands-on lessons for ages 4 to 10."),
    StrengthText("cafe", "Friendly with customers", "Five years at a busy cafe counter."),
    StrengthText("reports", "Built reports in Excel and Word", "Monthly numbers for the board."),
    StrengthText("code", "Shipped desktop software", "Services in C++ and C# on .NET.", ("c++",)),
)


def ids(suggestions: list[Suggestion]) -> list[str]:
    return [suggestion.strength_id for suggestion in suggestions]


@pytest.mark.parametrize(
    ("requirement", "expected"),
    [
        ("Supervise a team of educators", "guides"),
        ("Experience managing budgets and staff", "budget"),
        ("Current CPR/First Aid certification", "cpr"),
        ("Experience working with children", "kids"),
        ("Provide excellent guest service", "cafe"),
        ("Proficiency in MS Office", "reports"),
        ("Knowledge of C++ and .NET", "code"),
        ("Develop a summer program for school groups", "guides"),
    ],
)
def test_right_strength_ranks_first(requirement: str, expected: str) -> None:
    suggestions = rank(requirement, BANK)
    assert suggestions[0].strength_id == expected
    assert best(suggestions) == suggestions[0]


def test_paraphrase_is_explained_with_both_words() -> None:
    top = rank("Supervise a team of educators", BANK)[0]
    assert 'shared term: "team"' in top.why
    assert 'related: "led" ~ "supervise", "trained" ~ "educators"' in top.why


def test_shared_terms_quote_the_requirement() -> None:
    top = rank("Experience managing budgets and staff", BANK)[0]
    assert top.why == ('shared terms: "managing", "budgets", "staff"',)


def test_synonym_phrases_match_as_one_term() -> None:
    top = rank("Proficiency in MS Office", BANK)[0]
    assert top.why == ('related: "excel" ~ "ms office"',)


@pytest.mark.parametrize(("group", "words"), SYNONYMS.items())
def test_each_synonym_group_matches_itself_and_nothing_else(
    group: str, words: tuple[str, ...]
) -> None:
    strengths = [StrengthText(name, others[0]) for name, others in SYNONYMS.items()]
    for word in words:
        scores = {found.strength_id: found.score for found in rank(word, strengths)}
        assert scores.pop(group) > 0, word
        assert set(scores.values()) == {0.0}, word


def test_markdown_and_links_in_detail_are_just_words() -> None:
    strength = StrengthText(
        "camp", "Camp", "## Summer\n\n- **Ran** the [camp](https://example.org/x)"
    )
    assert rank("Summer camp", [strength])[0].why == ('shared terms: "summer", "camp"',)
    assert rank("example org", [strength])[0].score == 0


def test_accents_and_case_are_folded() -> None:
    top = rank("CAFÉ résumé", [StrengthText("a", "Cafe resume")])[0]
    assert top.why == ('shared terms: "cafe", "resume"',)


def test_title_counts_more_than_detail() -> None:
    strengths = [
        StrengthText("detail", "Handled things", "Budget"),
        StrengthText("title", "Budget", "Handled things"),
    ]
    assert ids(rank("Budget", strengths)) == ["title", "detail"]


def test_scores_are_between_zero_and_one() -> None:
    for suggestions in rank_all(["Supervise staff", "budget budget budget", "CPR"], BANK):
        assert all(0 <= found.score <= 1 for found in suggestions)
    assert rank("Budget", [StrengthText("a", "Budget budget budget")])[0].score == 1


def test_every_strength_is_returned_with_zeros_last_in_input_order() -> None:
    suggestions = rank("Current CPR/First Aid certification", BANK)
    assert sorted(ids(suggestions)) == sorted(strength.id for strength in BANK)
    zeros = [found for found in suggestions if found.score == 0]
    assert ids(zeros) == [strength.id for strength in BANK if strength.id != "cpr"]
    assert all(found.why == (NO_OVERLAP,) for found in zeros)


def test_ties_keep_input_order() -> None:
    strengths = [StrengthText(name, "Managed the budget") for name in ("b", "a", "c")]
    suggestions = rank("budget", strengths)
    assert ids(suggestions) == ["b", "a", "c"]
    assert len({found.score for found in suggestions}) == 1


def test_ranking_does_not_depend_on_hash_seed() -> None:
    script = (
        "import json; from letters.match import rank; from tests.letters.test_match import BANK; "
        "print(json.dumps([[f.strength_id, f.score, f.why] for f in rank("
        "'Supervise staff and budgets for a children program', BANK)]))"
    )
    root = Path(__file__).resolve().parents[2]
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[0][0] == "budget"


def test_empty_inputs() -> None:
    assert rank("Supervise staff", []) == []
    assert rank_all([], BANK) == []
    assert rank_all(["Supervise staff", ""], []) == [[], []]
    for requirement in ("", "   ", "and the of", "**"):
        suggestions = rank(requirement, BANK)
        assert ids(suggestions) == [strength.id for strength in BANK]
        assert all(found.score == 0 and found.why == (NO_WORDS,) for found in suggestions)
        assert best(suggestions) is None


def test_empty_strength_scores_zero() -> None:
    assert rank("budget", [StrengthText("blank", "")]) == [Suggestion("blank", 0.0, (NO_OVERLAP,))]


def test_best_needs_the_threshold() -> None:
    assert best([]) is None
    assert best([Suggestion("a", THRESHOLD, ("x",))]) == Suggestion("a", THRESHOLD, ("x",))
    assert best([Suggestion("a", THRESHOLD - 0.01, ("x",)), Suggestion("b", 0.9, ("x",))]) is None


def test_best_is_none_for_an_incidental_overlap() -> None:
    requirement = "Knowledge of HVAC, plumbing, electrical and general building systems"
    suggestions = rank(
        requirement, BANK + (StrengthText("lobby", "Greeted visitors in the building lobby"),)
    )
    assert 0 < suggestions[0].score < THRESHOLD
    assert best(suggestions) is None


def test_rank_all_agrees_with_rank() -> None:
    requirements = ["Supervise a team of educators", "", "Proficiency in MS Office", "Stamina"]
    assert rank_all(requirements, BANK) == [rank(requirement, BANK) for requirement in requirements]


@given(
    requirement=st.text(),
    texts=st.lists(st.tuples(st.text(), st.text(), st.lists(st.text(), max_size=3)), max_size=4),
)
def test_never_raises_and_stays_in_range(
    requirement: str, texts: list[tuple[str, str, list[str]]]
) -> None:
    strengths = [
        StrengthText(str(number), title, detail, tuple(tags))
        for number, (title, detail, tags) in enumerate(texts)
    ]
    suggestions = rank(requirement, strengths)
    assert sorted(ids(suggestions)) == sorted(strength.id for strength in strengths)
    assert all(0 <= found.score <= 1 and found.why for found in suggestions)
