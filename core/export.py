"""Export an analysis as a report: one entry point for the CLI and the TUI's export dialog.

Formats: `md` (Markdown report), `html` (self-contained HTML report), `json` (the analysis
contract, `Analysis.to_json`) and `csv` (one row per claim). Every format returns bytes ready
to write (UTF-8; CSV with a byte order mark).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import Literal, get_args

from core.compare import Comparison
from core.models import Analysis
from core.report_csv import render_csv
from core.report_html import render_html
from core.report_markdown import render_markdown

ExportFormat = Literal["md", "html", "json", "csv"]
FORMATS: tuple[str, ...] = get_args(ExportFormat)
SUFFIXES: dict[str, str] = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv"}
_FORMAT_OF_SUFFIX = {
    ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv",
}


def format_for_path(path: str | PurePath) -> str | None:
    """The export format a file name implies by its suffix (None when it implies none)."""
    return _FORMAT_OF_SUFFIX.get(PurePath(path).suffix.lower())


def export_analysis(
    analysis: Analysis,
    fmt: str,
    *,
    generated: datetime | None = None,
    comparison: Comparison | None = None,
) -> bytes:
    """The analysis rendered in `fmt` ('md', 'html', 'json' or 'csv') as bytes.

    `generated` fixes the date printed in md/html reports (default: now); `comparison` reuses
    an already-built view model of the same analysis (the TUI has one)."""
    if fmt == "json":
        return analysis.to_json(indent=True) + b"\n"
    if fmt == "csv":
        return render_csv(analysis)
    if fmt == "md":
        return render_markdown(analysis, generated, comparison).encode("utf-8")
    if fmt == "html":
        return render_html(analysis, generated, comparison).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
