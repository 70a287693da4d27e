"""The matcher: right strength first, explanations that say why, honest gaps, total on any input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from letters import match_embed, match_signals, match_text
from letters.match import (
    BELOW_ASKED,
    NO_OVERLAP,
    NO_WORDS,
    NOT_A_LEAD,
    SIGNALS,
    THRESHOLD,
    StrengthText,
    Suggestion,
    best,
    choose,
    rank,
    rank_all,
    signals,
)

ROOT = Path(__file__).resolve().parents[2]

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
    StrengthText("degree", "B.A. in Elementary Education", "Towson University, 2014."),
    StrengthText("cloud", "Moved our services to ECS and RDS", "Zero downtime cutover."),
    StrengthText("crew", "Seven years leading warehouse crews", "Second shift, 20 pickers."),
)


def ids(suggestions: list[Suggestion]) -> list[str]:
    return [suggestion.strength_id for suggestion in suggestions]


def top(requirement: str, strengths=BANK) -> Suggestion:
    return rank(requirement, strengths)[0]


@pytest.mark.parametrize(
    ("requirement", "expected"),
    [
        ("Supervise a team of educators", "guides"),
        ("Experience managing budgets and staff", "budget"),
        ("Current BLS certification", "cpr"),
        ("Experience working with children", "kids"),
        ("Provide excellent guest service", "cafe"),
        ("Proficiency in MS Office", "reports"),
        ("Knowledge of C++ and .NET", "code"),
        ("Develop a summer program for school groups", "guides"),
        ("Bachelor's degree in education or a related field", "degree"),
        ("Experience with AWS or another cloud provider", "cloud"),
        ("5+ years of warehouse supervision", "crew"),
    ],
)
def test_right_strength_ranks_first_and_is_taken(requirement: str, expected: str) -> None:
    suggestions = rank(requirement, BANK)
    assert suggestions[0].strength_id == expected
    assert best(suggestions) == suggestions[0]


def test_paraphrase_is_explained_with_both_words() -> None:
    why = top("Supervise a team of educators").why
    assert "shared term: team" in why
    assert "related: led ~ supervise, trained ~ educators" in why


def test_shared_terms_quote_the_requirement() -> None:
    assert top("Experience managing budgets and staff").why == (
        "shared terms: managing, budgets, staff",
    )


def test_tools_by_their_everyday_names_are_related() -> None:
    assert "related: excel ~ ms office" in top("Proficiency in MS Office").why
    assert "related: ecs ~ aws" in top("Experience with AWS or another cloud provider").why


def test_years_are_compared_and_explained() -> None:
    found = top("5+ years of warehouse supervision")
    assert found.why[0] == "years: 7 ≥ 5 required"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Minimum of two (2) years of pediatric experience", 2),
        ("4 yrs welder, Midwest Trailer Co.", 4),
        ("1-2 years of accounts receivable experience", 1),
        ("Two-year commitment required", None),
        ("Coached my 10-year-old's soccer team", None),
        ("Helped the crew in the last 3 years", None),
    ],
)
def test_years_are_read_as_people_write_them(text: str, years: int | None) -> None:
    assert match_signals.facts(text, asked=True).years == years


def test_degree_level_and_field_are_checked() -> None:
    found = top("Bachelor's degree in education or a related field")
    assert found.why[0] == "degree: bachelor's in education"
    below = rank(
        "Master's degree in education required",
        [StrengthText("ba", "B.A. in Elementary Education"), StrengthText("x", "Baked bread")],
    )[0]
    assert below.strength_id == "ba"
    assert below.score <= BELOW_ASKED < THRESHOLD
    assert below.why[0] == "degree: bachelor's in education, below the master's asked"


def test_a_licensed_field_admits_no_other_unless_the_posting_says_so() -> None:
    """A B.A. in Education is no BSN; a related field is welcome where the posting says so."""
    bank = [StrengthText("ba", "B.A. in Elementary Education"), StrengthText("x", "Baked bread")]
    found = rank("Bachelor's degree in Nursing required", bank)[0]
    assert not found.chosen and found.score <= BELOW_ASKED
    assert found.why[0] == "degree: bachelor's in education, not in nursing"
    related = match_signals.facts("Bachelor's in Nursing or a related field", asked=True)
    public_health = match_signals.facts("B.S. in Public Health", asked=False)
    assert match_signals.check(related, public_health).degree == 0.8
    business = match_signals.facts("Bachelor's degree in business", asked=True)
    assert (
        match_signals.check(business, match_signals.facts("B.A. in Psychology", asked=False)).degree
        == 0.5
    )


def test_a_requirement_asks_the_lowest_degree_it_names() -> None:
    """A requirement naming two degrees ("associate's or bachelor's") accepts the lower."""
    aas = [StrengthText("aas", "A.A.S. in Accounting"), StrengthText("x", "Baked bread")]
    found = rank("Associate's or bachelor's degree in accounting or finance", aas)[0]
    assert found.strength_id == "aas" and found.chosen
    assert found.why[0] == "degree: associate's in accounting"
    mot = [StrengthText("mot", "Master of Occupational Therapy, Boston University")]
    found = rank("Master's or Doctoral degree in Occupational Therapy", mot)[0]
    assert found.why[0].startswith("degree: master's")
    found = rank("Bachelor's degree required; master's preferred", BANK)[0]
    assert found.strength_id == "degree" and found.why[0].startswith("degree: bachelor's")


def test_a_credential_inside_a_longer_name_is_not_read() -> None:
    """Mental Health First Aid is a course of its own, not first aid for a CPR requirement."""
    assert match_signals.facts("Mental Health First Aid certified", asked=False).credentials == {
        "mhfa"
    }
    assert "cpr" in match_signals.facts("Pediatric First Aid and CPR", asked=True).credentials


def test_named_credentials_are_matched_by_any_of_their_names() -> None:
    strengths = [
        StrengthText("bls", "CPR for healthcare providers (American Heart Association)"),
        StrengthText("acls", "Advanced Cardiac Life Support provider"),
    ]
    assert top("Current BLS certification", strengths).why[0] == "certification: CPR/BLS"
    acls = top("ACLS certification within six months of hire", strengths)
    assert acls.strength_id == "acls"
    assert acls.why[0] == "certification: ACLS"


def test_a_lower_credential_than_the_one_asked_is_shown_not_taken() -> None:
    """OSHA 10 for OSHA 30, a CCNA for a CCNP, a driver's license for a CDL: close, not it."""
    cases = [
        ("OSHA 30 preferred", "OSHA 10-Hour card", "certification: OSHA 10, below the OSHA 30"),
        ("CCNP Enterprise required", "Cisco CCNA, recertified 2023", "certification: CCNA, below"),
        ("Valid Class A CDL", "Clean driver's license, no points", "license: driver's license, b"),
    ]
    for requirement, held, why in cases:
        found = rank(requirement, [StrengthText("held", held), StrengthText("x", "Baked bread")])[0]
        assert found.strength_id == "held" and not found.chosen
        assert NOT_A_LEAD <= found.score <= BELOW_ASKED and found.why[0].startswith(why)
    either = rank(
        "Journeyman or master electrician license", [StrengthText("j", "Journeyman card")]
    )
    assert either[0].chosen and either[0].why[0] == "license: journeyman electrician"


