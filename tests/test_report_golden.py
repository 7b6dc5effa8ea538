"""Golden files: every export format of two fixed analyses, byte for byte.

The inputs are hand-made analyses (tests/golden/input/, copied from fixtures/analysis) so the
goldens do not move while the pipeline improves. After an intended change to a report, rewrite
the goldens and review the diff by eye:

    PERSPECTA_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py
"""

from __future__ import annotations

import difflib
import os

import pytest

from core.export import FORMATS, SUFFIXES, export_analysis
from tests.reportcase import CASES, GENERATED, GOLDEN, fixed_analysis

UPDATE = os.environ.get("PERSPECTA_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", CASES)
def test_export_matches_golden(case: str, fmt: str) -> None:
    produced = export_analysis(fixed_analysis(case), fmt, generated=GENERATED)
    golden = GOLDEN / f"{case}{SUFFIXES[fmt]}"
    if UPDATE or not golden.exists():
        golden.write_bytes(produced)
        if not UPDATE:
            pytest.fail(f"{golden.name} did not exist and was written: review it, then rerun")
    expected = golden.read_bytes()
    if produced != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8-sig").splitlines(),
            produced.decode("utf-8-sig").splitlines(),
            fromfile=f"golden/{golden.name}",
            tofile="produced",
            lineterm="",
            n=1,
        )
        shown = "\n".join(list(diff)[:60])
        pytest.fail(
            f"{golden.name} differs (PERSPECTA_UPDATE_GOLDEN=1 rewrites it):\n{shown}"
        )


def test_golden_reports_are_reproducible() -> None:
    # Same analysis and date twice: the same bytes (no dict-order or clock leaks).
    analysis = fixed_analysis("seed_like")
    for fmt in FORMATS:
        assert export_analysis(analysis, fmt, generated=GENERATED) == export_analysis(
            analysis, fmt, generated=GENERATED
        )


def test_generated_date_is_printed() -> None:
    analysis = fixed_analysis("seed_like")
    for fmt in ("md", "html"):
        assert b"2026-01-02 03:04 UTC" in export_analysis(analysis, fmt, generated=GENERATED)
