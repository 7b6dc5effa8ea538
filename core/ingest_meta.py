"""Article metadata for ingest: front matter, sidecar files, JSON fields and dates.

Front matter is the simple `---` block of `key: value` lines at the very top of a .txt/.md file
(parsed here; no YAML dependency). A sidecar `NAME.meta.json` (or `NAME.EXT.meta.json`) beside an
input holds the same keys as JSON and wins over front matter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from core.jsonfile import JsonFileError, read_json_file

# Accepted spellings of each metadata key (lower case), first is canonical.
_KEY_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "site", "sitename", "site_name", "publisher", "publication"),
    "author": ("author", "authors", "by", "byline", "writer"),
    "published": ("published", "date", "published_at", "publish_date", "pubdate", "datetime"),
    "url": ("url", "link", "source_url", "canonical"),
}
_ALIAS_TO_KEY = {alias: key for key, aliases in _KEY_ALIASES.items() for alias in aliases}

_FRONT_MATTER_FENCE = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
# Keys are single words ("title", "published_at"): a line of prose with a colon is not a key.
_FRONT_MATTER_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_FRONT_MATTER_MAX = 8192

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})\b"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})\b"),
)


class ArticleMeta(BaseModel):
    """Metadata known about one article; None means unknown."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None

    def merged_over(self, weaker: ArticleMeta) -> ArticleMeta:
        """These values, with gaps filled from `weaker`."""
        return ArticleMeta(
            title=self.title or weaker.title,
            outlet=self.outlet or weaker.outlet,
            author=self.author or weaker.author,
            published=self.published or weaker.published,
            url=self.url or weaker.url,
        )


def parse_date(value: str) -> str | None:
    """The first date found in `value` as ISO 'YYYY-MM-DD', or None when there is none."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(value):
            parts = match.groupdict()
            if parts.get("month") is not None:
                month = _MONTHS.get(parts["month"].lower())
            else:
                month = int(parts["mnum"])
            if month is None:
                continue
            try:
                return date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                continue
    return None


def normalise_published(value: str) -> str:
    """An ISO date (or datetime, when one is given in ISO form) if parseable, else `value` as is."""
    stripped = value.strip()
    try:
        parsed = datetime.fromisoformat(stripped.replace("Z", "+00:00"))
    except ValueError:
        return parse_date(stripped) or stripped
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", stripped):
        return stripped
    return parsed.isoformat()


def meta_from_mapping(data: Mapping[str, Any]) -> ArticleMeta:
    """Metadata from a JSON object or front matter; unknown keys are ignored."""
    values: dict[str, str] = {}
    for raw_key, raw_value in data.items():
        key = _ALIAS_TO_KEY.get(str(raw_key).strip().lower().replace("-", "_"))
        if key is None or key in values:
            continue
        text = _as_text(raw_value)
        if text:
            values[key] = normalise_published(text) if key == "published" else text
    return ArticleMeta(**values)


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        names = [_as_text(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        # schema.org style {"name": "Jane Roe"}
        return _as_text(value.get("name"))
    return None


def parse_front_matter(text: str) -> tuple[ArticleMeta, int]:
    """Metadata from a leading `---` block of `key: value` lines, and the offset where it ends.

    Returns (empty metadata, 0) when the text has no such block.
    """
    fence = _FRONT_MATTER_FENCE.match(text)
    if fence is None:
        return ArticleMeta(), 0
    end = _FRONT_MATTER_END.search(text, fence.end(), fence.end() + _FRONT_MATTER_MAX)
    if end is None:
        return ArticleMeta(), 0
    pairs: dict[str, str] = {}
    for line in text[fence.end():end.start()].splitlines():
        match = _FRONT_MATTER_LINE.match(line)
        if match is None:
            if line.strip():
                # Not simple key: value front matter (a horizontal rule, prose…): leave it alone.
                return ArticleMeta(), 0
            continue
        pairs.setdefault(match.group(1), _unquote(match.group(2)))
    if not pairs:
        return ArticleMeta(), 0
    return meta_from_mapping(pairs), end.end()


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """Where a metadata sidecar for `path` may be: NAME.meta.json, then NAME.EXT.meta.json."""
    return path.with_name(path.stem + ".meta.json"), path.with_name(path.name + ".meta.json")


def is_sidecar(path: Path) -> bool:
    """True for a file named like a metadata sidecar (*.meta.json)."""
    return path.name.lower().endswith(".meta.json")


class SidecarError(ValueError):
    """A sidecar exists but is not a JSON object."""


def read_sidecar(path: Path) -> ArticleMeta:
    """Metadata from the sidecar beside `path`, or empty metadata when there is none."""
    for candidate in sidecar_paths(path):
        if candidate == path or not candidate.is_file():
            continue
        try:
            data = read_json_file(candidate)
        except JsonFileError as exc:
            raise SidecarError(f"metadata sidecar {candidate.name}: {exc}") from exc
        if not isinstance(data, dict):
            raise SidecarError(f"metadata sidecar {candidate.name} must hold a JSON object")
        return meta_from_mapping(data)
    return ArticleMeta()