def test_a_degree_or_credential_still_in_progress_is_not_claimed() -> None:
    """ "Pursuing a B.S., expected May 2027" is no bachelor's, unless progress will do."""
    pursuing = [StrengthText("bsn", "B.S. in Nursing, expected May 2027")]
    found = rank("Bachelor's degree in Nursing required", pursuing)[0]
    assert not found.chosen and found.score <= BELOW_ASKED
    assert found.why[0] == "degree: bachelor's in nursing, in progress"
    found = rank("Bachelor's degree in Nursing, or currently enrolled", pursuing)[0]
    assert found.chosen
    studying = match_signals.facts("CompTIA A+ certified. Studying for Network+.", asked=False)
    assert studying.credentials == {"comptia_a"} and studying.pending.credentials == {
        "network_plus"
    }
    both = match_signals.facts("CompTIA A+ required; Network+ a plus", asked=True)
    assert match_signals.check(both, studying).credential == 1.0
    only = match_signals.facts("Network+ required", asked=True)
    assert match_signals.check(only, studying).credential == -1.0


def test_credentials_named_in_the_plural_are_other_peoples() -> None:
    """ "Supervised 12 CNAs" or an internship at "Lind CPAs" holds no CNA and no CPA."""
    for text in ("Supervised 12 CNAs on nights", "Audit intern, Pryor & Lind CPAs"):
        assert match_signals.facts(text, asked=False).credentials == frozenset()
    assert match_signals.facts("CNA since 2019", asked=False).credentials == {"cna"}
    assert match_signals.facts("Works well with RNs and CNAs", asked=True).credentials == {
        "rn",
        "cna",
    }


