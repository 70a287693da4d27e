"""The Word file read back with python-docx: one two-column table, every requirement."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml.ns import qn

from letters.ideas import idea_add
from letters.models import PaperSize
from letters.render import render_docx
from tests.factories import LetterFactory, MatchFactory, ProfileFactory, RequirementFactory

pytestmark = pytest.mark.django_db

REQUIREMENTS = {
    "Experience supervising staff": "Led a team of **six** museum guides",
    "Bachelor's degree in education": "B.A. in Elementary Education\n\n- Towson\n- 2019",
    "Public speaking": "Ran weekly demonstrations for 200 visitors",
}


@pytest.fixture
def letter():
    letter = LetterFactory(opening="Thank you for *your time*.", closing="Best wishes to the team.")
    ProfileFactory(user=letter.posting.owner, full_name="Sam Rivera", phone="(410) 555-0142")
    for text, offer in REQUIREMENTS.items():
        MatchFactory(requirement=RequirementFactory(posting=letter.posting, text=text), text=offer)
    RequirementFactory(posting=letter.posting, text="Fluent in Klingon")
    return letter


def read(letter) -> docx.document.Document:
    return docx.Document(io.BytesIO(render_docx(letter)))


def all_text(document) -> str:
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def test_one_two_column_table_with_every_requirement(letter):
    document = read(letter)
    assert len(document.tables) == 1
    table = document.tables[0]
    assert all(len(row.cells) == 2 for row in table.rows)
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["YOUR REQUIREMENTS", "WHAT I OFFER"]
    body = {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}
    assert set(body) == set(REQUIREMENTS)
    assert body["Experience supervising staff"] == "Led a team of six museum guides"
    assert "Fluent in Klingon" not in body


def test_header_row_repeats_and_rows_never_split(letter):
    rows = read(letter).tables[0].rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)


def test_markdown_keeps_its_bold_and_lists(letter):
    offer = read(letter).tables[0].rows[1].cells[1]
    assert any(run.bold and run.text == "six" for run in offer.paragraphs[0].runs)
    degree = next(row for row in read(letter).tables[0].rows if "Bachelor" in row.cells[0].text)
    assert [paragraph.text for paragraph in degree.cells[1].paragraphs] == [
        "B.A. in Elementary Education",
        "•\tTowson",
        "•\t2019",
    ]


def test_same_letterhead_and_paragraphs_as_the_pdf(letter):
    document = read(letter)
    text = all_text(document)
    assert document.paragraphs[0].text == "Sam Rivera"
    assert "(410) 555-0142" in document.paragraphs[1].text
    for expected in (
        "November 21, 2026",
        "Dana Whitfield\nHarbor Children's Museum",
        "Re: Education Manager",
        "Dear Ms. Whitfield,",
        "Thank you for your time.",
        "Best wishes to the team.",
        "Sincerely,",
    ):
        assert expected in text
    assert document.core_properties.title == letter.title
    assert document.core_properties.author == "Sam Rivera"


def test_paper_size_follows_the_profile(letter):
    profile = letter.posting.owner.profile
    profile.paper_size = PaperSize.A4
    profile.save()
    section = read(letter).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_idea_sheet_follows_on_a_new_page_when_asked(letter):
    idea_add(posting=letter.posting, title="Family science club", detail="Saturdays.")
    assert "Family science club" not in all_text(read(letter))
    letter.include_ideas = True
    letter.save()
    document = read(letter)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Sam Rivera's Ideas for Harbor Children's Museum", "1. Family science club"]
    assert len(document.tables) == 1
