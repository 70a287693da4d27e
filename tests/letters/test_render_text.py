"""The email version: plain text in 72 columns, the .eml draft and the mailto link, read back."""

from __future__ import annotations

import email
from email import policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from letters.ideas import idea_add
from letters.render import render_email, render_eml, render_text
from letters.render_text import WIDTH, markdown_lines
from tests.factories import LetterFactory, MatchFactory, ProfileFactory, RequirementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter():
    letter = LetterFactory(
        recipient_name="Ms. Dana Whitfield",
        recipient_email="dana@harbor.example",
        salutation="Dear Ms. Whitfield,",
        opening="Thank you for speaking with me about **the role**.",
        closing="I look forward to hearing from you.",
    )
    ProfileFactory(user=letter.posting.owner, full_name="Sam Rivera", email="sam@example.com")
    return letter


def answer(letter, requirement: str, offer: str) -> None:
    MatchFactory(
        requirement=RequirementFactory(posting=letter.posting, text=requirement), text=offer
    )


def parse_eml(data: bytes):
    return email.message_from_bytes(data, policy=policy.default)


class TestText:
    def test_short_requirements_make_an_aligned_table(self, letter):
        answer(letter, "Supervising staff", "Led a team of six museum guides.")
        answer(letter, "Bachelor's degree", "B.A. in Elementary Education.")
        lines = render_text(letter).splitlines()
        header = next(line for line in lines if line.startswith("YOUR REQUIREMENTS"))
        column = header.index("WHAT I OFFER")
        row = next(line for line in lines if line.startswith("Supervising staff"))
        assert row[column:] == "Led a team of six museum guides."
        assert "Bachelor's degree" in render_text(letter)

    def test_long_requirements_become_pairs(self, letter):
        requirement = "Three or more years of experience supervising and training museum staff"
        answer(letter, requirement, "Led a team of six museum guides and **20 volunteers**.")
        text = render_text(letter)
        assert "YOUR REQUIREMENTS" not in text
        assert "Your requirements:  Three or more years" in text
        assert "What I offer:       Led a team of six museum guides and 20 volunteers." in text

    def test_every_line_fits_in_72_columns(self, letter):
        answer(letter, "Communication " * 12, "I write clearly. " * 30)
        letter.opening = "A long opening paragraph. " * 20
        letter.save()
        text = render_text(letter)
        assert max(len(line) for line in text.splitlines()) <= WIDTH
        assert "I write clearly." in text

    def test_holds_greeting_paragraphs_and_signature(self, letter):
        answer(letter, "Supervising staff", "Led six guides.")
        text = render_text(letter)
        assert text.startswith(
            "Dear Ms. Whitfield,\n\nThank you for speaking with me about the role."
        )
        assert "**" not in text
        assert text.endswith("Sincerely,\nSam Rivera\nBaltimore, MD\nsam@example.com\n555-0100\n")
        assert "I look forward to hearing from you." in text

    def test_ideas_follow_when_asked_for(self, letter):
        idea_add(posting=letter.posting, title="Family science club", detail="Saturdays.")
        assert "Family science club" not in render_text(letter)
        letter.include_ideas = True
        letter.save()
        text = render_text(letter)
        assert "Sam Rivera's Ideas for Harbor Children's Museum" in text
        assert "1. Family science club\n   Saturdays." in text

    def test_user_html_does_not_survive_as_markup(self, letter):
        letter.opening = "Hello <script>alert(1)</script> & <b>welcome</b>"
        letter.save()
        text = render_text(letter)
        assert "<script>" not in text and "<b>" not in text
        assert "& welcome" in text


class TestMarkdownLines:
    def test_lists_links_and_paragraphs(self):
        lines = markdown_lines(
            "One *two*.\n\n- first\n- second\n\nSee [site](https://example.com)."
        )
        assert lines == [
            "One two.",
            "",
            "- first",
            "- second",
            "",
            "See site (https://example.com).",
        ]

    def test_a_long_url_is_never_broken(self):
        url = "https://example.com/" + "x" * 90
        assert url in markdown_lines(f"Portfolio: {url}")


class TestEml:
    def test_is_an_addressed_draft(self, letter):
        answer(letter, "Supervising staff", "Led six guides.")
        message = parse_eml(render_eml(letter))
        assert message["To"].addresses[0].addr_spec == "dana@harbor.example"
        assert message["To"].addresses[0].display_name == "Ms. Dana Whitfield"
        assert message["From"].addresses[0].addr_spec == "sam@example.com"
        assert message["Subject"] == "Thank you: Education Manager interview"
        assert message["X-Unsent"] == "1"
        body = message.get_content().replace("\r\n", "\n")
        assert body == render_text(letter)
        assert "Led six guides." in body

    def test_without_an_address_it_still_opens(self, letter):
        letter.recipient_email = ""
        letter.save()
        message = parse_eml(render_eml(letter))
        assert message["To"] is None
        assert "Dear Ms. Whitfield," in message.get_content()

    def test_typed_line_breaks_cannot_add_headers(self, letter):
        letter.recipient_name = "Dana\r\nBcc: everyone@example.com"
        letter.save()
        message = parse_eml(render_eml(letter))
        assert message["Bcc"] is None
        assert "Bcc" in message["To"].addresses[0].display_name

    def test_cover_letter_subject(self, letter):
        letter.kind = letter.Kind.COVER
        assert render_email(letter).subject == "Application: Education Manager"


def test_mailto_carries_address_subject_and_body(letter):
    answer(letter, "Supervising staff", "Led six guides & more.")
    link = render_email(letter).mailto
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == "dana@harbor.example"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Thank you: Education Manager interview"]
    assert "Led six guides & more." in query["body"][0]
    assert "\r\n" in query["body"][0]