def test_the_longest_name_is_read_and_ladders_go_all_the_way_down() -> None:
    """ "Journeyman plumber" is no journeyman electrician; a CCIE shows a CCNP and a CCNA."""
    plumber = match_signals.facts("Journeyman plumber license, Ohio", asked=False)
    assert plumber.credentials == {"journeyman_plumber"}
    ccie = match_signals.facts("CCIE #4412", asked=False)
    asked = match_signals.facts("CCNA required", asked=True)
    assert match_signals.check(asked, ccie).credential == 1.0
    eit = match_signals.facts("EIT, passed the FE in 2020", asked=False)
    pe = match_signals.facts("Professional Engineer (PE) license required", asked=True)
    assert match_signals.check(pe, eit).credential == -1.0
    assert match_signals.facts("Licensed PE teacher", asked=False).credentials == frozenset()


def test_a_lapsed_credential_is_not_held() -> None:
    lapsed = match_signals.facts("BLS certified. Class A CDL (expired 2019)", asked=False)
    assert lapsed.credentials == {"cpr"}
    stock = match_signals.facts("Pulled expired stock; forklift certified", asked=False)
    assert stock.credentials == {"forklift"}  # only its own clause is read as lapsed


def test_a_diploma_is_read_as_resumes_state_it() -> None:
    for text in ("Lakeview High School, Class of 2018", "Graduated from Westland High School"):
        assert match_signals.facts(text, asked=False).degree.name == "high school diploma"
    assert match_signals.facts("Coached high school soccer", asked=False).degree is None


def test_driving_for_work_shows_a_drivers_license() -> None:
    for text in ("Shop's test driver, no points", "Ten years behind the wheel, no tickets"):
        assert match_signals.facts(text, asked=False).credentials == {"drivers_license"}


def test_a_requirement_that_is_only_a_credential_is_answered_by_holding_it() -> None:
    """What share of a requirement its credential, degree or language makes up decides how
    much holding it, or not, says: everything for "PALS required", less beside other asks."""
    share = [
        ("Current PALS certification required", 1.0),
        ("Associate degree in IT or a related field preferred", 1.0),
        ("Bilingual English/Spanish required", 1.0),
        ("3+ years of experience and a CDL Class A", 0.5),
        ("Great phone manner", 0.0),
    ]
    for text, expected in share:
        assert match_signals.facts(text, asked=True).share == pytest.approx(expected)
    bank = [
        StrengthText("pals", "PALS provider, renewed 2025"),
        StrengthText("peds", "Three years on a pediatric floor"),
    ]
    block = signals(["Current PALS certification required"], bank)[0]
    assert block[:, SIGNALS.index("ask_met")].tolist() == [1.0, 0.0]
    assert block[:, SIGNALS.index("ask_unmet")].tolist() == [0.0, 1.0]


def test_a_language_is_answered_only_by_a_strength_that_works_in_it() -> None:
    """Another language, or one learned in class, is near in meaning and no answer."""
    spoken = [
        ("Fluent in Portuguese", {"portuguese"}),
        ("Two years of high school Spanish", set()),
        ("ASL 1 and 2 at community college", set()),
        ("Spanish is my first language", {"spanish"}),
        ("Bilingual, English and Spanish", {"spanish"}),
        ("Class A CDL. Fluent in Spanish", {"spanish"}),  # the class is no Spanish class
    ]
    for text, languages in spoken:
        assert match_signals.facts(text, asked=False).languages == languages
    asked = match_signals.facts("Second language (Spanish or French) preferred", asked=True)
    assert asked.languages == {"spanish", "french"}
    bank = [
        StrengthText("portuguese", "Fluent in Portuguese", "I handle our Portuguese speakers."),
        StrengthText("spanish", "Interpret for Spanish-speaking families at the front desk"),
    ]
    block = signals(["Bilingual English/Spanish preferred"], bank)
    assert block[0][:, SIGNALS.index("unspoken")].tolist() == [1.0, 0.0]
    found = top("Bilingual English/Spanish preferred", bank)
    assert found.strength_id == "spanish" and found.why[0] == "speaks Spanish"


def test_a_gap_is_admitted() -> None:
    suggestions = rank("Valid Class A CDL and hazmat endorsement", BANK)
    assert best(suggestions) is None
    lobby = StrengthText("lobby", "Greeted visitors in the building lobby")
    requirement = "Knowledge of HVAC, plumbing, electrical and general building systems"
    suggestions = rank(requirement, (*BANK, lobby))
    assert "shared term: building" in next(s for s in suggestions if s.strength_id == "lobby").why
    assert best(suggestions) is None


