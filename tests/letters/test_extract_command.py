"""`manage.py extract_requirements`: a table for people, JSON for scripts, stdin with "-"."""

from __future__ import annotations

import io
import json
from dataclasses import asdict

import pytest
from django.core.management import CommandError, call_command

from letters.extract import extract_requirements

POSTING = (
    "Qualifications\n"
    "• Bachelor's degree in education\n"
    "• Must be able to lift 40 lbs\n\n"
    "Preferred\n"
    "• Bilingual in English and Spanish\n"
)


def run(*args: str, stdin: str | None = None) -> str:
    out = io.StringIO()
    options = {"stdout": out} if stdin is None else {"stdout": out, "stdin": io.StringIO(stdin)}
    call_command("extract_requirements", *args, **options)
    return out.getvalue()


@pytest.fixture
def posting(tmp_path):
    path = tmp_path / "posting.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


def test_table_lists_kind_span_and_text(posting):
    lines = run(str(posting)).splitlines()
    assert lines[0].split() == ["#", "kind", "span", "text"]
    assert lines[1].split(None, 3) == ["1", "required", "17-47", "Bachelor's degree in education"]
    assert lines[3].split(None, 3)[:2] == ["3", "preferred"]
    assert lines[-1] == "3 requirements: 2 required, 1 preferred."


def test_json_is_only_the_list_of_requirements(posting):
    data = json.loads(run(str(posting), "--format", "json"))
    assert data == [asdict(item) for item in extract_requirements(POSTING)]
    assert data[0] == {
        "text": "Bachelor's degree in education",
        "kind": "required",
        "start": 17,
        "end": 47,
    }


def test_dash_reads_standard_input():
    data = json.loads(run("-", "-f", "json", stdin=POSTING))
    assert [item["text"] for item in data] == [
        "Bachelor's degree in education",
        "Must be able to lift 40 lbs",
        "Bilingual in English and Spanish",
    ]


def test_nothing_found_says_so():
    assert run("-", stdin="Benefits\n- Dental\n").strip() == "No requirements found."
    assert run("-", "--format", "json", stdin="").strip() == "[]"


def test_missing_file_is_a_command_error(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.txt"))
