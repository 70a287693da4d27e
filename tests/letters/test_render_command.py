"""render_letter writes every format through the same path as the downloads."""

from __future__ import annotations

import email
import io
from email import policy

import docx
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from letters.models import Dispatch
from tests.factories import LetterFactory, MatchFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter():
    letter = LetterFactory(recipient_email="dana@harbor.example")
    MatchFactory(requirement__posting=letter.posting, text="Led six guides")
    return letter


def run(letter, fmt: str, output) -> None:
    call_command(
        "render_letter",
        str(letter.pk),
        "--format",
        fmt,
        "--output",
        str(output),
        stdout=io.StringIO(),
    )


def test_each_format(letter, tmp_path):
    for fmt in ("pdf", "docx", "txt", "eml", "ideas"):
        run(letter, fmt, tmp_path / f"letter.{fmt}")
    assert "Led six guides" in PdfReader(tmp_path / "letter.pdf").pages[0].extract_text()
    word = docx.Document(tmp_path / "letter.docx")
    assert word.tables[0].rows[1].cells[1].text == "Led six guides"
    assert "Led six guides" in (tmp_path / "letter.txt").read_text()
    message = email.message_from_bytes(
        (tmp_path / "letter.eml").read_bytes(), policy=policy.default
    )
    assert message["To"].addresses[0].addr_spec == "dana@harbor.example"
    assert "Ideas for" in PdfReader(tmp_path / "letter.ideas").pages[0].extract_text()
    assert not Dispatch.objects.exists()  # a file written here is not a letter sent


def test_pdf_is_the_default(letter, tmp_path):
    call_command("render_letter", str(letter.pk), "-o", str(tmp_path / "x"), stdout=io.StringIO())
    assert (tmp_path / "x").read_bytes().startswith(b"%PDF")


def test_unknown_format_is_refused(letter, tmp_path):
    with pytest.raises(CommandError):
        run(letter, "exe", tmp_path / "x")