def test_a_strength_that_is_no_lead_scores_zero() -> None:
    strengths = [StrengthText("guides", "Led a team of six guides"), StrengthText("g", "Grants")]
    found = rank("Supervise staff", strengths)[1]
    assert found == Suggestion("g", 0.0, (NO_OVERLAP,))


def test_markdown_and_links_in_detail_are_just_words() -> None:
    strength = StrengthText(
        "camp", "Camp", "## Summer\n\n- **Ran** the [camp](https://example.org/x)"
    )
    assert top("Summer camp", [strength]).why == ("shared terms: summer, camp",)
    assert signals(["example org"], [strength])[0][0, SIGNALS.index("lexical")] == 0


def test_accents_and_case_are_folded() -> None:
    assert top("CAFÉ résumé", [StrengthText("a", "Cafe resume")]).why == (
        "shared terms: cafe, resume",
    )


def test_title_counts_more_than_detail() -> None:
    strengths = [
        StrengthText("detail", "Handled things", "Budget"),
        StrengthText("title", "Budget", "Handled things"),
    ]
    assert ids(rank("Budget", strengths)) == ["title", "detail"]


def test_scores_are_between_zero_and_one() -> None:
    for suggestions in rank_all(["Supervise staff", "budget budget budget", "CPR"], BANK):
        assert all(0 <= found.score <= 1 for found in suggestions)


def test_every_strength_is_returned_once_with_a_reason() -> None:
    suggestions = rank("Current CPR/First Aid certification", BANK)
    assert sorted(ids(suggestions)) == sorted(strength.id for strength in BANK)
    assert all(found.why for found in suggestions)
    scores = [found.score for found in suggestions]
    assert scores == sorted(scores, reverse=True)


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
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop())[0][0] == "budget"


