"""The management commands: the demo and rendering a letter from the command line."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from letters.models import Letter, Requirement
from tests.factories import LetterFactory, MatchFactory

pytestmark = pytest.mark.django_db


def test_load_demo_builds_the_worked_example(settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "password 'demo'" in out.getvalue()
    letter = Letter.objects.get(posting__owner__username="demo")
    assert letter.kind == Letter.Kind.THANK_YOU and letter.interview_format == "phone"
    assert "Children's Museum" in letter.posting.employer
    supervising = Requirement.objects.get(posting=letter.posting, text__icontains="supervising")
    assert supervising.emphasize
    assert supervising.match.text
    assert letter.posting.owner.strengths.count() >= 10
    assert letter.recipient_name == "Dana Whitfield"
    owner = letter.posting.owner
    assert sorted(owner.applications.values_list("stage", flat=True)) == [
        "applied",
        "interested",
        "interviewing",
        "interviewing",
    ]
    kinds = set(letter.posting.application.steps.open().values_list("kind", flat=True))
    assert kinds == {"thank_you", "call"}
    call_command("load_demo", stdout=io.StringIO())
    assert Letter.objects.count() == 1


def test_load_demo_if_empty_leaves_a_used_database_alone(settings, user):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert not Letter.objects.exists()


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("load_demo")


def test_render_letter_writes_the_pdf(tmp_path):
    letter = LetterFactory()
    MatchFactory(requirement__posting=letter.posting, text="Led six guides")
    output = tmp_path / "letter.pdf"
    call_command("render_letter", str(letter.pk), "--output", str(output), stdout=io.StringIO())
    text = PdfReader(output).pages[0].extract_text()
    assert "Led six guides" in text


def test_render_letter_unknown_id(tmp_path):
    with pytest.raises(CommandError, match="No letter with id 999"):
        call_command("render_letter", "999", "--output", str(tmp_path / "x.pdf"))
