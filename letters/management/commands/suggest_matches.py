"""Rank strengths for requirements from JSON files, through the same engine as the match page."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters import match


class Command(BaseCommand):
    help = (
        "Print, for each requirement, every strength ranked best first, as JSON: "
        "suggest_matches --requirements R.json --strengths S.json --format json"
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--requirements", required=True, type=Path, help='[{"id": str, "text": str}, ...]'
        )
        parser.add_argument(
            "--strengths",
            required=True,
            type=Path,
            help='[{"id": str, "title": str, "detail": str}, ...]',
        )
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, requirements: Path, strengths: Path, **options) -> None:
        wanted = _read(requirements, ("id", "text"))
        bank = [
            match.StrengthText(
                id=str(item["id"]),
                title=str(item["title"]),
                detail=str(item.get("detail") or ""),
                tags=tuple(str(tag) for tag in item.get("tags") or ()),
            )
            for item in _read(strengths, ("id", "title"))
        ]
        ranked = match.rank_all([str(item["text"]) for item in wanted], bank)
        result = [
            {
                "requirement": str(item["id"]),
                "best": found.strength_id if (found := match.best(suggestions)) else None,
                "suggestions": [
                    {"strength": s.strength_id, "score": s.score, "why": list(s.why)}
                    for s in suggestions
                ],
            }
            for item, suggestions in zip(wanted, ranked, strict=True)
        ]
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))


def _read(path: Path, keys: tuple[str, ...]) -> list[dict]:
    """A JSON list of objects that all have `keys`, or a CommandError that says what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error
    except ValueError as error:
        raise CommandError(f"{path} is not valid JSON: {error}.") from error
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise CommandError(f"{path} must hold a JSON list of objects.")
    for number, item in enumerate(data, start=1):
        missing = [key for key in keys if key not in item]
        if missing:
            raise CommandError(f"{path}: item {number} has no {', '.join(missing)}.")
    return data
