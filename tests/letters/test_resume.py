"""Résumé text and JSON Resume files become proposed strengths."""

from __future__ import annotations

from letters.resume import Proposal, proposals_from_json_resume, proposals_from_text

RESUME = """DARBY QUINN
darby.quinn@example.com | (410) 555-0142

EXPERIENCE
Education Coordinator, Harbor Science Center        2019 - present
• Supervised, scheduled and coached six guides and 20 volunteers; ran monthly
  training and wrote the guide handbook.
• Managed a $40,000 camp budget
- Led daily live science shows for audiences of up to 150 visitors
1. Cut school-group scheduling errors to zero

EDUCATION
B.A. in Elementary Education, Towson University
"""


def test_bullets_become_proposals_with_wrapped_lines_joined():
    details = [item.detail for item in proposals_from_text(RESUME)]
    assert details == [
        "Supervised, scheduled and coached six guides and 20 volunteers; ran monthly "
        "training and wrote the guide handbook.",
        "Managed a $40,000 camp budget",
        "Led daily live science shows for audiences of up to 150 visitors",
        "Cut school-group scheduling errors to zero",
        "B.A. in Elementary Education, Towson University",
    ]


def test_titles_are_the_first_clause():
    first = proposals_from_text(RESUME)[0]
    assert first.title == "Supervised, scheduled and coached six guides and 20 volunteers"


def test_long_titles_are_cut_at_a_word():
    proposal = proposals_from_text("- " + "word " * 40)[0]
    assert len(proposal.title) <= 81 and proposal.title.endswith("…")


def test_headings_contacts_dates_and_duplicates_are_skipped():
    assert proposals_from_text("SKILLS\nme@example.com\n- Led tours\n- Led tours\n") == []
    text = "- Led tours for thirty visitors\n- Led tours for thirty visitors\n"
    assert len(proposals_from_text(text)) == 1


def test_json_resume():
    data = {
        "basics": {"name": "Darby"},
        "work": [
            {
                "name": "Harbor Science Center",
                "position": "Education Coordinator",
                "highlights": ["Led a team of six museum guides", 42],
            },
            {"name": "Camp", "summary": "Ran a summer science camp for sixty children"},
        ],
        "education": [
            {"institution": "Towson University", "studyType": "Bachelor", "area": "Education"}
        ],
        "certificates": [{"name": "CPR and First Aid", "issuer": "Red Cross"}],
        "skills": [{"name": "Spanish", "keywords": ["conversational"]}],
    }
    assert proposals_from_json_resume(data) == [
        Proposal(
            "Led a team of six museum guides",
            "Led a team of six museum guides",
            "Education Coordinator, Harbor Science Center",
        ),
        Proposal(
            "Ran a summer science camp for sixty children",
            "Ran a summer science camp for sixty children",
            "Camp",
        ),
        Proposal(
            "Bachelor in Education, Towson University",
            "Bachelor in Education, Towson University",
            "education",
        ),
        Proposal("CPR and First Aid (Red Cross)", "CPR and First Aid (Red Cross)", "certification"),
        Proposal("Spanish", "Spanish: conversational", "skills"),
    ]


def test_malformed_json_resume_parts_are_skipped():
    assert proposals_from_json_resume({"work": "nope", "skills": [1, None], "education": {}}) == []