def test_the_model_loads_on_first_use_not_at_import() -> None:
    script = (
        "import sys; import letters.match; assert 'model2vec' not in sys.modules; "
        "from letters import match_embed; match_embed.model(); print('torch' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"


def test_pooling_matches_model2vec() -> None:
    texts = ["Led a team of six museum guides", "CPR", "", "Café — naïve 東京", "x " * 600]
    expected = match_embed.model().encode(texts)
    norms = np.linalg.norm(expected, axis=1, keepdims=True)
    expected = np.divide(expected, norms, out=np.zeros_like(expected), where=norms > 0)
    assert np.allclose(match_embed.embed(texts), expected, atol=1e-5)
    assert np.allclose(match_embed.remembered(texts[:2]), expected[:2], atol=1e-5)


def test_remembered_vectors_are_the_embedded_ones() -> None:
    texts = [f"shift lead number {number}" for number in range(300)]
    match_embed.forget()
    first = match_embed.remembered(texts[:10])
    again = match_embed.remembered(texts + texts[:10])
    assert np.allclose(again[:300], match_embed.embed(texts), atol=1e-6)
    assert np.array_equal(again[300:], first)


def test_rarity_tells_a_specific_word_from_a_common_one() -> None:
    payroll, processing = match_embed.rarity(["payroll", "processing"])
    assert payroll > processing
    assert match_embed.rarity([""]).tolist() == [1.0]


def test_coverage_weighs_the_rare_word_more() -> None:
    strengths = [
        StrengthText("ap", "Processed vendor invoices"),
        StrengthText("pay", "Ran payroll for 80 people"),
    ]
    block = signals(["Payroll processing experience"], strengths)[0]
    coverage = block[:, SIGNALS.index("coverage")]
    assert coverage[1] > 0.5 > coverage[0] > 0


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
    found = rank("budget", [StrengthText("blank", ""), StrengthText("b", "Budget")])
    assert [(s.strength_id, s.score) for s in found][1] == ("blank", 0.0)


def test_best_is_the_chosen_first_suggestion() -> None:
    assert best([]) is None
    assert best([Suggestion("a", 0.9, ("x",), chosen=True)]) == Suggestion("a", 0.9, ("x",), True)
    assert best([Suggestion("a", 0.9, ("x",)), Suggestion("b", 0.8, ("x",))]) is None
    assert best(rank("Fluent in Mandarin", BANK)) is None


def test_one_requirement_alone_ranks_as_in_a_posting_of_one() -> None:
    for requirement in ["Supervise a team of educators", "", "Proficiency in MS Office"]:
        assert rank_all([requirement], BANK) == [rank(requirement, BANK)]


def test_a_strength_answers_one_requirement_of_a_posting() -> None:
    """A letter offers each strength once: the requirement it answers best takes it, and the
    other says so instead of offering it again."""
    certification, first_aid = rank_all(["Current BLS certification", "First aid training"], BANK)
    assert certification[0].strength_id == "cpr" and certification[0].chosen
    assert first_aid[0].strength_id == "cpr" and not first_aid[0].chosen
    assert first_aid[0].score >= THRESHOLD
    assert "answers \u201cCurrent BLS certification\u201d better" in first_aid[0].why
    assert first_aid[0].taken and not certification[0].taken
    assert best(first_aid) is None


def test_the_chosen_strength_comes_first_even_below_a_taken_one() -> None:
    educators, programs = rank_all(["Supervise a team of educators", "Lead school programs"], BANK)
    assert programs[0].strength_id == "guides" and programs[0].chosen
    assert educators[0].chosen and educators[0].strength_id != "guides"
    taken = next(found for found in educators if found.strength_id == "guides")
    assert taken.score > educators[0].score and not taken.chosen


def test_choose_takes_the_highest_pairs_first_and_each_strength_once() -> None:
    scores = np.array([[0.9, 0.8], [0.95, 0.4], [0.3, 0.2]])
    assert choose(scores).tolist() == [1, 0, -1]
    assert choose(np.zeros((2, 0))).tolist() == [-1, -1]


def test_a_requirement_naming_a_credential_needs_a_strength_that_names_it() -> None:
    """A different certification shares the word, not the answer."""
    block = signals(
        ["ISTQB Foundation Level certification preferred", "Procore or similar software"],
        [StrengthText("aws", "AWS Cloud Practitioner certification"), StrengthText("q", "ISTQB")],
    )
    unnamed = SIGNALS.index("unnamed")
    assert block[0][:, unnamed].tolist() == [1.0, 0.0]
    assert block[1][:, unnamed].tolist() == [0.0, 0.0]  # "or similar": any tool will do


def test_any_name_in_a_list_of_names_answers() -> None:
    """A Canva strength answers "Canva or Adobe InDesign"; a degree's name is the degree check's."""
    block = signals(
        [
            "Familiarity with Canva or Adobe InDesign a plus",
            "Experience with statistical software (R, SPSS, or Stata)",
            "High school diploma or GED",
        ],
        [
            StrengthText("canva", "Designed event invitations in Canva"),
            StrengthText("stata", "Cleaned survey data in Stata"),
            StrengthText("hs", "Eastside High School, class of 2023"),
        ],
    )
    unnamed = SIGNALS.index("unnamed")
    assert block[0][:, unnamed].tolist() == [0.0, 1.0, 1.0]
    assert block[1][:, unnamed].tolist() == [1.0, 0.0, 1.0]
    assert block[2][:, unnamed].tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize(("group", "words"), match_text.synonyms().items())
def test_each_synonym_belongs_to_its_own_group(group: str, words: tuple[str, ...]) -> None:
    """An entry claimed by an earlier group, or lost to the stop words, would silently not fold."""
    for word in words:
        assert [found.term for found in match_text.words(word)] == [f"<{group}>"], word


@settings(max_examples=60, deadline=None)
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


def test_each_quality_is_one_word_with_a_meaning() -> None:
    with (match_text.DATA / "soft_skills.toml").open("rb") as file:
        entries = tomllib.load(file)["words"]
    for entry in entries:
        assert len(match_text.words(entry)) == 1, entry


def test_a_quality_is_answered_by_a_story() -> None:
    """ "Attention to detail" is seldom a gap: people answer it with what they caught."""
    soft = SIGNALS.index("soft")
    quality, skill = signals(
        ["Exceptional attention to detail", "Payroll processing experience"], BANK
    )
    assert quality[:, soft].min() >= 0.5
    assert skill[:, soft].max() == 0


def test_a_product_meets_the_kind_of_system_it_is() -> None:
    """A requirement that names one product or "a similar system" is met in part by another of
    the same kind, so its name is not the word missed."""
    missed = SIGNALS.index("missed")
    block = signals(
        ["Experience with athenahealth or a similar practice management system"],
        [StrengthText("nextgen", "NextGen PM every day"), StrengthText("x", "Baked bread")],
    )[0]
    assert block[0, missed] < block[1, missed]
