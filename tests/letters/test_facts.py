"""Employer, role, location and link read off the top of a pasted posting."""

from __future__ import annotations

from letters.facts import Facts, guess_facts


def test_title_then_employer_and_location():
    text = "Education Manager\nPort City Children's Museum — Baltimore, MD\n\nAbout the role…"
    assert guess_facts(text) == Facts(
        employer="Port City Children's Museum",
        role_title="Education Manager",
        location="Baltimore, MD",
    )


def test_role_at_employer():
    facts = guess_facts("Senior Data Analyst at Brightwater Foods\n\nWe are looking for…")
    assert (facts.role_title, facts.employer) == ("Senior Data Analyst", "Brightwater Foods")


def test_labelled_fields_win():
    text = "Join us!\nJob Title: Staff Accountant\nCompany: Acme Corp\nLocation: Hartford, CT\n"
    assert guess_facts(text) == Facts(
        employer="Acme Corp", role_title="Staff Accountant", location="Hartford, CT"
    )


def test_the_equal_opportunity_sentence_names_the_employer():
    text = (
        "Requirements\n- Two years of experience\n\nHarbor Bank is an equal opportunity employer."
    )
    assert guess_facts(text).employer == "Harbor Bank"


def test_a_link_only_counts_at_the_top():
    assert (
        guess_facts("https://jobs.example.com/42\nLine cook").link == "https://jobs.example.com/42"
    )
    text = "Line cook\n\nWe are a diner.\n\nFollow us: https://twitter.com/diner"
    assert guess_facts(text).link == ""


def test_sentences_and_section_words_are_not_names():
    text = "Entry Level\nWe're looking for a very patient person to help.\n"
    assert guess_facts(text) == Facts()
    assert guess_facts("") == Facts()
