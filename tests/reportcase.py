"""Shared helpers for report tests: fixed analyses, a fixed date, and an HTML tag collector."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import orjson

from core.models import Analysis

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
INPUTS = GOLDEN / "input"
HOSTILE_STRINGS = ROOT / "fixtures" / "hostile" / "strings.json"
# Every golden report says it was generated at this moment.
GENERATED = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
CASES = ("seed_like", "hostile")


@cache
def fixed_analysis(name: str) -> Analysis:
    """A hand-made analysis kept next to the goldens (copied from fixtures/analysis)."""
    return Analysis.from_json((INPUTS / f"{name}.analysis.json").read_bytes())


def hostile_strings() -> list[str]:
    data = orjson.loads(HOSTILE_STRINGS.read_bytes())
    return list(data["strings"])


class TagCollector(HTMLParser):
    """Collects every start tag (with attributes) and all text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(markup: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(markup)
    parser.close()
    return parser
