"""suggest_matches: requirements and strengths from JSON in, ranked suggestions as JSON out."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from letters.match import THRESHOLD

REQUIREMENTS = [
    {"id": "r1", "text": "Supervise and schedule part-time staff and volunteers"},
    {"id": "r2", "text": "Current CPR and First Aid certification"},
    {"id": "r3", "text": "Valid Class A CDL with hazmat endorsement"},
]
STRENGTHS = [
    {"id": "guides", "title": "Led a team of six gallery guides", "detail": "Set weekly shifts."},
    {"id": "cpr", "title": "Red Cross First Aid/CPR/AED", "detail": "Certified through 2026."},
    {"id": "cafe", "title": "Barista at a busy coffee shop", "detail": ""},
]


def run(tmp_path: Path, requirements=REQUIREMENTS, strengths=STRENGTHS) -> list[dict]:
    r, s = tmp_path / "r.json", tmp_path / "s.json"
    r.write_text(json.dumps(requirements))
    s.write_text(json.dumps(strengths))
    out = io.StringIO()
    call_command(
        "suggest_matches",
        "--requirements",
        str(r),
        "--strengths",
        str(s),
        "--format",
        "json",
        stdout=out,
    )
    return json.loads(out.getvalue())


def test_prints_one_object_per_requirement_with_every_strength_ranked(tmp_path):
    result = run(tmp_path)
    assert [item["requirement"] for item in result] == ["r1", "r2", "r3"]
    for item in result:
        assert set(item) == {"requirement", "best", "suggestions"}
        assert sorted(s["strength"] for s in item["suggestions"]) == ["cafe", "cpr", "guides"]
        scores = [s["score"] for s in item["suggestions"]]
        assert scores == sorted(scores, reverse=True)
        for suggestion in item["suggestions"]:
            assert set(suggestion) == {"strength", "score", "why"}
            assert isinstance(suggestion["score"], float) and 0 <= suggestion["score"] <= 1
            assert suggestion["why"] and all(isinstance(why, str) for why in suggestion["why"])
    first, cpr, cdl = result
    assert first["best"] == "guides" == first["suggestions"][0]["strength"]
    assert cpr["best"] == "cpr"
    assert "certification: CPR/BLS" in cpr["suggestions"][0]["why"]
    assert cdl["best"] is None
    assert cdl["suggestions"][0]["score"] < THRESHOLD


def test_no_strengths_means_no_suggestions(tmp_path):
    assert run(tmp_path, strengths=[]) == [
        {"requirement": item["id"], "best": None, "suggestions": []} for item in REQUIREMENTS
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('{"id": "r1"}', "must hold a JSON list of objects"),
        ('[{"id": "r1"}]', "item 1 has no text"),
    ],
)
def test_bad_input_is_refused_with_a_reason(tmp_path, content, message):
    r, s = tmp_path / "r.json", tmp_path / "s.json"
    r.write_text(content)
    s.write_text(json.dumps(STRENGTHS))
    with pytest.raises(CommandError, match=message):
        call_command("suggest_matches", "--requirements", str(r), "--strengths", str(s))


def test_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command(
            "suggest_matches",
            "--requirements",
            str(tmp_path / "none.json"),
            "--strengths",
            str(tmp_path / "none.json"),
        )


def test_a_strength_is_best_for_one_requirement_only(tmp_path):
    """Two requirements that one strength answers: it is best where it fits better, and the
    other says why it is not offered again."""
    requirements = [*REQUIREMENTS, {"id": "r4", "text": "First aid training"}]
    result = {item["requirement"]: item for item in run(tmp_path, requirements)}
    assert result["r2"]["best"] == "cpr"
    assert result["r4"]["best"] is None
    first = result["r4"]["suggestions"][0]
    assert first["strength"] == "cpr"
    assert "answers \u201cCurrent CPR and First Aid certification\u201d better" in first["why"]
